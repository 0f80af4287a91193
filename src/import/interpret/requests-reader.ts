/** 三、收到和处理政府信息公开申请情况, read from its region's cells by the official row labels. */
import {
  APPLICANT_COLUMNS,
  APPLICANT_COUNT,
  APPLICANT_HEADER,
  LEGAL_PERSON_HEADER,
  REQUEST_ROWS,
  REQUESTS_CORNER_NOTE,
  RESULT_LEAVES,
  RESULT_ROWS,
  RESULTS_TOTAL,
  SECTION_HEADINGS,
  TOTAL_LABEL,
} from '../../format/index.ts';
import type { RequestsData } from '../../model/types.ts';
import type { Cell } from './cells.ts';
import type { Finding } from './findings.ts';
import { rowOutcome, sum, truncation } from './row-findings.ts';
import { rowValues } from './row-values.ts';
import { walkTable, type RowSpec } from './table-walk.ts';

const APPLICANT_OR_TOTAL = [6, 7];
const COLUMNS = [...APPLICANT_COLUMNS.map((c) => c.label), TOTAL_LABEL];

/** Variants seen in published tables besides what fuzzy matching absorbs. */
const ALIASES: Record<string, string[]> = {
  partiallyDisclosed: ['（二）部分公开'],
};

const SPECS: RowSpec[] = [
  { key: 'received', label: REQUEST_ROWS.received, counts: APPLICANT_OR_TOTAL },
  { key: 'carriedOver', label: REQUEST_ROWS.carriedOver, counts: APPLICANT_OR_TOTAL },
  ...RESULT_LEAVES.map((leaf): RowSpec => ({ key: leaf.path.join('.'), label: leaf.label, aliases: ALIASES[leaf.path.join('.')], counts: APPLICANT_OR_TOTAL })),
  { key: RESULTS_TOTAL.key, label: RESULTS_TOTAL.label, counts: APPLICANT_OR_TOTAL },
  { key: 'carriedForward', label: REQUEST_ROWS.carriedForward, counts: APPLICANT_OR_TOTAL },
];

const INERT = [
  ...Object.values(SECTION_HEADINGS),
  REQUESTS_CORNER_NOTE,
  APPLICANT_HEADER,
  LEGAL_PERSON_HEADER,
  ...APPLICANT_COLUMNS.map((c) => c.label),
  TOTAL_LABEL,
  REQUEST_ROWS.results,
  ...RESULT_ROWS.filter((r) => r.kind === 'group').map((r) => r.label),
];

/** A row's label with its group: （五）不予处理·1.信访举报投诉类申请. */
const fullLabel = (spec: RowSpec) => {
  const leaf = RESULT_LEAVES.find((l) => l.path.join('.') === spec.key);
  return `${leaf?.group ? `${leaf.group}·` : ''}${spec.label}`;
};
const rowName = (spec: RowSpec) => `三、表“${fullLabel(spec)}”行`;

export interface RequestsRead {
  data: RequestsData;
  findings: Finding[];
  /** How many rows were found at all. */
  rowsFound: number;
}

/** A row as written: six numbers, with the printed 总计 kept only when it disagrees (the gate then reports it). */
const asWritten = (values: number[]) => (values.length > APPLICANT_COUNT && values[APPLICANT_COUNT] === sum(values.slice(0, APPLICANT_COUNT)) ? values.slice(0, APPLICANT_COUNT) : values);

export function readRequests(cells: readonly Cell[]): RequestsRead {
  const walk = walkTable(cells, SPECS, INERT);
  const findings: Finding[] = [];
  const rows = new Map<string, number[]>();
  for (const spec of SPECS) {
    const read = walk.rows.get(spec.key);
    // （七）总计 is computed: a table without it lacks nothing.
    if (!read && spec.key === RESULTS_TOTAL.key) {
      rows.set(spec.key, Array(APPLICANT_COUNT).fill(0));
      continue;
    }
    const outcome = rowOutcome(rowName(spec), read, read ? rowValues(read.cells, spec.counts) : null, COLUMNS, APPLICANT_COUNT);
    findings.push(...outcome.findings);
    rows.set(spec.key, outcome.values);
  }
  const found = SPECS.map((s) => walk.rows.has(s.key));
  const cut = truncation('三、收到和处理政府信息公开申请情况表', SPECS.map(fullLabel), found);
  const tail = cut ? SPECS.slice(found.lastIndexOf(true) + 1).map(rowName) : [];
  // Rows lost at the end are said once, by the truncation finding.
  const kept = findings.filter((f) => !(cut && f.kind === 'missing' && tail.some((t) => f.message.startsWith(`${t}：原文中没有`))));
  if (cut) kept.push(cut);
  for (const o of walk.orphans) {
    kept.push({ kind: 'unreadable', message: `三、表中${o.after ? `“${o.after}”之后` : '第一行之前'}的数字 ${o.values.join(' ')} 不属于任何一行，未导入` });
  }

  const get = (key: string) => asWritten(rows.get(key)!);
  const results: Record<string, unknown> = {};
  for (const row of RESULT_ROWS) {
    results[row.key] = row.kind === 'leaf' ? get(row.key) : Object.fromEntries(row.children.map((c) => [c.key, get(`${row.key}.${c.key}`)]));
  }
  // （七）总计 is computed; the printed one is kept only where it disagrees, to be reported by the gate.
  const printedTotal = rows.get(RESULTS_TOTAL.key)!;
  const leaves = RESULT_LEAVES.map((l) => rows.get(l.path.join('.'))!.slice(0, APPLICANT_COUNT));
  const computed = APPLICANT_COLUMNS.map((_, col) => sum(leaves.map((r) => r[col]!)));
  const totalRead = walk.rows.has(RESULTS_TOTAL.key);
  const differs = printedTotal.slice(0, APPLICANT_COUNT).some((v, i) => v !== computed[i]) || (printedTotal.length > APPLICANT_COUNT && printedTotal[APPLICANT_COUNT] !== sum(computed));
  if (totalRead && differs) results.total = printedTotal;

  return {
    data: {
      received: get('received'),
      carriedOver: get('carriedOver'),
      results: results as unknown as RequestsData['results'],
      carriedForward: get('carriedForward'),
    },
    findings: kept,
    rowsFound: found.filter(Boolean).length,
  };
}
