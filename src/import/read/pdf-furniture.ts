/**
 * Page furniture that is not part of the report: running page numbers (— 3 —, - 3 -, 第 3 页,
 * 第3页 共8页, 3/8, a bare 3) in the top or bottom margin band, and header or footer lines that
 * repeat, digits aside, on many pages (the agency's name, the report's title, a portal's
 * footer when the page was printed from a browser).
 */
import type { Line } from './pdf-lines.ts';

const PAGE_NUMBER = [
  /^[-—–－―‒─_~·•\s]*\d{1,4}[-—–－―‒─_~·•\s]*$/u,
  /^第\s*\d{1,4}\s*页(\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$/u,
  /^共\s*\d{1,4}\s*页\s*[,，/／]?\s*第\s*\d{1,4}\s*页$/u,
  /^(page\s*)?\d{1,4}\s*(\/|of)\s*\d{1,4}$/iu,
  /^[-—–－\s]*[IVXLivxl]{1,6}[-—–－\s]*$/u,
];
/** Share of the page height at its top and bottom where furniture sits. */
const BAND = 0.12;

export interface PageLines {
  height: number;
  lines: Line[];
}

export function isPageNumber(text: string): boolean {
  const t = text.replace(/\s+/gu, ' ').trim();
  return PAGE_NUMBER.some((p) => p.test(t));
}

/** The lines of each page without furniture. */
export function dropFurniture(pages: readonly PageLines[]): Line[][] {
  const inBand = (line: Line, height: number) => line.y > height * (1 - BAND) || line.y < height * BAND;
  const key = (line: Line) => line.text.replace(/\d+/gu, '#').replace(/\s+/gu, '');
  const counts = new Map<string, number>();
  for (const page of pages) {
    for (const k of new Set(page.lines.filter((l) => inBand(l, page.height)).map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const repeatsOn = Math.max(2, Math.ceil(pages.length * 0.4));
  return pages.map((page) =>
    page.lines.filter((line) => {
      if (!inBand(line, page.height)) return true;
      if (isPageNumber(line.text)) return false;
      return pages.length < 2 || (counts.get(key(line)) ?? 0) < repeatsOn;
    }),
  );
}
