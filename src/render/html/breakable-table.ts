/**
 * Paper only: Chrome never breaks a page between rows that one rowspan covers, so 三、本年度办理
 * 结果, merged down all 22 rows of the results, made the whole block one unit that was pushed to
 * the next page whole. Here every merged label is cut where the table may break: its first part
 * keeps the text and at least the rows its text needs (so a label never ends a page alone with
 * one row beside it), the parts below are empty cells that draw no rule above them (CSS
 * `cell-continued`). On one page it reads as the merged cell of the 2021 format; across pages the
 * table breaks between rows, its header repeated.
 */
import type { CellView, RowView, TableView } from './table-view.ts';

/** Characters of a label per line in the narrow label columns (about 2 em at 5号). */
const LABEL_CHARS_PER_ROW = 2;

interface Placed {
  cell: CellView;
  column: number;
}

interface Merge {
  row: number;
  column: number;
  span: number;
  /** Rows it covers. */
  rows: number;
  /** Rows its first part must keep. */
  minRows: number;
}

export function breakableTable(table: TableView): TableView {
  return { ...table, bodies: table.bodies.map((b) => ({ rows: breakableRows(b.rows) })) };
}

const minRowsOf = (cell: CellView) => Math.max(2, Math.ceil([...(cell.text ?? '')].length / LABEL_CHARS_PER_ROW));

function breakableRows(rows: readonly RowView[]): RowView[] {
  const placed = placeCells(rows);
  const merges: Merge[] = [];
  placed.forEach((cells, r) =>
    cells.forEach(({ cell, column }) => {
      if (cell.rowspan && cell.rowspan > 1) {
        merges.push({ row: r, column, span: cell.colspan ?? 1, rows: cell.rowspan, minRows: minRowsOf(cell) });
      }
    }),
  );
  if (!merges.length) return [...rows];
  // A boundary before row b is open when every merge across it has kept its first rows.
  const crossing = (b: number) => merges.filter((m) => m.row < b && b < m.row + m.rows);
  const open = Array.from({ length: rows.length }, (_, b) => b > 0 && crossing(b).every((m) => b - m.row >= m.minRows));
  const out = placed.map((cells) => [...cells]);
  for (const m of merges) {
    const cuts = [...Array(m.rows - 1).keys()].map((i) => m.row + 1 + i).filter((b) => open[b]);
    if (!cuts.length) continue;
    const bounds = [m.row, ...cuts, m.row + m.rows];
    const first = out[m.row]!.find((p) => p.column === m.column)!;
    first.cell = withRowspan(first.cell, bounds[1]! - m.row);
    for (let i = 1; i < bounds.length - 1; i++) {
      const continued: CellView = { header: false, text: '', kind: 'continued', ...(m.span > 1 ? { colspan: m.span } : {}) };
      out[bounds[i]!]!.push({ cell: withRowspan(continued, bounds[i + 1]! - bounds[i]!), column: m.column });
    }
  }
  return rows.map((row, r) => ({ ...row, cells: out[r]!.sort((a, b) => a.column - b.column).map((p) => p.cell) }));
}

function withRowspan(cell: CellView, rowspan: number): CellView {
  const { rowspan: _, ...rest } = cell;
  return rowspan > 1 ? { ...rest, rowspan } : rest;
}

/** Each cell with the grid column it starts in, skipping columns that rowspans from above cover. */
function placeCells(rows: readonly RowView[]): Placed[][] {
  const coveredUntil: number[] = [];
  return rows.map((row, r) => {
    let column = 0;
    return row.cells.map((cell) => {
      while ((coveredUntil[column] ?? 0) > r) column++;
      const at = column;
      const span = cell.colspan ?? 1;
      for (let c = at; c < at + span; c++) coveredUntil[c] = r + (cell.rowspan ?? 1);
      column += span;
      return { cell, column: at };
    });
  });
}
