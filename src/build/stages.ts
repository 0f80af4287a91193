/**
 * The stages a build runs for each report, behind one interface so that tests can inject fast
 * stubs. The real stages are loaded on first use: a build in which every report is current never
 * loads the renderers, the DOCX library or puppeteer.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { ReportInput } from '../load/report-input.ts';
import type { ReportModel } from '../model/report-model.ts';
import type { PdfMeta, PrintDocument, Printer } from '../print/print-document.ts';
import type { TemplateDirs } from '../render/html/template-files.ts';
import type { WebLinks } from '../render/html/web-page-view.ts';

export interface GateResult {
  diagnostics: Diagnostic[];
  /** Null when the gate found errors. */
  model: ReportModel | null;
}

/** The renderers read the built-in templates and the agency's overrides. */
export type RenderContext = TemplateDirs;

export type { PdfMeta, PrintDocument, Printer } from '../print/print-document.ts';
export type { WebLinks } from '../render/html/web-page-view.ts';

export interface BuildStages {
  gate(input: ReportInput): Promise<GateResult>;
  web(model: ReportModel, ctx: RenderContext & { links: WebLinks }): Promise<{ indexHtml: string; fragmentHtml: string }>;
  print(model: ReportModel, ctx: RenderContext): Promise<{ report: PrintDocument; letter: PrintDocument | null }>;
  docx(model: ReportModel, ctx: RenderContext): Promise<{ report: Uint8Array; letter: Uint8Array | null }>;
  /** Makes the build's one printer; called by the first print, so it may launch its browser at once. */
  printer(): Promise<Printer>;
  mergeSubmission(letterPdf: Uint8Array, reportPdf: Uint8Array, meta: PdfMeta): Promise<Uint8Array>;
}

/**
 * Milliseconds a report spent in each stage: reading its data files (load), the gate, then the web
 * page (html), the DOCX files (docx) and the PDFs (pdf: print documents, printing — including any
 * wait for the browser — and the merged submission), and writing its folder (write). html, docx
 * and pdf run side by side, so their times overlap.
 */
export type StageTimings = Partial<Record<'load' | 'gate' | 'html' | 'docx' | 'pdf' | 'write', number>>;

/** Runs `work` and records how long it took under `stage`, also when it fails. */
export async function timed<T>(timings: StageTimings, stage: keyof StageTimings, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[stage] = Math.round(performance.now() - started);
  }
}

/** Every file a report folder can hold besides its manifest. */
export const OUTPUT_NAMES = ['report.pdf', 'letter.pdf', 'submission.pdf', 'index.html', 'fragment.html', 'report.docx', 'letter.docx'] as const;

export type OutputName = (typeof OUTPUT_NAMES)[number];

