/**
 * 三、收到和处理政府信息公开申请情况 as a table view: three label columns (the corner note spans
 * them), the applicant header in three rows, and 三、本年度办理结果 with its nested groups.
 */
import {
  APPLICANT_COLUMNS,
  APPLICANT_HEADER,
  LEGAL_PERSON_HEADER,
  REQUEST_ROWS,
  REQUESTS_CORNER_NOTE,
  RESULT_ROWS,
  RESULTS_TOTAL,
  TOTAL_LABEL,
} from '../../format/index.ts';
import type { Cells, RequestsModel } from '../../model/report-model.ts';
import { headerCell, idMaker, noteCell, numberCell, type CellView, type RowView, type TableView } from './table-view.ts';

const LABEL_COLUMNS = 3;
const LEGAL_COUNT = APPLICANT_COLUMNS.filter((c) => c.legalPerson).length;

export function buildRequestsTable(requests: RequestsModel, caption: string, prefix: string): TableView {
  const id = idMaker(`${prefix}-requests`);
  const applicants = id('applicants');
  const legal = id('legal');
  const total = id('col', 'total');
  const colId = (key: string) => id('col', key);
  // The headers of each of the seven value columns, outermost first.
  const columnHeaders: string[][] = [
    ...APPLICANT_COLUMNS.map((c) => (c.legalPerson ? [applicants, legal, colId(c.key)] : [applicants, colId(c.key)])),
    [applicants, total],
  ];
  const values = (cells: Cells, rowHeaders: string[], kind?: string): CellView[] =>
    cells.map((v, c) => numberCell(v, 'count', { headers: [...columnHeaders[c]!, ...rowHeaders] }, kind));

  const natural = APPLICANT_COLUMNS.find((c) => !c.legalPerson)!;
  const head: RowView[] = [
    {
      kind: 'group',
      cells: [
        noteCell(REQUESTS_CORNER_NOTE, 'corner', { colspan: LABEL_COLUMNS, rowspan: 3 }),
        headerCell(APPLICANT_HEADER, 'group', { id: applicants, scope: 'colgroup', colspan: APPLICANT_COLUMNS.length + 1 }),
      ],
    },
    {
      kind: 'group',
      cells: [
        headerCell(natural.label, 'column', { id: colId(natural.key), scope: 'col', headers: [applicants], rowspan: 2 }),
        headerCell(LEGAL_PERSON_HEADER, 'group', { id: legal, scope: 'colgroup', headers: [applicants], colspan: LEGAL_COUNT }),
        headerCell(TOTAL_LABEL, 'column', { id: total, scope: 'col', headers: [applicants], rowspan: 2 }),
      ],
    },
    {
      kind: 'columns',
      cells: APPLICANT_COLUMNS.filter((c) => c.legalPerson).map((c) =>
        headerCell(c.label, 'column', { id: colId(c.key), scope: 'col', headers: [applicants, legal] }),
      ),
    },
  ];

  const topRow = (key: 'received' | 'carriedOver' | 'carriedForward'): RowView => {
    const rowId = id('row', key);
    return {
      kind: 'data',
      cells: [
        headerCell(REQUEST_ROWS[key], 'row', { id: rowId, scope: 'row', colspan: LABEL_COLUMNS }),
        ...values(requests[key], [rowId]),
      ],
    };
  };

  return {
    id: id('table'),
    kind: 'requests',
    captionId: id('caption'),
    caption,
    colgroups: [
      { span: LABEL_COLUMNS, kind: 'labels' },
      { span: 1, kind: 'natural' },
      { span: LEGAL_COUNT, kind: 'legal' },
      { span: 1, kind: 'total' },
    ],
    head,
    repeatHead: true,
    scrolls: true,
    bodies: [
      { rows: [topRow('received'), topRow('carriedOver')] },
      { rows: resultRows(requests, id, values) },
      { rows: [topRow('carriedForward')] },
    ],
  };
}

/** 三、本年度办理结果: its label spans every row below it; groups span their numbered leaves. */
function resultRows(
  requests: RequestsModel,
  id: (...parts: string[]) => string,
  values: (cells: Cells, rowHeaders: string[], kind?: string) => CellView[],
): RowView[] {
  const results = id('row', 'results');
  const rows: RowView[] = [];
  for (const row of RESULT_ROWS) {
    if (row.kind === 'leaf') {
      const rowId = id('row', row.key);
      rows.push({
        kind: 'data',
        cells: [
          { ...headerCell(row.label, 'leaf', { id: rowId, scope: 'row', headers: [results], colspan: 2 }), variant: 'leaf-wide' },
          ...values(requests.results[row.key]!, [results, rowId]),
        ],
      });
      continue;
    }
    const groupId = id('row', row.key);
    row.children.forEach((child, i) => {
      const rowId = id('row', row.key, child.key);
      const group =
        i === 0
          ? [headerCell(row.label, 'group', { id: groupId, scope: 'row', headers: [results], rowspan: row.children.length })]
          : [];
      rows.push({
        kind: 'data',
        // A group's label never ends a page with only its first row beside it.
        ...(i === 0 && row.children.length > 1 ? { keepWithNext: true } : {}),
        cells: [
          ...group,
          headerCell(child.label, 'leaf', { id: rowId, scope: 'row', headers: [results, groupId] }),
          ...values(requests.results[`${row.key}.${child.key}`]!, [results, groupId, rowId]),
        ],
      });
    });
  }
  const totalId = id('row', RESULTS_TOTAL.key);
  rows.push({
    kind: 'total',
    cells: [
      { ...headerCell(RESULTS_TOTAL.label, 'leaf', { id: totalId, scope: 'row', headers: [results], colspan: 2 }), variant: 'leaf-wide' },
      ...values(requests.resultsTotal, [results, totalId], 'total'),
    ],
  });
  // The section's own label goes first in the first row, spanning them all.
  rows[0]!.keepWithNext = true;
  rows[0]!.cells.unshift(
    headerCell(REQUEST_ROWS.results, 'section', { id: results, scope: 'rowgroup', rowspan: rows.length }),
  );
  return rows;
}
