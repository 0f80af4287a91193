/**
 * One PDF page as the reader needs it: its text runs in page space (with a bold flag from
 * the font's name) and its ruling segments. Rotated runs (watermarks, stamps, vertical
 * notes) are left out: no part of the report is set at an angle.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextRun } from './pdf-lines.ts';
import { rulingsOf, type Segment } from './pdf-rulings.ts';
import type { Pdfjs } from './pdfjs.ts';

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
  rulings: Segment[];
}

const BOLD_FONT = /bold|black|heavy|semibold|demibold|[-,]b$|粗/iu;

/** `pdfjs`: the library `doc` was opened with (pdfjs.ts). */
export async function loadPage(doc: PDFDocumentProxy, number: number, pdfjs: Pick<Pdfjs, 'OPS' | 'Util'>): Promise<PdfPage> {
  const page = await doc.getPage(number);
  const [left, bottom, right, top] = page.view as [number, number, number, number];
  const ops = await page.getOperatorList();
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const [a, b, c, d, e, f] = item.transform as number[];
    if (Math.abs(b!) > Math.abs(a!) * 0.05 || Math.abs(c!) > Math.abs(d!) * 0.05 || a! <= 0) continue;
    const size = Math.hypot(c!, d!) || item.height;
    runs.push({ str: closeCjkGaps(item.str), x: e! - left, y: f! - bottom, width: item.width, size, bold: isBoldFont(page, item.fontName) });
  }
  const shift = (s: Segment): Segment => (s.axis === 'h' ? { ...s, at: s.at - bottom, from: s.from - left, to: s.to - left } : { ...s, at: s.at - left, from: s.from - bottom, to: s.to - bottom });
  const rulings = rulingsOf(ops, { width: right - left, height: top - bottom }, pdfjs).map(shift);
  page.cleanup();
  return { number, width: right - left, height: top - bottom, runs, rulings };
}

const CJK = '[\\u2e80-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef“”‘’]';
const CJK_GAP = new RegExp(`(?<=${CJK})\\s+|\\s+(?=${CJK})`, 'gu');

/**
 * pdf.js turns wide glyph gaps into spaces: the letter-spacing of justified lines, the
 * autospacing between CJK and Latin text. Next to a CJK character such a space means nothing.
 */
function closeCjkGaps(text: string): string {
  return text.replace(CJK_GAP, '');
}

function isBoldFont(page: { commonObjs: { has(id: string): boolean; get(id: string): unknown } }, id: string): boolean {
  if (!page.commonObjs.has(id)) return false;
  const font = page.commonObjs.get(id) as { name?: string; bold?: boolean; black?: boolean } | null;
  // Subset fonts are named ABCDEF+Family-Style.
  const name = (font?.name ?? '').replace(/^[A-Z]{6}\+/u, '');
  return Boolean(font?.bold || font?.black) || BOLD_FONT.test(name);
}
