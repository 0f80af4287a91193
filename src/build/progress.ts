/**
 * Progress of a build: a bar on a terminal (n/N, the report being built, elapsed time), one plain
 * line per report when the output is a log (CI), nothing with --quiet. Written to stderr so that
 * stdout carries only the summary.
 */
import { createRequire } from 'node:module';
import type cliProgress from 'cli-progress';
import type { NianbaoOptions } from '../options.ts';
import type { PlannedReport } from './plan.ts';
import { findingCounts, type ReportResult } from './report-job.ts';

export interface BuildReporter {
  start(total: number): void;
  begin(report: PlannedReport): void;
  finish(result: ReportResult): void;
  /** A line of information (recovery after an interrupted build). */
  note(text: string): void;
  stop(): void;
}

export const silentReporter: BuildReporter = { start() {}, begin() {}, finish() {}, note() {}, stop() {} };

const STATUS_TEXT: Record<ReportResult['status'], string> = {
  built: '已生成',
  current: '已是最新，跳过',
  failed: '失败',
  interrupted: '已中断',
};

function describeResult(r: ReportResult): string {
  const parts = [`${r.agencyId} ${r.year}`, STATUS_TEXT[r.status]];
  const { errors, warnings } = findingCounts(r);
  if (r.status === 'built') parts.push(`${r.written.length} 个文件`);
  if (errors) parts.push(`${errors} 个错误`);
  if (warnings) parts.push(`${warnings} 个警告`);
  if (r.error) parts.push(r.error);
  return `${parts.join('，')}（${(r.durationMs / 1000).toFixed(1)} 秒）`;
}

export function createReporter(
  output: NianbaoOptions['output'],
  stream: NodeJS.WriteStream = process.stderr,
): BuildReporter {
  if (output.quiet || output.format === 'json') return silentReporter;
  return stream.isTTY ? barReporter(output, stream) : lineReporter(output, stream);
}

function lineReporter(output: NianbaoOptions['output'], stream: NodeJS.WriteStream): BuildReporter {
  let total = 0;
  let finished = 0;
  return {
    start(n) {
      total = n;
    },
    begin(r) {
      if (output.verbose) stream.write(`开始 ${r.agencyId} ${r.year}\n`);
    },
    finish(r) {
      finished++;
      // Skipped reports are noise in a CI log unless asked for.
      if (r.status !== 'current' || output.verbose) stream.write(`[${finished}/${total}] ${describeResult(r)}\n`);
    },
    note(text) {
      stream.write(`${text}\n`);
    },
    stop() {},
  };
}

function barReporter(output: NianbaoOptions['output'], stream: NodeJS.WriteStream): BuildReporter {
  // Loaded only for a bar: a build in CI or with --quiet shows none.
  const progress = createRequire(import.meta.url)('cli-progress') as typeof cliProgress;
  // A MultiBar of one bar: unlike SingleBar it can print lines above the bar.
  const multi = new progress.MultiBar(
    {
      stream,
      format: '生成 {bar} {value}/{total} | {current} | 用时 {duration_formatted}',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
    },
    progress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | null = null;
  const active = new Set<string>();
  const current = () => [...active].slice(0, 2).join('、') || '…';
  let running = false;
  return {
    start(total) {
      if (total === 0) return;
      running = true;
      bar = multi.create(total, 0, { current: '准备中' });
    },
    begin(r) {
      active.add(`${r.agencyId} ${r.year}`);
      bar?.update({ current: current() });
    },
    finish(r) {
      active.delete(`${r.agencyId} ${r.year}`);
      // Failures (and everything, when verbose) are printed above the bar so they stay visible.
      if (r.status === 'failed' || output.verbose) multi.log(`${describeResult(r)}\n`);
      bar?.increment(1, { current: current() });
    },
    note(text) {
      if (running) multi.log(`${text}\n`);
      else stream.write(`${text}\n`);
    },
    stop() {
      if (running) multi.stop();
      running = false;
    },
  };
}
