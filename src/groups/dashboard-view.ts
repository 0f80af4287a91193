/**
 * What the review dashboard shows of a group and year: every member's check, the members with no
 * file, the totals per member and for the group, the trend charts, and links to the 汇总 files.
 */
import { handlebars } from '../render/html/handlebars-library.ts';
import { barChart, describeChart, type BarChart } from '../charts/bar-chart.ts';
import { REQUEST_ROWS, RESULTS_TOTAL } from '../format/index.ts';
import type { ReportModel } from '../model/report-model.ts';
import type { GroupYear } from './group-year.ts';
import type { MemberStatus } from './member-reports.ts';
import { OUTCOME_SERIES, tableTrend, type TrendPoint } from './trends.ts';

const STATUS_TEXT: Record<MemberStatus, string> = {
  passed: '通过',
  warnings: '通过（有警告）',
  failed: '未通过',
  missing: '未报送',
};

/** The files of a group's year folder the dashboard links to, with what a reader should see. */
export const SUMMARY_LINKS: ReadonlyArray<[file: string, label: string]> = [
  ['report.pdf', '汇总报告 PDF'],
  ['report.docx', '汇总报告 Word（可编辑，补全正文）'],
  ['report.html', '汇总报告网页版'],
  ['tables.xlsx', '汇总表和各机关表格（Excel）'],
  ['summary.yaml', '汇总数据文件（YAML，补全正文后可重新生成）'],
];

const last = (cells: readonly number[]) => cells[cells.length - 1] ?? 0;

function totalsRow(name: string, model: ReportModel) {
  const t = tableTrend(model);
  return {
    name,
    received: t.received,
    carriedOver: last(model.requests.carriedOver),
    resultsTotal: last(model.requests.resultsTotal),
    carriedForward: last(model.requests.carriedForward),
    review: t.review,
    litigation: t.litigation,
  };
}

export const TOTALS_COLUMNS = [
  REQUEST_ROWS.received.replace(/^一、/, ''),
  REQUEST_ROWS.carriedOver.replace(/^二、/, ''),
  `办理结果${RESULTS_TOTAL.label.replace(/^（七）/, '')}`,
  REQUEST_ROWS.carriedForward.replace(/^四、/, ''),
  '行政复议',
  '行政诉讼',
];

/** The three trend charts of the dashboard. */
export function trendCharts(groupName: string, trend: readonly TrendPoint[]): BarChart[] {
  const categories = trend.map((p) => `${p.year}年度`);
  return [
    {
      id: 'trend-received',
      title: `${groupName}各年度新收政府信息公开申请数量`,
      unit: '件',
      categories,
      series: [{ key: 'received', label: '本年新收申请', values: trend.map((p) => p.received) }],
    },
    {
      id: 'trend-outcomes',
      title: `${groupName}各年度申请办理结果`,
      unit: '件',
      categories,
      series: OUTCOME_SERIES.map((s) => ({ key: s.key, label: s.label, values: trend.map((p) => p.outcomes[s.key]!) })),
    },
    {
      id: 'trend-appeals',
      title: `${groupName}各年度政府信息公开行政复议、行政诉讼案件数`,
      unit: '件',
      categories,
      series: [
        { key: 'review', label: '行政复议', values: trend.map((p) => p.review) },
        { key: 'litigation', label: '行政诉讼', values: trend.map((p) => p.litigation) },
      ],
    },
  ];
}

export function dashboardView(g: GroupYear, css: string) {
  const members = g.members.map((m) => ({
    id: m.agencyId,
    name: m.agencyName,
    status: m.status,
    statusText: STATUS_TEXT[m.status],
    errors: m.diagnostics.filter((d) => d.severity === 'error').length,
    warnings: m.diagnostics.filter((d) => d.severity === 'warning').length,
    findings: m.diagnostics.map((d) => ({
      where: `${d.file}:${d.line}:${d.column}`,
      severity: d.severity === 'error' ? '错误' : '警告',
      severityClass: d.severity,
      code: d.code,
      message: d.message,
    })),
  }));
  const counted = g.members.filter((m) => m.model);
  const summaryModel = g.summary?.model ?? null;
  const charts = trendCharts(g.group.name, g.trend).map((chart) => ({
    svg: new (handlebars().SafeString)(barChart(chart)),
    title: chart.title,
    id: chart.id,
    description: describeChart(chart),
    categories: chart.categories,
    rows: chart.series.map((s) => ({ label: s.label, values: s.values })),
  }));
  const incomplete = g.trend.filter((p) => p.counted < p.of).map((p) => `${p.year}年度只计入了 ${p.of} 个成员中的 ${p.counted} 个`);
  return {
    css: new (handlebars().SafeString)(css),
    title: `${g.group.name}${g.year}年度政府信息公开工作年度报告审核`,
    group: g.group,
    year: g.year,
    counts: {
      members: g.members.length,
      passed: g.members.filter((m) => m.status === 'passed' || m.status === 'warnings').length,
      failed: g.members.filter((m) => m.status === 'failed').length,
      missing: g.members.filter((m) => m.status === 'missing').length,
    },
    members,
    missing: members.filter((m) => m.status === 'missing'),
    summary: summaryModel
      ? { title: summaryModel.title, links: SUMMARY_LINKS.map(([href, label]) => ({ href, label })) }
      : null,
    summaryFindings: (g.summary?.diagnostics ?? []).map((d) => ({ where: `${d.file}:${d.line}:${d.column}`, code: d.code, message: d.message })),
    totals: {
      columns: TOTALS_COLUMNS,
      rows: counted.map((m) => totalsRow(m.agencyName, m.model!)),
      sum: summaryModel ? totalsRow('合计', summaryModel) : null,
    },
    charts,
    incomplete,
  };
}
