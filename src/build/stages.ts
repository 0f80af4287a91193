/**
 * The stages a build runs for each report, behind one interface so that tests can inject fast
 * stubs and so that the build works while a renderer is still missing (its outputs are then
 * reported as not built). The real stages are loaded on first use: a build in which every report
 * is current never loads the renderers, the DOCX library or puppeteer.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { ReportInput } from '../load/report-input.ts';
import type { ReportModel } from '../model/report-model.ts';
import type { PdfMeta, PrintDocument, Printer } from '../print/print-document.ts';

export interface GateResult {
  diagnostics: Diagnostic[];
  /** Null when the gate found errors. */
  model: ReportModel | null;
}

export interface RenderContext {
  templatesDir: string;
  agencyDir: string;
}

/** Relative links from the report's web page to its other outputs. */
export interface WebLinks {
  reportPdf?: string;
  letterPdf?: string;
  submissionPdf?: string;
  reportDocx?: string;
  letterDocx?: string;
}

export type { PdfMeta, PrintDocument, Printer } from '../print/print-document.ts';

export interface BuildStages {
  gate(input: ReportInput): Promise<GateResult>;
  web: ((model: ReportModel, ctx: RenderContext & { links: WebLinks }) => Promise<{ indexHtml: string; fragmentHtml: string }>) | null;
  print: ((model: ReportModel, ctx: RenderContext) => Promise<{ report: PrintDocument; letter: PrintDocument | null }>) | null;
  docx: ((model: ReportModel, ctx: RenderContext) => Promise<{ report: Uint8Array; letter: Uint8Array | null }>) | null;
  /** Makes the build's one printer; it must launch its browser lazily, on the first print. */
  printer: (() => Printer) | null;
  mergeSubmission: ((letterPdf: Uint8Array, reportPdf: Uint8Array, meta: PdfMeta) => Promise<Uint8Array>) | null;
}

/** What each output needs; an output is built only when all its stages exist. */
export const OUTPUT_NEEDS = {
  'report.pdf': ['print', 'printer'],
  'letter.pdf': ['print', 'printer'],
  'submission.pdf': ['print', 'printer', 'mergeSubmission'],
  'index.html': ['web'],
  'fragment.html': ['web'],
  'report.docx': ['docx'],
  'letter.docx': ['docx'],
} as const satisfies Record<string, ReadonlyArray<keyof BuildStages>>;

export type OutputName = keyof typeof OUTPUT_NEEDS;

export const canBuild = (stages: BuildStages, output: OutputName): boolean =>
  OUTPUT_NEEDS[output].every((stage) => stages[stage] !== null);

/** Outputs no report of this build can produce, for the transitional notice. */
export const missingOutputs = (stages: BuildStages): OutputName[] =>
  (Object.keys(OUTPUT_NEEDS) as OutputName[]).filter((o) => !canBuild(stages, o));

