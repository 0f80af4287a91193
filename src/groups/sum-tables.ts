/**
 * The 汇总 tables: every cell of the members' tables added up, leaf by leaf, in the 2021 format.
 * Totals are not summed here: the model computes them from the summed leaves like any report's,
 * and the gate then checks that every 勾稽 rule still holds for the sum.
 */
import {
  APPEAL_GROUPS,
  APPEAL_OUTCOME_COUNT,
  APPLICANT_COUNT,
  MONEY_DECIMALS,
  PROACTIVE_ROWS,
  RESULT_LEAVES,
  isDocumentRow,
} from '../format/index.ts';
import type { ReportModel } from '../model/report-model.ts';
import type { AppealsData, DocumentRow, ProactiveData, RequestsData } from '../model/types.ts';

export interface SummedTables {
  proactive: ProactiveData;
  requests: RequestsData;
  appeals: AppealsData;
}

const sumRows = (rows: ReadonlyArray<readonly number[]>, width: number): number[] =>
  Array.from({ length: width }, (_, i) => rows.reduce((a, r) => a + (r[i] ?? 0), 0));

/** Money is summed in 万元 with float arithmetic: round back to the format's decimals. */
const roundMoney = (value: number): number => Number(value.toFixed(MONEY_DECIMALS));

function setPath(target: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

export function sumTables(models: readonly ReportModel[]): SummedTables {
  const proactive: Record<string, unknown> = {};
  for (const row of PROACTIVE_ROWS) {
    const values = models.map((m) => (m.proactive as unknown as Record<string, number | DocumentRow>)[row.key]!);
    if (isDocumentRow(row.key)) proactive[row.key] = sumRows(values as DocumentRow[], 3);
    else {
      const total = (values as number[]).reduce((a, b) => a + b, 0);
      proactive[row.key] = row.unit === 'money' ? roundMoney(total) : total;
    }
  }
  const applicants = (pick: (m: ReportModel) => readonly number[]) => sumRows(models.map(pick), APPLICANT_COUNT);
  const results: Record<string, unknown> = {};
  for (const leaf of RESULT_LEAVES) setPath(results, leaf.path, applicants((m) => m.requests.results[leaf.path.join('.')]!));
  const requests = {
    received: applicants((m) => m.requests.received),
    carriedOver: applicants((m) => m.requests.carriedOver),
    results,
    carriedForward: applicants((m) => m.requests.carriedForward),
  } as unknown as RequestsData;
  const appeals = Object.fromEntries(
    APPEAL_GROUPS.map((g) => [g.key, sumRows(models.map((m) => m.appeals[g.key]), APPEAL_OUTCOME_COUNT)]),
  ) as unknown as AppealsData;
  return { proactive: proactive as unknown as ProactiveData, requests, appeals };
}
