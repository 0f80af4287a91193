/** `nianbao summary <group-id> [--year <y>]`: a group's 汇总 reports and review dashboards. */
import path from 'node:path';
import type { Command } from 'commander';
import { formatDiagnostics } from '../diagnostics/format.ts';
import { displayPath } from '../diagnostics/display-path.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { DEFAULTS, resolveOptions, type NianbaoOptions } from '../options.ts';
import type { GroupResult } from '../groups/index.ts';
import { collectYear, EXIT } from './arguments.ts';

interface SummaryFlags {
  data?: string;
  out?: string;
  year?: number[];
  force?: boolean;
  browser?: string;
}

const STATUS = { passed: '通过', warnings: '通过（有警告）', failed: '未通过', missing: '未报送' } as const;

function findings(diagnostics: Diagnostic[], options: NianbaoOptions): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return formatDiagnostics({ diagnostics, failed: errors > 0, errors, warnings: diagnostics.length - errors, sources: {} }, options);
}

function describe(r: GroupResult, options: NianbaoOptions): string {
  const folder = displayPath(path.join(options.outDir, 'groups', r.groupId, String(r.year)));
  const head = r.error
    ? `${r.year} 年度：生成失败：${r.error}`
    : `${r.year} 年度：${r.summary ? '汇总报告已生成' : '未生成汇总报告'}${r.status === 'current' ? '（已是最新）' : ''}，审核页面 ${folder}/index.html`;
  const members = r.members.map((m) => `  ${m.agencyName}（${m.agencyId}）：${STATUS[m.status]}`);
  const failing = r.members.filter((m) => m.status === 'failed').flatMap((m) => m.diagnostics);
  return [head, ...members, failing.length ? findings(failing, options) : '', r.diagnostics.length ? findings(r.diagnostics, options) : '']
    .filter(Boolean)
    .join('\n');
}

export function addSummaryCommand(program: Command): void {
  program
    .command('summary')
    .description('汇总组内各机关的表格，生成汇总报告（网页、PDF、DOCX）、审核页面和 Excel 表格')
    .argument('<group-id>', '汇总组标识：data/groups/<组标识>.yaml')
    .option('--data <dir>', `数据目录（默认 ${DEFAULTS.dataDir}）`)
    .option('--out <dir>', `输出目录（默认 ${DEFAULTS.outDir}）`)
    .option('--year <year>', '只汇总该年度（可重复）', collectYear)
    .option('--force', '即使输出已是最新也重新生成')
    .option('--browser <path>', '生成 PDF 用的 Chrome/Chromium')
    .action(async (groupId: string, flags: SummaryFlags) => {
      const options = resolveOptions({ dataDir: flags.data, outDir: flags.out, years: flags.year, force: flags.force, browserPath: flags.browser });
      const { summarize } = await import('../groups/index.ts');
      const outcome = await summarize(options, { groupId, years: options.years });
      if (outcome.diagnostics.length) process.stdout.write(findings(outcome.diagnostics, options));
      for (const r of outcome.results) process.stdout.write(`${describe(r, options)}\n`);
      if (!outcome.results.length && !outcome.diagnostics.length) process.stdout.write(`汇总组 ${groupId} 没有可汇总的年度\n`);
      process.exitCode = outcome.failed ? EXIT.failed : EXIT.ok;
    });
}
