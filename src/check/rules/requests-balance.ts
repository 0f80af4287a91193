/**
 * The 勾稽 of table 三, per applicant column and for 总计: 一 本年新收 + 二 上年结转 =
 * 三（七）总计 + 四 结转下年度 (`requests-balance`); and a written （七）总计 must equal the sum of
 * every result leaf (`requests-results-total`).
 */
import { APPLICANT_COLUMNS, REQUEST_ROWS, RESULTS_TOTAL, TOTAL_LABEL, type RequestTopKey } from '../../format/index.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnostic } from '../../diagnostics/rules.ts';
import { computeRequests } from '../../model/report-model.ts';
import type { RuleFamily } from '../report-context.ts';

/** How a reviewer says the four rows in one breath. */
const SHORT: Record<RequestTopKey, string> = {
  received: '本年新收',
  carriedOver: '上年结转',
  results: '办理结果总计',
  carriedForward: '结转下年度',
};

const COLUMNS = [...APPLICANT_COLUMNS.map((c) => c.label), TOTAL_LABEL];

export const requestsBalance: RuleFamily = {
  name: 'requests-balance',
  needs: { report: [['requests']] },
  run(ctx) {
    const m = computeRequests(ctx.report.data.requests);
    const locate = ctx.report.source.locate;
    const out: Diagnostic[] = [];
    COLUMNS.forEach((label, i) => {
      const [received, over, handled, forward] = [m.received[i]!, m.carriedOver[i]!, m.resultsTotal[i]!, m.carriedForward[i]!];
      const left = received + over;
      const right = handled + forward;
      if (left === right) return;
      out.push(
        diagnostic(
          'requests-balance',
          locate(['requests', 'received', i]),
          `${label}：${SHORT.received} ${received} + ${SHORT.carriedOver} ${over} = ${left}，${SHORT.results} ${handled} + ${SHORT.carriedForward} ${forward} = ${right}，相差 ${Math.abs(left - right)}`,
          [{ ...locate(['requests', 'carriedForward', i]), message: `${REQUEST_ROWS.carriedForward}·${label}：${forward}` }],
        ),
      );
    });
    return out;
  },
};

export const requestsResultsTotal: RuleFamily = {
  name: 'requests-results-total',
  needs: { report: [['requests', 'results']] },
  run(ctx) {
    const written = ctx.report.data.requests.results.total;
    if (!written) return [];
    const computed = computeRequests(ctx.report.data.requests).resultsTotal;
    const out: Diagnostic[] = [];
    APPLICANT_COLUMNS.forEach((column, i) => {
      const [w, c] = [written[i]!, computed[i]!];
      if (w === c) return;
      out.push(
        diagnostic(
          'requests-results-total',
          ctx.report.source.locate(['requests', 'results', RESULTS_TOTAL.key, i]),
          `${RESULTS_TOTAL.label}·${column.label}写的是 ${w}，但（一）至（六）各项之和为 ${c}，相差 ${Math.abs(w - c)}（${RESULTS_TOTAL.label}可以不写，由工具计算）`,
        ),
      );
    });
    return out;
  },
};
