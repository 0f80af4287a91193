/** Lays a TableView out as the HTML table algorithm would, so tests can check merges and headers. */
import type { CellView, RowView, TableView } from '../../../src/render/html/table-view.ts';

export interface PlacedCell {
  cell: CellView;
  row: number;
  col: number;
}

/** Places the cells of one row group (thead or a tbody); rowspans never leave their group. */
function placeGroup(rows: readonly RowView[], firstRow: number, width: number): PlacedCell[] {
  const taken = rows.map(() => new Array<boolean>(width).fill(false));
  const placed: PlacedCell[] = [];
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (c < width && taken[r]![c]) c++;
      const colspan = cell.colspan ?? 1;
      const rowspan = cell.rowspan ?? 1;
      if (c + colspan > width) throw new Error(`row ${firstRow + r} overflows the table width ${width}`);
      if (r + rowspan > rows.length) throw new Error(`rowspan of “${cell.text}” leaves its row group`);
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < colspan; dc++) {
          if (taken[r + dr]![c + dc]) throw new Error(`cells overlap at ${firstRow + r + dr},${c + dc}`);
          taken[r + dr]![c + dc] = true;
        }
      }
      placed.push({ cell, row: firstRow + r, col: c });
      c += colspan;
    }
  });
  taken.forEach((slots, r) => {
    if (slots.some((t) => !t)) throw new Error(`row ${firstRow + r} leaves holes`);
  });
  return placed;
}

export const tableWidth = (table: TableView) => table.colgroups.reduce((n, g) => n + g.span, 0);

/** Every cell with its position; throws when a row is short, long, or cells overlap. */
export function layOut(table: TableView): PlacedCell[] {
  const width = tableWidth(table);
  const placed = placeGroup(table.head, 0, width);
  let next = table.head.length;
  for (const body of table.bodies) {
    placed.push(...placeGroup(body.rows, next, width));
    next += body.rows.length;
  }
  return placed;
}

export const allCells = (table: TableView): CellView[] =>
  [...table.head, ...table.bodies.flatMap((b) => b.rows)].flatMap((r) => r.cells);

/** The data cell described by all of the given header ids. */
export function cellAt(table: TableView, ...headerIds: string[]): CellView {
  const found = allCells(table).filter(
    (c) => !c.header && headerIds.every((id) => (c.headers ?? '').split(' ').includes(id)),
  );
  if (found.length !== 1) throw new Error(`${found.length} cells for ${headerIds.join(' + ')}`);
  return found[0]!;
}
