/**
 * The real stages: the gate, the HTML, print and DOCX renderers and the printer. Each module is
 * imported on first use, so a build in which every report is current loads none of the renderers,
 * the DOCX libraries or puppeteer, and launches no browser.
 */
import type { NianbaoOptions } from '../options.ts';
import type { BuildStages } from './stages.ts';

/** Imports once, when first called. */
function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => (loading ??= load());
}

const gate = lazy(() => import('../check/index.ts'));
const web = lazy(() => import('../render/html/web-page.ts'));
const print = lazy(() => import('../render/html/print-documents.ts'));
const docx = lazy(() => import('../render/docx/index.ts'));
const printing = lazy(() => import('../print/index.ts'));

export function defaultStages(options: NianbaoOptions): BuildStages {
  return {
    gate: async (input) => (await gate()).checkReport(input, options),
    web: async (model, ctx) => (await web()).renderWebPage(model, ctx),
    print: async (model, ctx) => (await print()).renderPrintDocuments(model, ctx),
    docx: async (model, ctx) => (await docx()).renderDocx(model, ctx),
    printer: async () => (await printing()).createPrinter(options),
    mergeSubmission: async (letter, report, meta) => (await printing()).mergeSubmission(letter, report, meta),
  };
}
