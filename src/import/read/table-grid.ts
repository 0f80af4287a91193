/**
 * Laying merged cells out on the seam's grid: a cell's text in the first row and column it
 * covers, '' in every other slot it spans. Shared by the readers that see explicit spans
 * (HTML rowspan/colspan, Word gridSpan/vMerge, PDF cells rebuilt from ruling lines).
 */

export interface SpannedCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/**
 * Places rows of spanned cells left to right, skipping slots that a cell from an earlier row
 * still covers (the HTML table model, which Word's vMerge reduces to as well).
 */
export function layOutRows(rows: readonly SpannedCell[][]): string[][] {
  const grid: (string | undefined)[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    const line = grid[r]!;
    let c = 0;
    for (const cell of cells) {
      while (line[c] !== undefined) c++;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan, rows.length - r));
      const colSpan = Math.max(1, cell.colSpan);
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = grid[r + dr]!;
        for (let dc = 0; dc < colSpan; dc++) target[c + dc] = dr === 0 && dc === 0 ? cell.text : '';
      }
      c += colSpan;
    }
  });
  return squareUp(grid);
}

/** Pads every row to the widest with '' and drops rows and trailing columns with no slot at all. */
export function squareUp(grid: (string | undefined)[][]): string[][] {
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid
    .filter((row) => row.length > 0)
    .map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’—…·]/u;

/**
 * Collapses runs of white space to one space and drops a run that holds a line break between
 * two CJK characters: Chinese text wraps without spaces, so such a break is only source layout.
 * U+E000/U+E001 (bold markers on their way to `**`) are transparent to that test.
 */
export function collapseSpace(raw: string): string {
  return raw
    .replace(/[\s\u00a0\u3000]+/gu, (run, offset: number, whole: string) => {
      const before = whole.slice(0, offset).replace(/[\ue000\ue001]+$/u, '').at(-1) ?? '';
      const after = whole.slice(offset + run.length).replace(/^[\ue000\ue001]+/u, '')[0] ?? '';
      if (/[\n\r]/.test(run) && CJK.test(before) && CJK.test(after)) return '';
      return ' ';
    })
    .trim();
}
