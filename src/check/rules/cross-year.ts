/**
 * Rules across years, when last year's file exists: this year's 上年结转 is last year's 结转下年度
 * in every column (`carryover-mismatch`), and 现行有效件数 follows from last year's plus this year's
 * 制发 minus 废止 (`in-force-drift`, a warning: documents also expire).
 */
import {
  APPLICANT_COLUMNS,
  DOCUMENT_COLUMNS,
  PROACTIVE_ROWS,
  REQUEST_ROWS,
  isDocumentRow,
  type DocumentRowKey,
  type ProactiveRow,
} from '../../format/index.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnostic } from '../../diagnostics/rules.ts';
import type { RuleFamily } from '../report-context.ts';

export const carryover: RuleFamily = {
  name: 'carryover-mismatch',
  needs: { report: [['requests', 'carriedOver']], previous: [['requests', 'carriedForward']] },
  run(ctx) {
    const previous = ctx.previous!;
    const now = ctx.report.data.requests.carriedOver;
    const before = previous.data.requests.carriedForward;
    const out: Diagnostic[] = [];
    APPLICANT_COLUMNS.forEach((column, i) => {
      if (now[i] === before[i]) return;
      out.push(
        diagnostic(
          'carryover-mismatch',
          ctx.report.source.locate(['requests', 'carriedOver', i]),
          `${column.label}：上年结转写的是 ${now[i]}，但 ${ctx.year - 1} 年报告的结转下年度继续办理为 ${before[i]}，相差 ${Math.abs(now[i]! - before[i]!)}`,
          [{ ...previous.source.locate(['requests', 'carriedForward', i]), message: `${ctx.year - 1} 年报告：${REQUEST_ROWS.carriedForward}·${column.label} ${before[i]}` }],
        ),
      );
    });
    return out;
  },
};

const DOCUMENT_ROWS = PROACTIVE_ROWS.filter((r): r is ProactiveRow & { key: DocumentRowKey } => isDocumentRow(r.key));

const [ISSUED, REPEALED, IN_FORCE] = [0, 1, 2] as const;
const label = (i: number) => DOCUMENT_COLUMNS[i]!.label;

export const inForceDrift: RuleFamily = {
  name: 'in-force-drift',
  needs: {
    report: DOCUMENT_ROWS.map((r) => ['proactive', r.key]),
    previous: DOCUMENT_ROWS.map((r) => ['proactive', r.key]),
  },
  run(ctx) {
    const previous = ctx.previous!;
    const out: Diagnostic[] = [];
    for (const row of DOCUMENT_ROWS) {
      const now = ctx.report.data.proactive[row.key];
      const before = previous.data.proactive[row.key][IN_FORCE];
      const expected = before + now[ISSUED] - now[REPEALED];
      if (now[IN_FORCE] === expected) continue;
      out.push(
        diagnostic(
          'in-force-drift',
          ctx.report.source.locate(['proactive', row.key, IN_FORCE]),
          `${row.label}：${label(IN_FORCE)}写的是 ${now[IN_FORCE]}，按上年${label(IN_FORCE)} ${before} + ${label(ISSUED)} ${now[ISSUED]} − ${label(REPEALED)} ${now[REPEALED]} 推算应为 ${expected}，相差 ${Math.abs(now[IN_FORCE] - expected)}（文件到期失效也会造成差异，请核实）`,
          [{ ...previous.source.locate(['proactive', row.key, IN_FORCE]), message: `${ctx.year - 1} 年报告：${row.label}·${label(IN_FORCE)} ${before}` }],
        ),
      );
    }
    return out;
  },
};
