/** The rows of tables 三 and 四 as the rules walk them: data path, Chinese label and width. */
import {
  APPEAL_GROUPS,
  APPEAL_OUTCOMES,
  APPLICANT_COLUMNS,
  REQUEST_ROWS,
  RESULT_LEAVES,
  RESULTS_TOTAL,
  appealGroupLabel,
  type RequestTopKey,
} from '../../format/index.ts';
import type { DataPath } from '../../load/source-file.ts';

export interface TableRow {
  path: DataPath;
  label: string;
  /** Labels of the columns before the written 总计. */
  columns: readonly string[];
}

const applicantLabels = APPLICANT_COLUMNS.map((c) => c.label);

const requestRow = (key: RequestTopKey): TableRow => ({
  path: ['requests', key],
  label: REQUEST_ROWS[key],
  columns: applicantLabels,
});

/** Every row of table 三 a user writes, in table order. */
export const APPLICANT_ROWS: readonly TableRow[] = [
  requestRow('received'),
  requestRow('carriedOver'),
  ...RESULT_LEAVES.map((leaf) => ({
    path: ['requests', 'results', ...leaf.path],
    label: leaf.group ? `${leaf.group}·${leaf.label}` : leaf.label,
    columns: applicantLabels,
  })),
  { path: ['requests', 'results', RESULTS_TOTAL.key], label: RESULTS_TOTAL.label, columns: applicantLabels },
  requestRow('carriedForward'),
];

/** The three groups of table 四. */
export const APPEAL_ROWS: readonly TableRow[] = APPEAL_GROUPS.map((g) => ({
  path: ['appeals', g.key],
  label: appealGroupLabel(g),
  columns: APPEAL_OUTCOMES.map((o) => o.label),
}));
