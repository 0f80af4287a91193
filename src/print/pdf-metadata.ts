/**
 * The finishing pass over Chrome's PDF: metadata Chrome cannot set (Author, Subject, Keywords,
 * the language), dates from the data instead of the clock and a document /ID derived from the
 * input, so that the same report always gives byte-identical files. pdf-lib saves once.
 */
import { createHash } from 'node:crypto';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
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

/** Writes `meta` into `doc`, everything but the /ID (see {@link saveWithId}). */
export function applyMetadata(doc: PDFDocument, meta: PdfMeta): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  if (meta.subject) doc.setSubject(meta.subject);
  if (meta.keywords?.length) doc.setKeywords(meta.keywords);
  doc.setCreator(PRODUCER_NAME);
  // pdf-lib's date setters write UTC; the raw form keeps the document's own day and zone.
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of('CreationDate'), PDFString.of(pdfDate(meta.date)));
  info.set(PDFName.of('ModDate'), PDFString.of(pdfDate(meta.date)));
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.language ?? 'zh-CN'));
}

/**
 * Chrome's raw PDF without what varies from one print of the same document to the next: its
 * dates (Info and XMP) and the structure elements' node IDs (see structure-ids.ts).
 */
export function withoutClock(pdf: Uint8Array): string {
  return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength)
    .toString('latin1')
    .replace(/\/(CreationDate|ModDate)\s*\([^)]*\)/g, '')
    .replace(/\(node\d+\)/g, '')
    .replace(/<(xmp:(?:CreateDate|ModifyDate|MetadataDate)|xmpMM:(?:DocumentID|InstanceID))>[^<]*<\/\1>/g, '');
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

/** The /ID of a document made from `sources` (the PDFs it was read from) and `idSeed`: 32 hex digits. */
export function contentId(sources: readonly Uint8Array[], idSeed?: string): string {
  const hash = createHash('sha256');
  for (const source of sources) hash.update(withoutClock(source));
  if (idSeed) hash.update(idSeed);
  return hash.digest('hex').slice(0, 32);
}

/**
 * Saves `doc`, once, with a document /ID that is a hash of what it was made from — `sources`,
 * the PDFs it was read from, without their clock — and of `idSeed` when given: the same content
 * always gets the same ID, other content another.
 */
export async function saveWithId(doc: PDFDocument, sources: readonly Uint8Array[], idSeed?: string): Promise<Uint8Array> {
  // Two equal halves: the file is written once, never updated incrementally.
  const id = PDFHexString.of(contentId(sources, idSeed));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  // No object streams: they only shrink the file, and compressing them was most of the save.
  // objectsPerTick: the save never yields to the event loop, so it takes no longer than its work.
  return doc.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY });
}
