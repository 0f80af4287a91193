/**
 * submission.pdf: the 函 followed by the report, as one file (as 神木市 sent it). Pages are copied
 * as they are, so the report keeps its own page numbers from 1; the bookmarks and the structure
 * tree (tagging) of both parts are carried over and joined, and page labels name the two parts.
 * Every part but the last is padded with a blank page to an even count, so that the next starts on
 * an odd (front) page: printed on both sides, — 1 — then falls on a right-hand page like every odd
 * page number (GB/T 9704 7.5).
 *
 * Chrome's own PDFs are joined as text (join-chrome-pdfs.ts); any others through pdf-lib
 * (join-any-pdfs.ts).
 */
import { joinChromePdfs } from './join-chrome-pdfs.ts';
import type { PdfMeta } from './print-document.ts';

export async function mergeSubmission(letterPdf: Uint8Array, reportPdf: Uint8Array, meta: PdfMeta): Promise<Uint8Array> {
  return joinChromePdfs(letterPdf, reportPdf, meta) ?? (await import('./join-any-pdfs.ts')).joinAnyPdfs(letterPdf, reportPdf, meta);
}
