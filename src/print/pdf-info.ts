/**
 * The document information a finished PDF carries, as PDF text: the Info dictionary from a
 * PdfMeta, dates from the data (never the clock), and a document /ID derived from the content.
 * No PDF library: the files in Chrome's own shape are finished and joined as text (chrome-pdf.ts).
 */
import { createHash } from 'node:crypto';
import { parseIsoDate } from '../model/dates.ts';
import type { PdfMeta } from './print-document.ts';

export const PRODUCER_NAME = 'nianbao';

/** D:YYYYMMDDHHmmSS+08'00': midnight in China, where the documents are dated. */
export function pdfDate(isoDate: string): string {
  const d = parseIsoDate(isoDate);
  if (!d) throw new Error(`PDF 日期无效：${isoDate}`);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `D:${d.year}${pad(d.month)}${pad(d.day)}000000+08'00'`;
}

/** A text string: UTF-16BE with its byte order mark, in hex. */
export function pdfTextString(text: string): string {
  const hex = ['FEFF'];
  for (let i = 0; i < text.length; i++) hex.push(text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0'));
  return `<${hex.join('')}>`;
}

/** A literal string of ASCII text (a language tag), escaped. */
export function pdfLiteralString(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** The Info dictionary of `meta`; `producer` (a PDF string, as the source had it) when known. */
export function infoDictionary(meta: PdfMeta, producer?: string): string {
  const entries = [
    `/Title ${pdfTextString(meta.title)}`,
    `/Author ${pdfTextString(meta.author)}`,
    ...(meta.subject ? [`/Subject ${pdfTextString(meta.subject)}`] : []),
    ...(meta.keywords?.length ? [`/Keywords ${pdfTextString(meta.keywords.join(' '))}`] : []),
    `/Creator ${pdfTextString(PRODUCER_NAME)}`,
    ...(producer ? [`/Producer ${producer}`] : []),
    `/CreationDate (${pdfDate(meta.date)})`,
    `/ModDate (${pdfDate(meta.date)})`,
  ];
  return `<<${entries.join('\n')}>>`;
}

/**
 * The /ID of a document from its finished parts (`parts`: latin1 text, the clock already taken
 * out) and `idSeed`: 32 hex digits. Hashing the parts as they are spares re-reading the file.
 */
export function finishedContentId(parts: Iterable<string>, idSeed?: string): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part, 'latin1');
  if (idSeed) hash.update(idSeed);
  return hash.digest('hex').slice(0, 32);
}
