/**
 * The tables of one or more reports as one XLSX workbook, for offices that must file spreadsheets
 * upward: a sheet per table of the 2021 format (二, 三, 四), each report's table laid out as the
 * format prints it — the official labels from src/format, merged header and label cells — with
 * the reports one below the other, each under a caption row. Numbers are stored as numbers.
 */
import { Writable } from 'node:stream';
import type * as ExcelJSModule from 'exceljs';
import PizZip from '../../render/docx/pizzip.ts';
import { repackZip, zipDate } from '../../render/docx/docx-zip.ts';
import {
  APPEAL_GROUPS,
  APPEAL_OUTCOMES,
  APPLICANT_COLUMNS,
  APPLICANT_HEADER,
  LEGAL_PERSON_HEADER,
  LITIGATION_HEADER,
  PROACTIVE_BLOCKS,
  PROACTIVE_CONTENT_LABEL,
  REQUEST_ROWS,
  REQUESTS_CORNER_NOTE,
  RESULT_ROWS,
  RESULTS_TOTAL,
  SECTION_HEADINGS,
  TOTAL_LABEL,
} from '../../format/index.ts';
import type { ReportTables } from '../../model/report-tables.ts';

export interface WorkbookReport {
  /** The caption row above the report's table, e.g. 神木市人民政府 2023年度. */
  caption: string;
  tables: ReportTables;
}

// exceljs's streaming writer, loaded on first use (a run that writes no workbook, such as a no-op
// build, does not pay for it) and from its own module: the package's entry loads every part of
// exceljs, twice as long. It keeps only the rows of the report being drawn; the whole-workbook
// model took some 0.5 GB for a province's 1,200 reports.
type WorkbookWriter = typeof ExcelJSModule.stream.xlsx.WorkbookWriter;
const workbookWriter = async (): Promise<WorkbookWriter> =>
  // @ts-expect-error a module of the package without declarations of its own
  ((await import('exceljs/lib/stream/xlsx/workbook-writer.js')) as { default: WorkbookWriter }).default;

/** Fixed so that the same tables give the same workbook content. */
const EPOCH = new Date('2000-01-01T00:00:00Z');
const BORDER: Partial<ExcelJSModule.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Sheet names: the section headings (Excel allows 31 characters and no / \ ? * [ ] :). */
export const SHEET_NAMES = {
  proactive: SECTION_HEADINGS.proactive,
  requests: SECTION_HEADINGS.requests,
  appeals: SECTION_HEADINGS.appeals,
} as const;

type Grid = {
  sheet: ExcelJSModule.Worksheet;
  /** Next free row. */
  row: number;
  /** The merged ranges, `A1:D1`, written into the sheet afterwards (see withMerges). */
  merges: string[];
};

function merge(g: Grid, row: number, col: number, toRow: number, toCol: number) {
  g.merges.push(`${g.sheet.getCell(row, col).address}:${g.sheet.getCell(toRow, toCol).address}`);
}

type Style = Partial<ExcelJSModule.Style>;

/**
 * The few styles of the workbook, as shared objects: exceljs finds a cell's style by the object's
 * identity before it renders and compares the style's XML, which it otherwise did for every cell
 * (most of the workbook's time). A shared style is never changed through a cell.
 */
const styleOf = (() => {
  const styles = new Map<string, Style>();
  return (horizontal: 'right' | 'center', bold: boolean): Style => {
    const key = `${horizontal}:${bold}`;
    let style = styles.get(key);
    if (!style) {
      style = { alignment: { vertical: 'middle', horizontal, wrapText: true }, ...(bold ? { font: { bold: true } } : {}), border: BORDER };
      styles.set(key, style);
    }
    return style;
  };
})();
/** The other cells of a merged range: the border only. */
const COVERED_STYLE: Style = { border: BORDER };
const CAPTION_STYLE: Style = { font: { bold: true, size: 12 } };

