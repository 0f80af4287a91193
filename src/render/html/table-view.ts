/**
 * A table as the templates draw it: rows of cells with their merges and their header links.
 * Every data cell names all of its headers (`headers` → `id`), so screen readers announce the
 * right ones even under the nested, merged headers of the 2021 format.
 */

export type CellScope = 'col' | 'colgroup' | 'row' | 'rowgroup';

export interface CellView {
  /** `th` when true, else `td`. */
  header: boolean;
  /** Header text, or the note of the corner cell; absent on number cells. */
  text?: string;
  /** The number of a data cell, formatted by the `formatNumber` helper. */
  number?: number;
  unit?: 'count' | 'money';
  scope?: CellScope;
  id?: string;
  /** Space-separated ids of the header cells that describe this cell. */
  headers?: string;
  /** Only set when greater than 1. */
  colspan?: number;
  rowspan?: number;
  /** What the cell is, for CSS: corner, item, column, group, row, leaf, number, total… */
  kind: string;
  /** A second class, `cell-<variant>`, e.g. wide for a result leaf that spans the group column. */
  variant?: string;
}

export interface RowView {
  cells: CellView[];
  /** What the row is, for CSS: item, columns, data, total… */
  kind: string;
  /**
   * A table may break between rows, but not after this one: a group's label row stays with the
   * row below it, a block's header rows with its first row of numbers.
   */
  keepWithNext?: boolean;
}

export interface TableView {
  id: string;
  /** proactive | requests | appeals: the CSS hook `table-<kind>`. */
  kind: string;
  captionId: string;
  caption: string;
  /** Column groups (left to right), so scope="colgroup" has groups to refer to. */
  colgroups: { span: number; kind: string }[];
  head: RowView[];
  bodies: { rows: RowView[] }[];
  /**
   * Whether the head rows repeat on every page. Not for 二: its head is the first block's, and
   * over a later block (with header rows of its own) it would mislead.
   */
  repeatHead: boolean;
  /** Wider than a phone: the web page says the table scrolls sideways (screen readers too). */
  scrolls: boolean;
}

/** Options shared by the cell constructors below; spans of 1 are dropped to keep the markup lean. */
interface CellOptions {
  id?: string;
  headers?: readonly (string | undefined)[];
  colspan?: number;
  rowspan?: number;
  scope?: CellScope;
}

function placement(o: CellOptions): Partial<CellView> {
  const cell: Partial<CellView> = {};
  if (o.id) cell.id = o.id;
  const headers = (o.headers ?? []).filter((h): h is string => Boolean(h));
  if (headers.length) cell.headers = headers.join(' ');
  if (o.colspan && o.colspan > 1) cell.colspan = o.colspan;
  if (o.rowspan && o.rowspan > 1) cell.rowspan = o.rowspan;
  return cell;
}

export function headerCell(text: string, kind: string, o: CellOptions & { scope: CellScope }): CellView {
  return { header: true, text, kind, scope: o.scope, ...placement(o) };
}

export function numberCell(number: number, unit: 'count' | 'money', o: CellOptions, kind = 'number'): CellView {
  return { header: false, number, unit, kind, ...placement(o) };
}

export function noteCell(text: string, kind: string, o: CellOptions): CellView {
  return { header: false, text, kind, ...placement(o) };
}

/** Builds ids that stay unique on a page holding several reports or tables. */
export const idMaker =
  (prefix: string) =>
  (...parts: string[]): string =>
    [prefix.replace(/-$/, ''), ...parts].filter(Boolean).join('-');
