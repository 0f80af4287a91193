/**
 * Tables printed without rules (or with horizontal rules only), found from the alignment of
 * their text: a run of lines that break into chunks at wide gaps, with numbers in them. The
 * number columns are the x intervals the numbers occupy across those lines; the label chunks
 * left of them are right-aligned into label slots, so a leaf label (1.属于国家秘密) lands
 * in the last slot and a group label (（三）不予公开) before it. Header lines just above
 * the numbers join the table, a header cell into the first column it overlaps.
 */
import type { Line, TextRun } from './pdf-lines.ts';
import type { PlacedTable } from './pdf-ruled-tables.ts';

interface Chunk {
  text: string;
  left: number;
  right: number;
}

const VALUE = /^(\d[\d,.]*|[-—–/／]+)$/u;
const ITEM_START = /^(\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十]+[)）])/u;
/** Lines above the first data line that may be header rows. */
const HEADER_LINES = 4;
/** Label-only lines a table may hold between two data lines (a wrapped label). */
const WRAPPED_LINES = 2;

export function alignedTables(lines: Line[]): { lines: Line[]; tables: PlacedTable[] } {
  const chunks = lines.map(chunksOf);
  const isData = (i: number) => chunks[i]!.length >= 2 && chunks[i]!.some((c) => VALUE.test(c.text)) && chunks[i]!.filter((c) => VALUE.test(c.text)).length >= chunks[i]!.length / 3;
  const tables: PlacedTable[] = [];
  const used = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    if (used.has(i) || !isData(i)) continue;
    const size = lines[i]!.size;
    const sameType = (j: number) => Math.abs(lines[j]!.size - size) < 1;
    let valuesFrom = Math.min(...chunks[i]!.filter((c) => VALUE.test(c.text)).map((c) => c.left));
    // Only a label's wrapped lines may sit between two data lines: same type, left of the numbers.
    const labelOnly = (j: number) => sameType(j) && chunks[j]!.every((c) => c.right <= valuesFrom);
    let end = i;
    for (let j = i + 1; j < lines.length && j - end <= WRAPPED_LINES + 1; j++) {
      if (isData(j) && sameType(j)) {
        end = j;
        valuesFrom = Math.min(valuesFrom, ...chunks[j]!.filter((c) => VALUE.test(c.text)).map((c) => c.left));
      } else if (!labelOnly(j)) break;
    }
    const dataLines = [...Array(end - i + 1).keys()].map((k) => i + k).filter((k) => isData(k) && sameType(k));
    let start = i;
    while (start > 0 && i - start < HEADER_LINES && !used.has(start - 1) && sameType(start - 1) && chunks[start - 1]!.length >= 2) start--;
    // One data line is a table too under a header line, or when it holds many numbers (the appeals row).
    if (dataLines.length < 2 && start === i && chunks[i]!.filter((c) => VALUE.test(c.text)).length < 4) continue;
    const table = tableOf(lines.slice(start, end + 1), chunks.slice(start, end + 1), dataLines.map((d) => d - start));
    if (!table) continue;
    for (let k = start; k <= end; k++) used.add(k);
    tables.push(table);
    i = end;
  }
  return { lines: lines.filter((_, i) => !used.has(i)), tables };
}

/** A line's text broken at gaps wider than a character (and at runs of spaces inside a run). */
function chunksOf(line: Line): Chunk[] {
  const pieces: Chunk[] = [];
  for (const run of line.runs) {
    const perChar = run.width / Math.max(1, run.str.length);
    for (const match of run.str.matchAll(/\S+(?: \S+)*/gu)) {
      const left = run.x + perChar * match.index;
      pieces.push({ text: match[0], left, right: left + perChar * match[0].length });
    }
  }
  const out: Chunk[] = [];
  for (const piece of pieces.sort((a, b) => a.left - b.left)) {
    const last = out.at(-1);
    // Close pieces are one cell's text, unless the next opens a list item (a leaf label after its group).
    if (last && piece.left - last.right < line.size * 0.9 && !ITEM_START.test(piece.text)) {
      last.text += piece.text;
      last.right = piece.right;
    } else out.push({ ...piece });
  }
  return out;
}

function tableOf(lines: Line[], chunks: Chunk[][], dataRows: number[]): PlacedTable | undefined {
  // Number columns: the union of the x intervals numbers take on the data lines.
  const values = dataRows.flatMap((r) => chunks[r]!.filter((c) => VALUE.test(c.text)));
  const columns: { left: number; right: number }[] = [];
  for (const v of [...values].sort((a, b) => a.left - b.left)) {
    const last = columns.at(-1);
    if (last && v.left <= last.right + 2) last.right = Math.max(last.right, v.right);
    else columns.push({ left: v.left, right: v.right });
  }
  if (columns.length < 1) return undefined;
  const firstValue = columns[0]!.left;
  const labelSlots = Math.max(1, ...chunks.map((cs) => cs.filter((c) => c.right <= firstValue).length));
  const rows = chunks.map((cs) => {
    const row: string[] = Array.from({ length: labelSlots + columns.length }, () => '');
    const labels = cs.filter((c) => c.right <= firstValue);
    labels.forEach((c, k) => (row[labelSlots - labels.length + k] = c.text));
    for (const c of cs.filter((x) => x.right > firstValue)) {
      const column = columns.findIndex((col) => c.right >= col.left - 1 && c.left <= col.right + 1);
      const slot = labelSlots + (column >= 0 ? column : nearest(columns, c));
      row[slot] = row[slot] ? `${row[slot]} ${c.text}` : c.text;
    }
    return row;
  });
  const runs = new Set<TextRun>(lines.flatMap((l) => l.runs));
  const top = Math.max(...lines.map((l) => l.y + l.size));
  const bottom = Math.min(...lines.map((l) => l.y));
  const left = Math.min(...lines.map((l) => l.left));
  const right = Math.max(...lines.map((l) => l.right));
  const edges = [left, ...columns.map((c) => c.left), right];
  return { box: { left, right, top, bottom }, rows, rowTops: lines.map((l) => l.y + l.size), columnEdges: edges, runs };
}

function nearest(columns: { left: number; right: number }[], c: Chunk): number {
  const centre = (c.left + c.right) / 2;
  let best = 0;
  columns.forEach((col, k) => {
    if (Math.abs((col.left + col.right) / 2 - centre) < Math.abs((columns[best]!.left + columns[best]!.right) / 2 - centre)) best = k;
  });
  return best;
}

