/**
 * The preview server's reports, built in memory with the build's own stages: the gate, then the
 * web page and the print documents (shown as HTML, no PDF needed). A report is built when first
 * asked for and again whenever a file it depends on changes; PDFs and DOCX are made on request.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { loadReportInput } from '../load/report-input.ts';
import type { NianbaoOptions } from '../options.ts';
import type { OutputName, PreviewRenderer, RenderedReport } from '../build/preview-renderer.ts';

export interface Preview {
  key: string;
  agencyId: string;
  year: number;
  diagnostics: Diagnostic[];
  /** Text of each file the diagnostics point into, for showing the lines. */
  sources: Record<string, string>;
  /** Null when the gate found errors or a renderer failed. */
  rendered: RenderedPreview | null;
  /** A renderer failed (the data passed the gate). */
  error: string | null;
}

export type RenderedPreview = RenderedReport;

/** A report as the index lists it: found by the gate alone, nothing rendered. */
export interface PreviewStatus {
  agencyName: string;
  errors: number;
  warnings: number;
  /** The files a build would write for it; empty when the gate fails. */
  outputs: OutputName[];
}

const nameIn = (data: unknown): string | null => {
  const name = (data as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name ? name : null;
};

export const previewKey = (agencyId: string, year: number): string => `${agencyId}/${year}`;

export class Previews {
  #cache = new Map<string, Promise<Preview>>();
  #statuses = new Map<string, Promise<PreviewStatus>>();

  constructor(
    private readonly options: NianbaoOptions,
    private readonly renderer: PreviewRenderer,
  ) {}

  /** Whether the data folder holds this report. */
  exists(agencyId: string, year: number): boolean {
    return fs.existsSync(path.join(this.options.dataDir, agencyId, `${year}.yaml`));
  }

  get(agencyId: string, year: number): Promise<Preview> {
    const key = previewKey(agencyId, year);
    let preview = this.#cache.get(key);
    if (!preview) {
      preview = this.#build(agencyId, year);
      this.#cache.set(key, preview);
    }
    return preview;
  }

  /** Forgets the given reports (all when `keys` is null) and rebuilds those that were being viewed. */
  async refresh(keys: string[] | null): Promise<string[]> {
    const stale = keys ?? [...this.#cache.keys()];
    const viewed = stale.filter((k) => this.#cache.has(k));
    for (const key of stale) this.#cache.delete(key);
    for (const key of keys ?? [...this.#statuses.keys()]) this.#statuses.delete(key);
    await Promise.all(
      viewed.map((key) => {
        const [agencyId, year] = key.split('/') as [string, string];
        return this.exists(agencyId, Number(year)) ? this.get(agencyId, Number(year)) : null;
      }),
    );
    return viewed;
  }

  /** The gate's verdict on a report, for the index; the report's preview when it is built already. */
  status(agencyId: string, year: number): Promise<PreviewStatus> {
    const key = previewKey(agencyId, year);
    let status = this.#statuses.get(key);
    if (!status) {
      status = this.#status(agencyId, year);
      this.#statuses.set(key, status);
    }
    return status;
  }

  async #status(agencyId: string, year: number): Promise<PreviewStatus> {
    const count = (diagnostics: readonly Diagnostic[]) => {
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      return { errors, warnings: diagnostics.length - errors };
    };
    const built = await this.#cache.get(previewKey(agencyId, year));
    if (built?.rendered) {
      const { model } = built.rendered;
      return { agencyName: model.agency.name, ...count(built.diagnostics), outputs: this.renderer.outputsOf(model) };
    }
    const input = await loadReportInput(path.join(this.options.dataDir, agencyId), year);
    const gate = await this.renderer.gate(input);
    return {
      agencyName: gate.model?.agency.name ?? nameIn(input.agency?.data) ?? agencyId,
      ...count(gate.diagnostics),
      outputs: gate.model ? this.renderer.outputsOf(gate.model) : [],
    };
  }

  /** Keys of the cached reports of one agency. */
  keysOf(agencyId: string): string[] {
    return [...this.#cache.keys()].filter((k) => k.startsWith(`${agencyId}/`));
  }

  /** A PDF or DOCX output of a rendered report, made now; null when the report has no such output (no 函). */
  output(rendered: RenderedPreview, name: OutputName): Promise<Uint8Array | null> {
    return this.renderer.output(rendered, name);
  }

  close(): Promise<void> {
    return this.renderer.close();
  }

  async #build(agencyId: string, year: number): Promise<Preview> {
    const preview: Preview = {
      key: previewKey(agencyId, year), agencyId, year, diagnostics: [], sources: {}, rendered: null, error: null,
    };
    try {
      const input = await loadReportInput(path.join(this.options.dataDir, agencyId), year);
      for (const source of [input.agency, input.report, input.previous]) if (source) preview.sources[source.file] = source.text;
      const gate = await this.renderer.gate(input);
      preview.diagnostics = gate.diagnostics;
      if (!gate.model) return preview;
      preview.rendered = await this.renderer.render(gate.model);
    } catch (error) {
      preview.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
    }
    return preview;
  }
}
