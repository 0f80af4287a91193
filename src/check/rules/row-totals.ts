/**
 * Written totals: a row's optional last number (总计) must equal the sum of its columns
 * (`requests-row-total` for table 三, `appeals-total` for table 四).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnostic, type RuleCode } from '../../diagnostics/rules.ts';
import { TOTAL_LABEL } from '../../format/index.ts';
import { sum, valueAt, type ReportContext, type RuleFamily } from '../report-context.ts';
import { APPEAL_ROWS, APPLICANT_ROWS, type TableRow } from './table-rows.ts';

function checkRows(ctx: ReportContext, rows: readonly TableRow[], code: RuleCode): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const row of rows) {
    const cells = valueAt(ctx.report.data, row.path) as number[] | undefined;
    const width = row.columns.length;
    if (!cells || cells.length <= width) continue;
    const written = cells[width]!;
    const parts = cells.slice(0, width);
    const computed = sum(parts);
    if (written === computed) continue;
    const terms = parts.map((v, i) => `${row.columns[i]} ${v}`).join(' + ');
    out.push(
      diagnostic(
        code,
        ctx.report.source.locate([...row.path, width]),
        `${row.label}：${TOTAL_LABEL}写的是 ${written}，但 ${terms} = ${computed}，相差 ${Math.abs(written - computed)}（总计可以不写，由工具计算）`,
      ),
    );
  }
  return out;
}

export const requestRowTotals: RuleFamily = {
  name: 'requests-row-total',
  needs: { report: [['requests']] },
  run: (ctx) => checkRows(ctx, APPLICANT_ROWS, 'requests-row-total'),
};

export const appealTotals: RuleFamily = {
  name: 'appeals-total',
  needs: { report: [['appeals']] },
  run: (ctx) => checkRows(ctx, APPEAL_ROWS, 'appeals-total'),
};
