/**
 * Plain text and Markdown as copied from a PDF or a portal page: decoded (UTF-8, UTF-16 with a
 * BOM, else GB18030, the superset of GBK and GB2312 that Chinese Windows tools still write), one
 * paragraph block per non-blank line. Lines keep their tabs and `|`: a flattened table is the
 * interpreter's to rebuild, and so is a paragraph broken over several lines.
 */
import type { ImportedDocument, ParagraphBlock } from '../document.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** The encoding of `bytes` and its text without the BOM. */
export function decodeText(bytes: Uint8Array): { encoding: TextEncoding; text: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', text: decode('utf-8', bytes.subarray(3)) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', text: decode('utf-16le', bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', text: decode('utf-16be', bytes.subarray(2)) };
  try {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { encoding: 'gb18030', text: decode('gb18030', bytes) };
  }
}

const decode = (encoding: string, bytes: Uint8Array) => new TextDecoder(encoding).decode(bytes);

/** A Markdown table's rule line (`|---|:--:|`) separates nothing the interpreter needs. */
const TABLE_RULE = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

/** Markdown syntax that is layout, not content: heading marks, quote marks, hard-break spaces. */
function stripMarkdown(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/\s+#+\s*$/, '')
    .replace(/^\s{0,3}>\s?/, '')
    .replace(/\s+$/, '');
}

export function textBlocks(text: string): ParagraphBlock[] {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029|\f/)
    .map(stripMarkdown)
    .filter((line) => line.trim() !== '' && !TABLE_RULE.test(line.trim()))
    .map((line) => ({ kind: 'paragraph', text: line }));
}

export async function readText(file: string, bytes: Uint8Array): Promise<ImportedDocument> {
  return { source: file, format: 'text', blocks: textBlocks(decodeText(bytes).text) };
}
