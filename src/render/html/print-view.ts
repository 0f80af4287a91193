/**
 * The render contexts of the print templates (templates/print/*.hbs): the shared ReportView for
 * the annual report itself, plus the parts only paper has — the 版头 of a numbered report, its
 * 主送机关, 署名 and 版记, and the 函.
 */
import type { DatedSignature, ReportModel } from '../../model/report-model.ts';
import { buildNarrative, type BlockView } from './narrative-view.ts';
import { breakableTable } from './breakable-table.ts';
import { buildReportView, type ReportView } from './report-view.ts';
import { titlePhrases } from './print-title.ts';

/** The id of the 版记, which the printer sets at the foot of the last page. */
export const IMPRINT_ID = 'nb-imprint';

export interface NumberedView {
  letterhead: string;
  /** For the letterhead's size: it shrinks to fit the type area. */
  letterheadChars: number;
  number: string;
  signer?: string;
  title: string;
  /** `title` in phrases, for wrapping between them. */
  titlePhrases: string[];
  /** 主送机关 ending with a full-width colon; empty when none is given. */
  recipient: string;
  opening: BlockView[];
  closing?: string;
  signature: DatedSignature;
  imprint: { id: string; cc?: string; printed?: { by: string; date: string } } | null;
}

export interface PrintReportView {
  /** The document's title (<title>, the PDF's Title). */
  title: string;
  /** The plain report's title in phrases (the numbered report has its own). */
  titlePhrases: string[];
  report: ReportView;
  numbered: NumberedView | null;
}

export interface PrintLetterView {
  title: string;
  idPrefix: string;
  letter: {
    letterhead: string;
    letterheadChars: number;
    number?: string;
    title: string;
    titlePhrases: string[];
    recipient: string;
    body: BlockView[];
    signature: DatedSignature;
  };
}

/** 主送机关 without the colon the data may have written after it (the DOCX templates add their own). */
export const recipientName = (recipient: string): string => recipient.trim().replace(/[:：]$/, '');

/** 主送机关 end with a full-width colon, whatever the data wrote. */
export const recipientLine = (recipient: string): string => {
  const name = recipientName(recipient);
  return name ? `${name}：` : '';
};

const agencyNames = (model: ReportModel): string[] => [model.agency.name, model.agency.shortName];

const charCount = (text: string): number => [...text].length;

/** 抄送机关 separated by full-width commas, closed by a full stop (GB/T 9704 7.4.2). */
export const ccLine = (cc: readonly string[]): string | undefined =>
  cc.length ? `${cc.map((c) => c.trim().replace(/[，,。.]$/, '')).join('，')}。` : undefined;

/** The report view with its tables made breakable between groups (src/render/html/breakable-table.ts). */
function printReportBody(model: ReportModel): ReportView {
  const view = buildReportView(model);
  const requests = { ...view.requests, table: breakableTable(view.requests.table) };
  return { ...view, requests, sections: view.sections.map((s) => (s === view.requests ? requests : s)) };
}

export function buildPrintReportView(model: ReportModel): PrintReportView {
  const doc = model.document;
  const report = printReportBody(model);
  const names = agencyNames(model);
  if (!doc) return { title: model.title, titlePhrases: titlePhrases(model.title, names), report, numbered: null };
  const imprint =
    doc.cc.length || doc.printed ? { id: IMPRINT_ID, cc: ccLine(doc.cc), printed: doc.printed } : null;
  return {
    title: doc.title,
    titlePhrases: titlePhrases(model.title, names),
    // The numbered report signs with its own 署名 below the 结束语, not the published report's.
    report: { ...report, signature: null },
    numbered: {
      letterhead: doc.letterhead,
      letterheadChars: charCount(doc.letterhead),
      number: doc.number,
      signer: doc.signer,
      title: doc.title,
      titlePhrases: titlePhrases(doc.title, names),
      recipient: recipientLine(doc.recipient),
      opening: buildNarrative(doc.opening, 2),
      closing: doc.closing,
      signature: doc.signature,
      imprint,
    },
  };
}

export function buildPrintLetterView(model: ReportModel): PrintLetterView | null {
  const letter = model.letter;
  if (!letter) return null;
  return {
    title: letter.title,
    idPrefix: `nb-${model.year}`,
    letter: {
      letterhead: letter.letterhead,
      letterheadChars: charCount(letter.letterhead),
      number: letter.number,
      title: letter.title,
      titlePhrases: titlePhrases(letter.title, agencyNames(model)),
      recipient: recipientLine(letter.recipient),
      body: buildNarrative(letter.body, 2),
      signature: letter.signature,
    },
  };
}
