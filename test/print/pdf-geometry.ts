/**
 * Page geometry read back from a PDF with poppler: word boxes (pdftotext -bbox) and the rows of
 * red pixels of a rendered page (pdftoppm), in millimetres from the page's top-left corner.
 */
import { execFileSync } from 'node:child_process';

export const MM_PER_PT = 25.4 / 72;

export interface WordBox {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The words of each page (1-based `page` for one page only), boxes in mm. */
export function wordBoxes(pdf: string, page?: number): WordBox[][] {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  const html = execFileSync('pdftotext', ['-bbox', ...range, pdf, '-'], { encoding: 'utf8' });
  return html
    .split('<page ')
    .slice(1)
    .map((chunk) =>
      [...chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
        x0: Number(m[1]) * MM_PER_PT,
        y0: Number(m[2]) * MM_PER_PT,
        x1: Number(m[3]) * MM_PER_PT,
        y1: Number(m[4]) * MM_PER_PT,
      })),
    );
}

/** Words on the line of `first` (same baseline within 1 mm), left to right. */
export const lineOf = (words: readonly WordBox[], first: WordBox): WordBox[] =>
  words.filter((w) => Math.abs(w.y1 - first.y1) < 1).sort((a, b) => a.x0 - b.x0);

export interface RedRow {
  /** Distance from the top edge. */
  y: number;
  x0: number;
  x1: number;
}

/** Pixel rows of page `page` that hold a red run at least `minLength` mm long. */
export function redRows(pdf: string, page: number, minLength: number, dpi = 200): RedRow[] {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), pdf], { maxBuffer: 64 << 20 });
  // P6\n<w> <h>\n255\n<data>
  let at = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    const end = ppm.indexOf(0x0a, at);
    fields.push(...ppm.toString('latin1', at, end).trim().split(/\s+/));
    at = end + 1;
  }
  const [width, height] = [Number(fields[1]), Number(fields[2])];
  const mm = 25.4 / dpi;
  const rows: RedRow[] = [];
  for (let y = 0; y < height; y++) {
    let first = -1;
    let last = -1;
    for (let x = 0; x < width; x++) {
      const p = at + 3 * (y * width + x);
      if (ppm[p]! > 170 && ppm[p + 1]! < 90 && ppm[p + 2]! < 90) {
        if (first < 0) first = x;
        last = x;
      }
    }
    if (first >= 0 && (last + 1 - first) * mm >= minLength) rows.push({ y: y * mm, x0: first * mm, x1: (last + 1) * mm });
  }
  return rows;
}