function put(g: Grid, row: number, col: number, value: string | number, opts: { bold?: boolean; toRow?: number; toCol?: number } = {}) {
  const { toRow = row, toCol = col } = opts;
  if (toRow > row || toCol > col) merge(g, row, col, toRow, toCol);
  for (let r = row; r <= toRow; r++) for (let c = col; c <= toCol; c++) g.sheet.getCell(r, c).style = COVERED_STYLE;
  const cell = g.sheet.getCell(row, col);
  cell.value = value;
  cell.style = styleOf(typeof value === 'number' ? 'right' : 'center', Boolean(opts.bold));
}

function caption(g: Grid, text: string, width: number) {
  merge(g, g.row, 1, g.row, width);
  const cell = g.sheet.getCell(g.row, 1);
  cell.value = text;
  cell.style = CAPTION_STYLE;
  g.row += 1;
}

function proactiveTable(g: Grid, tables: ReportTables) {
  const proactive = tables.proactive as unknown as Record<string, number | number[]>;
  for (const block of PROACTIVE_BLOCKS) {
    put(g, g.row, 1, block.item, { bold: true, toCol: 4 });
    g.row += 1;
    const span = block.columns.length === 1 ? 4 : 2;
    put(g, g.row, 1, PROACTIVE_CONTENT_LABEL, { bold: true });
    block.columns.forEach((label, i) => put(g, g.row, 2 + i, label, { bold: true, toCol: span === 4 ? 4 : 2 + i }));
    g.row += 1;
    for (const row of block.rows) {
      put(g, g.row, 1, row.label);
      const value = proactive[row.key] ?? 0;
      const values = Array.isArray(value) ? value : [value];
      values.forEach((v, i) => put(g, g.row, 2 + i, v, { toCol: values.length === 1 ? 4 : 2 + i }));
      g.row += 1;
    }
  }
}

const LABEL_COLS = 3;

function requestsTable(g: Grid, tables: ReportTables) {
  const top = g.row;
  const first = LABEL_COLS + 1;
  const totalCol = first + APPLICANT_COLUMNS.length;
  put(g, top, 1, REQUESTS_CORNER_NOTE, { toRow: top + 2, toCol: LABEL_COLS });
  put(g, top, first, APPLICANT_HEADER, { bold: true, toCol: totalCol });
  const natural = APPLICANT_COLUMNS.findIndex((c) => !c.legalPerson);
  put(g, top + 1, first + natural, APPLICANT_COLUMNS[natural]!.label, { bold: true, toRow: top + 2 });
  const legal = APPLICANT_COLUMNS.map((c, i) => ({ c, i })).filter((x) => x.c.legalPerson);
  put(g, top + 1, first + legal[0]!.i, LEGAL_PERSON_HEADER, { bold: true, toCol: first + legal.at(-1)!.i });
  for (const { c, i } of legal) put(g, top + 2, first + i, c.label, { bold: true });
  put(g, top + 1, totalCol, TOTAL_LABEL, { bold: true, toRow: top + 2 });
  g.row = top + 3;

  const req = tables.requests;
  const values = (cells: readonly number[]) => cells.forEach((v, i) => put(g, g.row, first + i, v));
  const fullRow = (label: string, cells: readonly number[]) => {
    put(g, g.row, 1, label, { toCol: LABEL_COLS });
    values(cells);
    g.row += 1;
  };
  fullRow(REQUEST_ROWS.received, req.received);
  fullRow(REQUEST_ROWS.carriedOver, req.carriedOver);
  const resultsTop = g.row;
  for (const row of RESULT_ROWS) {
    if (row.kind === 'leaf') {
      put(g, g.row, 2, row.label, { toCol: LABEL_COLS });
      values(req.results[row.key]!);
      g.row += 1;
      continue;
    }
    put(g, g.row, 2, row.label, { toRow: g.row + row.children.length - 1 });
    for (const child of row.children) {
      put(g, g.row, 3, child.label);
      values(req.results[`${row.key}.${child.key}`]!);
      g.row += 1;
    }
  }
  put(g, g.row, 2, RESULTS_TOTAL.label, { toCol: LABEL_COLS });
  values(req.resultsTotal);
  put(g, resultsTop, 1, REQUEST_ROWS.results, { toRow: g.row });
  g.row += 1;
  fullRow(REQUEST_ROWS.carriedForward, req.carriedForward);
}

