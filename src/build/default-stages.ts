/**
 * The real stages: the gate, the HTML, print and DOCX renderers and the printer. Each module is
 * imported on first use, so a build in which every report is current loads none of the renderers,
 * the DOCX libraries or puppeteer, and launches no browser. The print and DOCX renderers set type
 * in the fonts of `fonts` (the build's font plan; resolved here on first use when not given).
 */
import type { FontPlan } from '../fonts/index.ts';
import type { NianbaoOptions } from '../options.ts';
import type { PrintFonts } from '../render/html/print-fonts.ts';
import type { BuildStages } from './stages.ts';

/** Imports once, when first called. */
function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => (loading ??= load());
}

const gate = lazy(() => import('../check/index.ts'));
const web = lazy(() => import('../render/html/web-page.ts'));
const print = lazy(() => import('../render/html/print-documents.ts'));
const printFonts = lazy(() => import('../render/html/print-fonts.ts'));
const docx = lazy(() => import('../render/docx/index.ts'));
// The printer's module holds only the browser's code, so that its launch starts soon (printer.ts).
const printing = lazy(() => import('../print/printer.ts'));
const merging = lazy(() => import('../print/merge-submission.ts'));
const fontResolution = lazy(() => import('../fonts/index.ts'));

export function defaultStages(options: NianbaoOptions, fonts?: Promise<FontPlan>): BuildStages {
  const plan = lazy(async () => fonts ?? (await fontResolution()).resolveFonts({ fontsDir: options.fontsDir }));
  // One per build: the subsets of the official fonts are made once for all its documents.
  const faces = lazy(async (): Promise<PrintFonts> => new (await printFonts()).PrintFonts(await plan()));
  return {
    gate: async (input) => (await gate()).checkReport(input, options),
    web: async (model, ctx) => (await web()).renderWebPage(model, ctx),
    print: async (model, ctx) => (await print()).renderPrintDocuments(model, ctx, await faces()),
    docx: async (model, ctx) => (await docx()).renderDocx(model, ctx, await plan()),
    printer: async () => (await printing()).createPrinter(options),
    mergeSubmission: async (letter, report, meta) => (await merging()).mergeSubmission(letter, report, meta),
  };
}
