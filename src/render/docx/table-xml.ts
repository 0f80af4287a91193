/**
 * A table view (the same rows, cells and merges the HTML draws) as a Word table: colspans become
 * `w:gridSpan`, rowspans `w:vMerge` with continuation cells in the rows below. A table that does
 * not fit the rest of the page breaks between rows: no row splits, the header rows repeat on every
 * page (`w:tblHeader`) and keep with the first row below them, and a row marked keepWithNext (a
 * group's label row) keeps with the next.
 */
import { formatNumber } from '../html/number-format.ts';
import type { CellView, TableView } from '../html/table-view.ts';
import { paragraph, textRuns } from './wordml.ts';

export interface TableLayout {
  /** Width of every grid column in twips; they add up to the type area's width. */
  columns: readonly number[];
  /** Row labels flush left (the long ones of table 三); otherwise they are centred like the rest. */
  labelsLeft: boolean;
}

/** Row labels that read as a line of prose; the corner note is always flush left. */
const ROW_LABEL_KINDS = new Set(['row', 'leaf']);

/** A rowspan still open at a grid column: how many more rows it covers and how wide it is. */
interface OpenMerge {
  rowsLeft: number;
  span: number;
}

export function tableXml(table: TableView, layout: TableLayout): string {
  const { columns } = layout;
  const rows = [
    ...table.head.map((r) => ({ ...r, header: true })),
    ...table.bodies.flatMap((b) => b.rows.map((r) => ({ ...r, header: false }))),
  ];
  const open = new Map<number, OpenMerge>();
  const rowXml = rows.map((row, r) => {
    const keepNext = r < rows.length - 1 && (row.header || row.keepWithNext === true);
    const pending = [...row.cells];
    const started: Array<[number, OpenMerge]> = [];
    const cells: string[] = [];
    // Walk the grid: a column under an open rowspan gets its continuation cell, any other the row's next cell.
    for (let column = 0; column < columns.length; ) {
      const merge = open.get(column);
      if (merge) {
        cells.push(continuationXml(columns, column, merge.span, keepNext));
        if (--merge.rowsLeft === 0) open.delete(column);
        column += merge.span;
        continue;
      }
      const cell = pending.shift();
      if (!cell) throw new Error(`表格 ${table.kind} 第 ${r + 1} 行第 ${column + 1} 列没有单元格`);
      const left = cell.kind === 'corner' || (layout.labelsLeft && ROW_LABEL_KINDS.has(cell.kind));
      cells.push(cellXml(cell, columns, column, { keepNext, left }, cell.rowspan ? 'restart' : null));
      if (cell.rowspan) started.push([column, { rowsLeft: cell.rowspan - 1, span: cell.colspan ?? 1 }]);
      column += cell.colspan ?? 1;
    }
    if (pending.length) throw new Error(`表格 ${table.kind} 第 ${r + 1} 行的单元格超出了 ${columns.length} 列`);
    for (const [column, merge] of started) open.set(column, merge);
    const trPr = `<w:trPr><w:cantSplit/>${row.header && table.repeatHead ? '<w:tblHeader/>' : ''}</w:trPr>`;
    return `<w:tr>${trPr}${cells.join('')}</w:tr>`;
  });
  const tblPr =
    '<w:tblPr><w:tblStyle w:val="ReportTable"/>' +
    `<w:tblW w:w="${columns.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>` +
    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>';
  const grid = columns.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  return `<w:tbl>${tblPr}<w:tblGrid>${grid}</w:tblGrid>${rowXml.join('')}</w:tbl>`;
}

function cellProperties(columns: readonly number[], column: number, span: number, vMerge: 'restart' | 'continue' | null): string {
  const width = columns.slice(column, column + span).reduce((a, b) => a + b, 0);
  return (
    `<w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>` +
    (span > 1 ? `<w:gridSpan w:val="${span}"/>` : '') +
    (vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : vMerge === 'continue' ? '<w:vMerge/>' : '') +
    '<w:vAlign w:val="center"/></w:tcPr>'
  );
}

const cellParagraph = (style: string, keepNext: boolean, runs: string) =>
  paragraph({ style, properties: keepNext ? '<w:keepNext/>' : '' }, runs);

function cellXml(
  cell: CellView,
  columns: readonly number[],
  column: number,
  place: { keepNext: boolean; left: boolean },
  vMerge: 'restart' | null,
): string {
  const text = cell.number !== undefined ? formatNumber(cell.number, cell.unit ?? 'count') : (cell.text ?? '');
  const tcPr = cellProperties(columns, column, cell.colspan ?? 1, vMerge);
  return `<w:tc>${tcPr}${cellParagraph(place.left ? 'TableLabel' : 'TableText', place.keepNext, textRuns(text))}</w:tc>`;
}

/** The cell under a rowspan: Word wants one, holding an empty paragraph, in every covered row. */
const continuationXml = (columns: readonly number[], column: number, span: number, keepNext: boolean): string =>
  `<w:tc>${cellProperties(columns, column, span, 'continue')}${cellParagraph('TableText', keepNext, '')}</w:tc>`;
