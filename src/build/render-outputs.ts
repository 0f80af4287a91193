/**
 * Renders every output of one report: the PDFs, the DOCX files and the web page. The three run
 * side by side, so HTML and DOCX work overlaps with printing.
 */
import { documentProperties, type DocumentKind } from '../model/document-properties.ts';
import type { ReportModel } from '../model/report-model.ts';
import { timed, type BuildStages, type OutputName, type PdfMeta, type Printer, type RenderContext, type StageTimings, type WebLinks } from './stages.ts';

export interface RenderedOutputs {
  files: Map<OutputName, Uint8Array>;
  /** The printer's notes (e.g. a glyph missing from the fonts). */
  notes: string[];
}

/** The outputs a report has: the letter's three only when the year has a 函. */
export function wantedOutputs(model: ReportModel): OutputName[] {
  const letter = model.letter !== null;
  return [
    'report.pdf',
    ...(letter ? (['letter.pdf', 'submission.pdf'] as const) : []),
    'index.html',
    'fragment.html',
    'report.docx',
    ...(letter ? (['letter.docx'] as const) : []),
  ];
}

/** Links from the web page to the report's other outputs (the letter's only when there is a 函). */
export function webLinks(model: ReportModel): WebLinks {
  const wanted = new Set(wantedOutputs(model));
  const linkTo = (o: OutputName) => (wanted.has(o) ? o : undefined);
  return {
    reportPdf: linkTo('report.pdf'),
    letterPdf: linkTo('letter.pdf'),
    submissionPdf: linkTo('submission.pdf'),
    reportDocx: linkTo('report.docx'),
    letterDocx: linkTo('letter.docx'),
  };
}

/** `idSeed` (the report's fingerprint) makes the PDF's /ID, so unchanged inputs give identical bytes. */
export function pdfMeta(model: ReportModel, kind: DocumentKind, idSeed?: string): PdfMeta {
  return {
    ...documentProperties(model, kind),
    language: 'zh-CN',
    idSeed: idSeed ? `${idSeed}:${kind}` : undefined,
  };
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export async function renderOutputs(
  model: ReportModel,
  stages: BuildStages,
  printer: Printer,
  ctx: RenderContext,
  idSeed?: string,
  timings: StageTimings = {},
): Promise<RenderedOutputs> {
  const files = new Map<OutputName, Uint8Array>();
  const notes: string[] = [];

  const web = async () => {
    const page = await stages.web(model, { ...ctx, links: webLinks(model) });
    files.set('index.html', utf8(page.indexHtml));
    files.set('fragment.html', utf8(page.fragmentHtml));
  };
  const docx = async () => {
    const documents = await stages.docx(model, ctx);
    files.set('report.docx', documents.report);
    if (documents.letter) files.set('letter.docx', documents.letter);
  };
  let printReady: () => void = () => {};
  const printRendered = new Promise<void>((resolve) => (printReady = resolve));
  const pdf = async () => {
    const documents = await stages.print(model, ctx).catch((error: unknown) => {
      printReady();
      throw error;
    });
    const printing = Promise.all([
      printer.print(documents.report, pdfMeta(model, 'report', idSeed)),
      documents.letter ? printer.print(documents.letter, pdfMeta(model, 'letter', idSeed)) : null,
    ]);
    printReady();
    const [report, letter] = await printing;
    files.set('report.pdf', report.pdf);
    notes.push(...report.warnings);
    if (letter) {
      files.set('letter.pdf', letter.pdf);
      notes.push(...letter.warnings);
      files.set('submission.pdf', await stages.mergeSubmission(letter.pdf, report.pdf, pdfMeta(model, 'submission', idSeed)));
    }
  };
  // The print documents are made first and handed to the browser; the web page and the DOCX files
  // (Node's own work) are made after them, while Chrome prints.
  await Promise.all([
    timed(timings, 'pdf', pdf),
    printRendered.then(() => Promise.all([timed(timings, 'docx', docx), timed(timings, 'html', web)])),
  ]);

  const missing = wantedOutputs(model).filter((o) => !files.has(o));
  if (missing.length) throw new Error(`渲染结果缺少 ${missing.join('、')}`);
  return { files, notes: [...new Set(notes)] };
}