function appealsTable(g: Grid, tables: ReportTables) {
  const top = g.row;
  const width = APPEAL_OUTCOMES.length + 1;
  const labels = [...APPEAL_OUTCOMES.map((o) => o.label), TOTAL_LABEL];
  APPEAL_GROUPS.forEach((group, gi) => {
    const col = 1 + gi * width;
    if (group.parent) {
      // 行政诉讼 spans both of its groups; write it once, at the first.
      if (APPEAL_GROUPS.findIndex((x) => x.parent === group.parent) === gi) {
        const count = APPEAL_GROUPS.filter((x) => x.parent === group.parent).length;
        put(g, top, col, LITIGATION_HEADER, { bold: true, toCol: col + count * width - 1 });
      }
      put(g, top + 1, col, group.label, { bold: true, toCol: col + width - 1 });
      labels.forEach((label, i) => put(g, top + 2, col + i, label, { bold: true }));
    } else {
      put(g, top, col, group.label, { bold: true, toCol: col + width - 1 });
      labels.forEach((label, i) => put(g, top + 1, col + i, label, { bold: true, toRow: top + 2 }));
    }
    tables.appeals[group.key].forEach((v, i) => put(g, top + 3, col + i, v));
  });
  g.row = top + 4;
}

const SHEETS = [
  { name: SHEET_NAMES.proactive, width: 4, widths: [22, 16, 16, 16], draw: proactiveTable },
  { name: SHEET_NAMES.requests, width: LABEL_COLS + APPLICANT_COLUMNS.length + 1, widths: [16, 16, 34, 9, 9, 9, 9, 9, 9, 9], draw: requestsTable },
  { name: SHEET_NAMES.appeals, width: APPEAL_GROUPS.length * (APPEAL_OUTCOMES.length + 1), widths: [], draw: appealsTable },
];

export async function tablesWorkbook(reports: readonly WorkbookReport[]): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const WorkbookWriter = await workbookWriter();
  const workbook = new WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  workbook.creator = 'nianbao';
  workbook.created = EPOCH;
  workbook.modified = EPOCH;
  const merges: string[][] = [];
  for (const spec of SHEETS) {
    const sheet = workbook.addWorksheet(spec.name);
    spec.widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
    if (!spec.widths.length) for (let c = 1; c <= spec.width; c++) sheet.getColumn(c).width = 10;
    const g: Grid = { sheet, row: 1, merges: [] };
    for (const report of reports) {
      caption(g, report.caption, spec.width);
      spec.draw(g, report.tables);
      // A report's table is complete once drawn: its rows go to the file and leave memory.
      sheet.getRow(g.row - 1).commit();
      g.row += 1;
    }
    sheet.commit();
    merges.push(g.merges);
  }
  await workbook.commit();
  const zip = new PizZip(Buffer.concat(chunks));
  merges.forEach((ranges, i) => withMerges(zip, `xl/worksheets/sheet${i + 1}.xml`, ranges));
  // exceljs stamps every zip entry with the current time; one fixed date makes equal tables equal bytes.
  return repackZip(zip, zipDate('2000-01-01'));
}

/**
 * Writes the merged ranges into a sheet's XML, where Excel keeps them: right after the cell data.
 * exceljs's own mergeCells compares each new range with every earlier one — quadratic, minutes
 * for a province's workbook — and the ranges here are known not to overlap.
 */
function withMerges(zip: PizZip, part: string, ranges: readonly string[]) {
  if (!ranges.length) return;
  const xml = zip.file(part)?.asText();
  if (!xml?.includes('</sheetData>')) throw new Error(`工作簿缺少 ${part} 的单元格数据`);
  const cells = ranges.map((ref) => `<mergeCell ref="${ref}"/>`).join('');
  zip.file(part, xml.replace('</sheetData>', `</sheetData><mergeCells count="${ranges.length}">${cells}</mergeCells>`));
}
