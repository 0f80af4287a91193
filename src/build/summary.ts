/**
 * The text a build ends with: the diagnostics (as `nianbao check` prints them), then a table of
 * every report — agency, year, outputs written or skipped as current, warnings, errors — and a
 * closing line. Columns are aligned by display width, counting a Chinese character as two.
 */
import { displayWidth } from '../diagnostics/display-width.ts';
import type { NianbaoOptions } from '../options.ts';
import type { BuildSummary } from './index.ts';
import { findingCounts, type ReportResult } from './report-job.ts';
import { formatBuildDiagnostics } from './summary-diagnostics.ts';
import { formatFontReport } from '../fonts/report.ts';

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function outputsCell(r: ReportResult): string {
  switch (r.status) {
    case 'built':
      return `已生成 ${r.written.length} 个`;
    case 'current':
      return `已是最新（${Object.keys(r.published?.files ?? {}).length} 个）`;
    case 'interrupted':
      return '已中断';
    case 'failed':
      return r.error ? `失败：${r.error}` : '未生成（检查未通过）';
  }
}

/** What `nianbao build` prints: for `--format json`, every report's status and findings without the tables. */
export function formatBuildSummary(summary: BuildSummary, options: NianbaoOptions): string {
  if (options.output.format === 'json') {
    const reports = summary.reports.map(({ published: _published, ...rest }) => rest);
    return `${JSON.stringify({ ...summary, reports }, null, 2)}\n`;
  }
  const parts: string[] = [];
  const diagnostics = formatBuildDiagnostics(summary, options);
  if (diagnostics) parts.push(diagnostics);
  if (summary.fonts.length) parts.push(formatFontReport(summary.fonts));
  if (summary.reports.length) {
    parts.push(
      formatTable(
        ['机关', '年度', '输出', '警告', '错误'],
        summary.reports.map((r) => {
          const { errors, warnings } = findingCounts(r);
          return [r.agencyId, String(r.year), outputsCell(r), String(warnings), String(errors)];
        }),
      ),
    );
  }
  parts.push(closingLine(summary));
  return `${parts.join('\n\n')}\n`;
}

function closingLine(summary: BuildSummary): string {
  const by = (status: ReportResult['status']) => summary.reports.filter((r) => r.status === status).length;
  const seconds = (summary.durationMs / 1000).toFixed(1);
  if (summary.interrupted) return `构建已中断：已完成的报告已写入，未完成的报告保持原样（用时 ${seconds} 秒）`;
  const counts = `共 ${summary.reports.length} 份报告：生成 ${by('built')} 份，已是最新 ${by('current')} 份，失败 ${by('failed')} 份`;
  const portal = summary.portal === null ? '；分片构建不写门户首页和开放数据' : summary.portal.length ? `；已更新 ${summary.portal.join('、')}` : '';
  return `${summary.failed ? '构建失败' : '构建完成'}。${counts}${portal}（用时 ${seconds} 秒）`;
}
