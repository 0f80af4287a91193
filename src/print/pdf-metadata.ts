/**
 * The metadata of a PDF in any shape, through pdf-lib (the general path; pdf-info.ts writes it
 * as text for Chrome's own shape): metadata Chrome cannot set (Author, Subject, Keywords, the
 * language), dates from the data instead of the clock and a document /ID derived from the input,
 * so that the same report always gives byte-identical files. pdf-lib saves once.
 */
import { createHash } from 'node:crypto';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { pdfDate, PRODUCER_NAME } from './pdf-info.ts';
import type { PdfMeta } from './print-document.ts';

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
