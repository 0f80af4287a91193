/**
 * The portal's open data: every published report's tables with their computed totals, as JSON
 * (keyed like the data files, with a label dictionary) and as CSV (one labelled cell per line).
 */
import {
  APPEAL_GROUPS,
  APPEAL_OUTCOMES,
  APPLICANT_COLUMNS,
  PROACTIVE_BLOCKS,
  REQUEST_ROWS,
  RESULT_LEAVES,
  RESULTS_TOTAL,
  TOTAL_LABEL,
} from '../../format/index.ts';
import { LABEL_SEPARATOR, tableCells } from './report-tables.ts';
import type { PortalEntry } from './portal-entries.ts';

const FORMAT = '国办公开办函〔2021〕30号';

/** Keys of the JSON tables mapped to the format's labels, so the JSON explains itself. */
function labels() {
  return {
    proactive: Object.fromEntries(PROACTIVE_BLOCKS.flatMap((b) => b.rows.map((r) => [r.key, { item: b.item, label: r.label, columns: b.columns }]))),
    requests: {
      columns: [...APPLICANT_COLUMNS.map((c) => c.label), TOTAL_LABEL],
      rows: {
        received: REQUEST_ROWS.received,
        carriedOver: REQUEST_ROWS.carriedOver,
        ...Object.fromEntries(
          RESULT_LEAVES.map((l) => [`results.${l.path.join('.')}`, [REQUEST_ROWS.results, ...(l.group ? [l.group] : []), l.label].join(LABEL_SEPARATOR)]),
        ),
        resultsTotal: `${REQUEST_ROWS.results}${LABEL_SEPARATOR}${RESULTS_TOTAL.label}`,
        carriedForward: REQUEST_ROWS.carriedForward,
      },
    },
    appeals: {
      columns: [...APPEAL_OUTCOMES.map((o) => o.label), TOTAL_LABEL],
      rows: Object.fromEntries(APPEAL_GROUPS.map((g) => [g.key, g.parent ? `${g.parent}${LABEL_SEPARATOR}${g.label}` : g.label])),
    },
  };
}

const published = (entries: readonly PortalEntry[]) => entries.filter((e) => e.manifest);

export function dataJson(entries: readonly PortalEntry[], generator: string): string {
  const reports = published(entries).map((e) => ({
    agencyId: e.agencyId,
    agencyName: e.agencyName,
    year: e.year,
    title: e.manifest!.title,
    check: e.check,
    files: Object.keys(e.manifest!.files).map((name) => `${e.agencyId}/${e.year}/${name}`),
    tables: e.manifest!.tables,
  }));
  return `${JSON.stringify({ format: FORMAT, generator, labels: labels(), reports }, null, 2)}\n`;
}

const csvField = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * UTF-8 with a byte-order mark and CRLF line ends: what Excel needs to open Chinese text correctly.
 * In chunks, a report at a time: for a province the whole text is longer than a string can be.
 */
export function* tablesCsvChunks(entries: readonly PortalEntry[]): Generator<string> {
  yield `\uFEFF${['机关标识', '机关名称', '年度', '部分', '行', '列', '数值'].join(',')}\r\n`;
  for (const e of published(entries)) {
    const lines: string[] = [];
    for (const cell of tableCells(e.manifest!.tables)) {
      lines.push(
        [e.agencyId, e.agencyName, e.year, cell.section, cell.rowPath.join(LABEL_SEPARATOR), cell.column, cell.value]
          .map(csvField)
          .join(','),
      );
    }
    if (lines.length) yield `${lines.join('\r\n')}\r\n`;
  }
}

export const tablesCsv = (entries: readonly PortalEntry[]): string => [...tablesCsvChunks(entries)].join('');
