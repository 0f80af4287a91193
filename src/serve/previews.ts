/**
 * The preview server's reports, built in memory with the build's own stages: the gate, then the
 * web page and the print documents (shown as HTML, no PDF needed). A report is built when first
 * asked for and again whenever a file it depends on changes; PDFs and DOCX are made on request.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { loadReportInput } from '../load/report-input.ts';
import type { ReportModel } from '../model/report-model.ts';
import type { NianbaoOptions } from '../options.ts';
import { lazyPrinter } from '../build/lazy-printer.ts';
import { pdfMeta, wantedOutputs, webLinks } from '../build/render-outputs.ts';
import type { BuildStages, OutputName, PrintDocument, Printer } from '../build/stages.ts';

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

export interface RenderedPreview {
  model: ReportModel;
  web: { indexHtml: string; fragmentHtml: string };
  print: { report: PrintDocument; letter: PrintDocument | null };
}

export const previewKey = (agencyId: string, year: number): string => `${agencyId}/${year}`;

export class Previews {
  #cache = new Map<string, Promise<Preview>>();
  #printer: Printer;

  constructor(
    private readonly options: NianbaoOptions,
    private readonly stages: BuildStages,
  ) {
    this.#printer = lazyPrinter(() => stages.printer());
  }

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
    await Promise.all(
      viewed.map((key) => {
        const [agencyId, year] = key.split('/') as [string, string];
        return this.exists(agencyId, Number(year)) ? this.get(agencyId, Number(year)) : null;
      }),
    );
    return viewed;
  }

  /** Keys of the cached reports of one agency. */
  keysOf(agencyId: string): string[] {
    return [...this.#cache.keys()].filter((k) => k.startsWith(`${agencyId}/`));
  }

  /** A PDF or DOCX output of a rendered report, made now; null when the report has no such output (no 函). */
  async output(rendered: RenderedPreview, name: OutputName): Promise<Uint8Array | null> {
    const { model, print: docs } = rendered;
    if (!wantedOutputs(model).includes(name)) return null;
    if (name.endsWith('.docx')) {
      const docx = await this.stages.docx(model, this.#context(model.agencyId));
      return name === 'report.docx' ? docx.report : docx.letter;
    }
    const print = (doc: PrintDocument, kind: 'report' | 'letter') => this.#printer.print(doc, pdfMeta(model, kind)).then((r) => r.pdf);
    if (name === 'report.pdf') return print(docs.report, 'report');
    if (!docs.letter) return null;
    const letter = await print(docs.letter, 'letter');
    if (name === 'letter.pdf') return letter;
    return this.stages.mergeSubmission(letter, await print(docs.report, 'report'), pdfMeta(model, 'submission'));
  }

  close(): Promise<void> {
    return this.#printer.close();
  }

  #context(agencyId: string) {
    return { templatesDir: this.options.templatesDir, agencyDir: path.join(this.options.dataDir, agencyId) };
  }

  async #build(agencyId: string, year: number): Promise<Preview> {
    const preview: Preview = {
      key: previewKey(agencyId, year), agencyId, year, diagnostics: [], sources: {}, rendered: null, error: null,
    };
    try {
      const input = await loadReportInput(path.join(this.options.dataDir, agencyId), year);
      for (const source of [input.agency, input.report, input.previous]) if (source) preview.sources[source.file] = source.text;
      const gate = await this.stages.gate(input);
      preview.diagnostics = gate.diagnostics;
      const model = gate.model;
      if (!model) return preview;
      const ctx = this.#context(agencyId);
      const [web, print] = await Promise.all([this.stages.web(model, { ...ctx, links: webLinks(model) }), this.stages.print(model, ctx)]);
      preview.rendered = { model, web, print };
    } catch (error) {
      preview.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
    }
    return preview;
  }
}
