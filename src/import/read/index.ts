/**
 * Picks the reader for a published report by what its bytes are (a portal's download often
 * has the wrong extension, or none), the extension only breaking ties for text formats.
 * PDF, Word and saved pages are read here; plain text and Markdown by the text reader, which
 * the caller passes in (`readText` of ./text.ts).
 */
import path from 'node:path';
import PizZip from '../../render/docx/pizzip.ts';
import type { ImportedDocument, SourceFormat } from '../document.ts';
import { readDocx } from './docx.ts';
import { readHtml } from './html.ts';
import { readPdf } from './pdf.ts';

export type Reader = (file: string, bytes: Uint8Array) => Promise<ImportedDocument>;

/** A file no reader can take; `message` is for the user. */
export class UnreadableDocumentError extends Error {
  override name = 'UnreadableDocumentError';
}

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.shtml', '.xhtml', '.jsp', '.php', '.asp', '.aspx']);
const HTML_START = /^(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|table|p|article|section|style|script|link)[\s>/]/iu;

/** What `bytes` hold: a format a reader takes, or a Chinese reason why none can. */
export function sniffFormat(file: string, bytes: Uint8Array): SourceFormat {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) {
    let zip: PizZip;
    try {
      zip = new PizZip(bytes);
    } catch {
      throw new UnreadableDocumentError(`${file}：压缩文件已损坏，无法读取`);
    }
    if (zip.file('word/document.xml')) return 'docx';
    if (zip.file('content.xml')) throw new UnreadableDocumentError(`${file}：是 OpenDocument（.odt）文件，请另存为 .docx 或 PDF 后再导入`);
    throw new UnreadableDocumentError(`${file}：是压缩文件，但不是 Word 文档（没有 word/document.xml）`);
  }
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0')) {
    throw new UnreadableDocumentError(`${file}：是旧版 Word/WPS 文件（.doc/.wps），请另存为 .docx 或 PDF 后再导入`);
  }
  const text = head.replace(/^(\u00ef\u00bb\u00bf|\u00ff\u00fe|\u00fe\u00ff)/u, '').replace(/\u0000/gu, '').trimStart();
  if (HTML_START.test(text) || HTML_EXTENSIONS.has(path.extname(file).toLowerCase())) return 'html';
  const utf16 = /^(\u00ff\u00fe|\u00fe\u00ff)/u.test(head);
  if (!utf16 && /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/u.test(head)) {
    throw new UnreadableDocumentError(`${file}：不是可读取的报告文件（PDF、Word、网页或文本）`);
  }
  return 'text';
}

/** Reads one published report into the import seam. */
export async function readDocument(file: string, bytes: Uint8Array, readText: Reader): Promise<ImportedDocument> {
  const format = sniffFormat(file, bytes);
  const reader: Reader = format === 'pdf' ? readPdf : format === 'docx' ? readDocx : format === 'html' ? readHtml : readText;
  return reader(file, bytes);
}
