/**
 * The report's dates: each within the following year's first quarter, when reports are due
 * (`date-window`), and a red-header document with its 成文日期 (`document-date-missing`).
 * Impossible dates (2024-02-30) are refused by the schema gate as `date-invalid`.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnostic } from '../../diagnostics/rules.ts';
import type { DataPath } from '../../load/source-file.ts';
import { formatChineseDate } from '../../model/dates.ts';
import { valueAt, type RuleFamily } from '../report-context.ts';

const REPORT_DATES: ReadonlyArray<{ path: DataPath; label: string }> = [
  { path: ['signature', 'date'], label: '报告的署名日期' },
  { path: ['letter', 'signature', 'date'], label: '函的日期' },
  { path: ['document', 'signature', 'date'], label: '红头文件的成文日期' },
  { path: ['document', 'printed', 'date'], label: '版记的印发日期' },
];

/** Reports on year N are due by 31 March of N+1 (《条例》第五十条). */
const reportWindow = (year: number) => ({ from: `${year + 1}-01-01`, to: `${year + 1}-03-31` });

export const dateWindow: RuleFamily = {
  name: 'date-window',
  needs: {},
  run(ctx) {
    const { from, to } = reportWindow(ctx.year);
    const out: Diagnostic[] = [];
    for (const { path, label } of REPORT_DATES) {
      if (!ctx.report.soundness.isSound(path)) continue;
      const value = valueAt(ctx.report.data, path);
      if (typeof value !== 'string' || (value >= from && value <= to)) continue;
      out.push(
        diagnostic(
          'date-window',
          ctx.report.source.locate(path),
          `${label} ${formatChineseDate(value)} 不在 ${ctx.year} 年度报告的报送期内（${formatChineseDate(from)}至${formatChineseDate(to)}）；请核对年份`,
        ),
      );
    }
    return out;
  },
};

export const documentDate: RuleFamily = {
  name: 'document-date-missing',
  needs: { report: [['document']] },
  run(ctx) {
    const doc = ctx.report.data.document;
    if (!doc || doc.signature?.date) return [];
    const at = doc.signature ? ctx.report.source.locateKey(['document', 'signature']) : ctx.report.source.locateKey(['document']);
    return [diagnostic('document-date-missing', at, '红头文件没有成文日期：请在 document.signature.date 中填写（YYYY-MM-DD）')];
  },
};
