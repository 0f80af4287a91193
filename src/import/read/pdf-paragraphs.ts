/**
 * Joining a PDF's wrapped lines back into paragraphs. A line opens a new paragraph when it
 * is indented (the ~2-character first-line indent of Chinese documents), starts with a
 * heading or list label, follows a line that stopped well short of the right margin, changes
 * font size, or sits after a larger vertical gap than the document's usual line pitch.
 * Consecutive centred lines of one large size are a title broken over lines.
 */
import type { Line } from './pdf-lines.ts';

export interface Metrics {
  left: number;
  right: number;
  bodySize: number;
  pitch: number;
}

const HEADING = /^(第[一二三四五六七八九十百]+[章节部分条]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[)）]|[①-⑳])/u;

export function measure(pages: readonly Line[][]): Metrics {
  const lines = pages.flat();
  const mode = (values: number[]) => {
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  };
  const bodySize = mode(lines.map((l) => Math.round(l.size * 2) / 2));
  const body = lines.filter((l) => Math.abs(l.size - bodySize) < 0.6);
  const rights = body.map((l) => l.right).sort((a, b) => a - b);
  const pitches: number[] = [];
  for (const page of pages) {
    for (let i = 1; i < page.length; i++) {
      const a = page[i - 1]!, b = page[i]!;
      if (Math.abs(a.size - bodySize) < 0.6 && Math.abs(b.size - bodySize) < 0.6) pitches.push(a.y - b.y);
    }
  }
  pitches.sort((a, b) => a - b);
  return {
    left: mode(body.map((l) => Math.round(l.left))),
    right: rights[Math.floor(rights.length * 0.9)] ?? 0,
    bodySize,
    pitch: pitches[Math.floor(pitches.length / 2)] ?? bodySize * 1.5,
  };
}

/** True when `line` cannot continue the paragraph that `previous` belongs to. */
export function startsParagraph(line: Line, previous: Line, m: Metrics, samePage: boolean): boolean {
  const centre = (m.left + m.right) / 2;
  const centred = (l: Line) => Math.abs((l.left + l.right) / 2 - centre) < l.size * 1.5 && l.left > m.left + l.size * 1.5;
  if (Math.abs(line.size - previous.size) > 1) return true;
  if (samePage && previous.y - line.y > Math.max(m.pitch * 1.45, line.size * 1.9)) return true;
  if (line.size > m.bodySize + 1 && centred(line) && centred(previous)) return false;
  if (HEADING.test(line.text)) return true;
  if (line.left > m.left + line.size * 1.2) return true;
  if (previous.right < m.right - previous.size * 1.5) return true;
  // A bold heading line followed by regular text.
  return previous.allBold !== line.allBold && previous.allBold;
}

/** Joins two wrapped lines: no space in Chinese, one space between two Latin words. */
export function joinWrapped(a: string, b: string): string {
  return /[A-Za-z]$/u.test(a) && /^[A-Za-z]/u.test(b) ? `${a} ${b}` : a + b;
}

/** The marked text of a paragraph; a paragraph set bold throughout is a heading, unmarked. */
export function paragraphText(lines: readonly Line[]): string {
  const allBold = lines.every((l) => l.allBold);
  return lines.map((l) => (allBold ? l.text : l.marked)).reduce(joinWrapped).replace(/\*\*\*\*/gu, '');
}
