/**
 * The build seen from the preview server: one report at a time, in memory, with the build's own
 * stages — gate, web page, print documents — and any PDF or DOCX output made on request with one
 * lazily launched printer. This is all `nianbao serve` uses of the build.
 */
import path from 'node:path';
import type { ReportInput } from '../load/report-input.ts';
import type { ReportModel } from '../model/report-model.ts';
import type { NianbaoOptions } from '../options.ts';
import { defaultStages } from './default-stages.ts';
import { lazyPrinter } from './lazy-printer.ts';
import { pdfMeta, wantedOutputs, webLinks } from './render-outputs.ts';
import { OUTPUT_NAMES, type BuildStages, type GateResult, type OutputName, type PrintDocument } from './stages.ts';

export { OUTPUT_NAMES, type BuildStages, type GateResult, type OutputName, type PrintDocument };

export interface RenderedReport {
  model: ReportModel;
  web: { indexHtml: string; fragmentHtml: string };
  print: { report: PrintDocument; letter: PrintDocument | null };
}

export interface PreviewRenderer {
  gate(input: ReportInput): Promise<GateResult>;
  /** The web page and the print documents of a model that passed the gate. */
  render(model: ReportModel): Promise<RenderedReport>;
  /** The files the report's build writes (no 函, no letter files). */
  outputsOf(model: ReportModel): OutputName[];
  /** A PDF or DOCX output, made now; null when the report has no such output. */
  output(rendered: RenderedReport, name: OutputName): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

export function previewRenderer(options: NianbaoOptions, stages: BuildStages = defaultStages(options)): PreviewRenderer {
  const printer = lazyPrinter(() => stages.printer());
  const context = (agencyId: string) => ({ templatesDir: options.templatesDir, agencyDir: path.join(options.dataDir, agencyId) });
  return {
    gate: (input) => stages.gate(input),
    async render(model) {
      const ctx = context(model.agencyId);
      const [web, print] = await Promise.all([stages.web(model, { ...ctx, links: webLinks(model) }), stages.print(model, ctx)]);
      return { model, web, print };
    },
    outputsOf: wantedOutputs,
    async output({ model, print: docs }, name) {
      if (!wantedOutputs(model).includes(name)) return null;
      if (name.endsWith('.docx')) {
        const docx = await stages.docx(model, context(model.agencyId));
        return name === 'report.docx' ? docx.report : docx.letter;
      }
      const print = (doc: PrintDocument, kind: 'report' | 'letter') => printer.print(doc, pdfMeta(model, kind)).then((r) => r.pdf);
      if (name === 'report.pdf') return print(docs.report, 'report');
      if (!docs.letter) return null;
      const letter = await print(docs.letter, 'letter');
      if (name === 'letter.pdf') return letter;
      return stages.mergeSubmission(letter, await print(docs.report, 'report'), pdfMeta(model, 'submission'));
    },
    close: () => printer.close(),
  };
}
