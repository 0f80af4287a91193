/**
 * Renders every output of one report that the available stages can make: the web page, the DOCX
 * files and the PDFs. The three run side by side, so HTML and DOCX work overlaps with printing.
 */
import type { ReportModel } from '../model/report-model.ts';
import { canBuild, type BuildStages, type OutputName, type PdfMeta, type Printer, type RenderContext, type WebLinks } from './stages.ts';

export interface RenderedOutputs {
  files: Map<OutputName, Uint8Array>;
  /** Outputs the report should have but no stage could make yet. */
  notBuilt: OutputName[];
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

/** `idSeed` (the report's fingerprint) makes the PDF's /ID, so unchanged inputs give identical bytes. */
export function pdfMeta(model: ReportModel, kind: 'report' | 'letter' | 'submission', idSeed?: string): PdfMeta {
  const title = kind === 'report' ? (model.document?.title ?? model.title) : (model.letter?.title ?? model.title);
  return {
    title,
    author: model.agency.name,
    subject: `${model.agency.name}${model.year}年度政府信息公开工作年度报告`,
    keywords: ['政府信息公开', '年度报告', String(model.year), model.agency.name],
    date: model.issuedOn,
    language: 'zh-CN',
    idSeed: idSeed ? `${idSeed}:${kind}` : undefined,
  };
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export async function renderOutputs(
  model: ReportModel,
  stages: BuildStages,
  printer: Printer | null,
  ctx: RenderContext,
  idSeed?: string,
): Promise<RenderedOutputs> {
  const wanted = wantedOutputs(model);
  const building = new Set(wanted.filter((o) => canBuild(stages, o)));
  const files = new Map<OutputName, Uint8Array>();
  const notes: string[] = [];
  const linkTo = (o: OutputName) => (building.has(o) ? o : undefined);
  const links: WebLinks = {
    reportPdf: linkTo('report.pdf'),
    letterPdf: linkTo('letter.pdf'),
    submissionPdf: linkTo('submission.pdf'),
    reportDocx: linkTo('report.docx'),
    letterDocx: linkTo('letter.docx'),
  };

  const web = async () => {
    if (!stages.web || !building.has('index.html')) return;
    const page = await stages.web(model, { ...ctx, links });
    files.set('index.html', utf8(page.indexHtml));
    files.set('fragment.html', utf8(page.fragmentHtml));
  };
  const docx = async () => {
    if (!stages.docx || !building.has('report.docx')) return;
    const documents = await stages.docx(model, ctx);
    files.set('report.docx', documents.report);
    if (documents.letter && building.has('letter.docx')) files.set('letter.docx', documents.letter);
  };
  const pdf = async () => {
    if (!stages.print || !printer || !building.has('report.pdf')) return;
    const documents = await stages.print(model, ctx);
    const [report, letter] = await Promise.all([
      printer.print(documents.report, pdfMeta(model, 'report', idSeed)),
      documents.letter && building.has('letter.pdf') ? printer.print(documents.letter, pdfMeta(model, 'letter', idSeed)) : null,
    ]);
    files.set('report.pdf', report.pdf);
    notes.push(...report.warnings);
    if (letter) {
      files.set('letter.pdf', letter.pdf);
      notes.push(...letter.warnings);
      if (stages.mergeSubmission && building.has('submission.pdf')) {
        files.set('submission.pdf', await stages.mergeSubmission(letter.pdf, report.pdf, pdfMeta(model, 'submission', idSeed)));
      }
    }
  };
  await Promise.all([web(), docx(), pdf()]);

  const missing = wanted.filter((o) => !files.has(o) && building.has(o));
  if (missing.length) throw new Error(`渲染结果缺少 ${missing.join('、')}`);
  return { files, notBuilt: wanted.filter((o) => !building.has(o)), notes: [...new Set(notes)] };
}
