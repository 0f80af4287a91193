/**
 * A table that a page break cut in two continues on the next page with the same outer edges;
 * its pieces may still have different columns (a piece holding no subdivided row has fewer),
 * so both are laid on the union of their column edges before the rows are appended, and the
 * header rows the continuation repeats are dropped.
 */
import type { PlacedTable } from './pdf-ruled-tables.ts';

export interface OpenTable {
  rows: string[][];
  edges: number[];
  page: number;
}

const TOLERANCE = 3;

export function continuesOnNextPage(open: OpenTable, next: PlacedTable, page: number): boolean {
  const a = open.edges;
  const b = next.columnEdges;
  return page === open.page + 1 && Math.abs(a[0]! - b[0]!) < TOLERANCE && Math.abs(a.at(-1)! - b.at(-1)!) < TOLERANCE;
}

/** `open` with `next`'s rows appended, both on the union of their columns. */
export function joinTables(open: OpenTable, next: PlacedTable, page: number): OpenTable {
  const edges = unionEdges(open.edges, next.columnEdges);
  const head = remap(open.rows, open.edges, edges);
  const tail = remap(next.rows, next.columnEdges, edges);
  let repeated = 0;
  while (repeated < tail.length && repeated < head.length && sameRow(tail[repeated]!, head[repeated]!)) repeated++;
  return { rows: [...head, ...tail.slice(repeated)], edges, page };
}

function unionEdges(a: number[], b: number[]): number[] {
  const out: number[] = [];
  for (const x of [...a, ...b].sort((p, q) => p - q)) if (out.length === 0 || x - out.at(-1)! >= TOLERANCE) out.push(x);
  return out;
}

/** Each slot's text into the first union column it covers, '' into the rest. */
function remap(rows: string[][], from: number[], to: number[]): string[][] {
  const target = (x: number) => to.findIndex((t) => Math.abs(t - x) < TOLERANCE);
  return rows.map((row) => {
    const out: string[] = Array.from({ length: to.length - 1 }, () => '');
    row.forEach((text, c) => {
      const start = target(from[c]!);
      if (start >= 0 && start < out.length) out[start] = text;
    });
    return out;
  });
}

const sameRow = (a: string[], b: string[]) => a.length === b.length && a.every((cell, i) => cell.replace(/\s+/gu, '') === b[i]!.replace(/\s+/gu, ''));
