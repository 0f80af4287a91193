/**
 * A report's three tables with their computed totals, flattened into labelled cells for the
 * portal's open data (data.json, tables.csv). Labels come from src/format, so the open data uses
 * exactly the wording of the 2021 national format.
 */
import {
  APPEAL_GROUPS,
  APPEAL_OUTCOMES,
  APPLICANT_COLUMNS,
  LEGAL_PERSON_HEADER,
  PROACTIVE_BLOCKS,
  REQUEST_ROWS,
  RESULT_LEAVES,
  RESULTS_TOTAL,
  SECTION_HEADINGS,
  TOTAL_LABEL,
} from '../../format/index.ts';
import type { ReportTables } from '../../model/report-tables.ts';

export interface TableCell {
  section: string;
  /** From the outermost label to the row's own label. */
  rowPath: string[];
  column: string;
  value: number;
}

/** Joins nested labels in one CSV cell: 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密. */
export const LABEL_SEPARATOR = ' / ';

const APPLICANT_LABELS = [
  ...APPLICANT_COLUMNS.map((c) => (c.legalPerson ? `${LEGAL_PERSON_HEADER}${LABEL_SEPARATOR}${c.label}` : c.label)),
  TOTAL_LABEL,
];
const APPEAL_LABELS = [...APPEAL_OUTCOMES.map((o) => o.label), TOTAL_LABEL];

export function tableCells(tables: ReportTables): TableCell[] {
  const cells: TableCell[] = [];
  const row = (section: string, rowPath: string[], columns: readonly string[], values: readonly number[]) =>
    columns.forEach((column, i) => cells.push({ section, rowPath, column, value: values[i] ?? 0 }));

  for (const block of PROACTIVE_BLOCKS) {
    for (const r of block.rows) {
      const value = (tables.proactive as unknown as Record<string, number | number[]>)[r.key] ?? 0;
      row(SECTION_HEADINGS.proactive, [block.item, r.label], block.columns, Array.isArray(value) ? value : [value]);
    }
  }

  const requests = SECTION_HEADINGS.requests;
  const req = tables.requests;
  row(requests, [REQUEST_ROWS.received], APPLICANT_LABELS, req.received);
  row(requests, [REQUEST_ROWS.carriedOver], APPLICANT_LABELS, req.carriedOver);
  for (const leaf of RESULT_LEAVES) {
    const rowPath = [REQUEST_ROWS.results, ...(leaf.group ? [leaf.group] : []), leaf.label];
    row(requests, rowPath, APPLICANT_LABELS, req.results[leaf.path.join('.')] ?? []);
  }
  row(requests, [REQUEST_ROWS.results, RESULTS_TOTAL.label], APPLICANT_LABELS, req.resultsTotal);
  row(requests, [REQUEST_ROWS.carriedForward], APPLICANT_LABELS, req.carriedForward);

  for (const group of APPEAL_GROUPS) {
    const rowPath = group.parent ? [group.parent, group.label] : [group.label];
    row(SECTION_HEADINGS.appeals, rowPath, APPEAL_LABELS, tables.appeals[group.key]);
  }
  return cells;
}
