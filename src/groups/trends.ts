/**
 * The numbers the dashboard and the portal chart across years: applications received, the
 * outcomes of 三、本年度办理结果 by category, and cases of 行政复议 and 行政诉讼.
 */
import { APPEAL_GROUPS, RESULT_ROWS } from '../format/index.ts';
import type { ReportTables } from '../model/report-tables.ts';
import type { MemberReport } from './member-reports.ts';

export interface TrendPoint {
  year: number;
  received: number;
  /** Keyed by the top rows of 三、本年度办理结果: disclosed, partiallyDisclosed, withheld, … */
  outcomes: Record<string, number>;
  review: number;
  litigation: number;
  /** Members whose checked report the numbers include, of all members. */
  counted: number;
  of: number;
}

/** The outcome categories in table order, with their labels without the （一） numbering. */
export const OUTCOME_SERIES = RESULT_ROWS.map((row) => ({ key: row.key, label: row.label.replace(/^（.）/, '').replace(/（.*）$/, '') }));

const last = (cells: readonly number[]) => cells[cells.length - 1] ?? 0;

/** One report's (or one sum's) trend numbers. */
export function tableTrend(tables: ReportTables): Omit<TrendPoint, 'year' | 'counted' | 'of'> {
  const outcomes: Record<string, number> = {};
  for (const row of RESULT_ROWS) {
    const keys = row.kind === 'leaf' ? [row.key] : row.children.map((c) => `${row.key}.${c.key}`);
    outcomes[row.key] = keys.reduce((a, k) => a + last(tables.requests.results[k] ?? []), 0);
  }
  const appeal = (key: string) => last(tables.appeals[key as (typeof APPEAL_GROUPS)[number]['key']]);
  return {
    received: last(tables.requests.received),
    outcomes,
    review: appeal('review'),
    litigation: appeal('litigationDirect') + appeal('litigationAfterReview'),
  };
}

/** The group's numbers for one year: the sum over members with a checked report; null when there is none. */
export function trendPoint(year: number, members: readonly MemberReport[]): TrendPoint | null {
  const parts = members.filter((m) => m.model).map((m) => tableTrend(m.model!));
  if (!parts.length) return null;
  const outcomes = Object.fromEntries(OUTCOME_SERIES.map((s) => [s.key, parts.reduce((a, p) => a + p.outcomes[s.key]!, 0)]));
  const add = (pick: (p: (typeof parts)[number]) => number) => parts.reduce((a, p) => a + pick(p), 0);
  return {
    year,
    received: add((p) => p.received),
    outcomes,
    review: add((p) => p.review),
    litigation: add((p) => p.litigation),
    counted: parts.length,
    of: members.length,
  };
}
