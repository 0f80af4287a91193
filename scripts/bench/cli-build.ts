/**
 * `nianbao build` as a new process, the way a user runs it: its wall time, its JSON summary and the
 * peak memory of Node and of the browser it launched.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { StageTimings } from '../../src/build/stages.ts';
import { PACKAGE_ROOT } from '../../src/options.ts';
import { sampleMemory, type MemoryPeaks } from './process-memory.ts';

export interface CliReport {
  agencyId: string;
  year: number;
  status: string;
  written: string[];
  stageMs: StageTimings;
}

export interface CliBuild {
  wallMs: number;
  /** The build's own duration (from its summary): the wall time less Node's start-up and module loading. */
  buildMs: number;
  reports: CliReport[];
  memory: MemoryPeaks;
}

export async function cliBuild(dataDir: string, outDir: string, extra: string[] = []): Promise<CliBuild> {
  const args = [path.join(PACKAGE_ROOT, 'bin/nianbao.js'), 'build', '--data', dataDir, '--out', outDir, '--format', 'json', '--quiet', ...extra];
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const memory = sampleMemory(child.pid!);
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('close', resolve));
  const wallMs = performance.now() - started;
  const peaks = memory.stop();
  let summary: { reports: CliReport[]; failed: boolean; durationMs: number };
  try {
    summary = JSON.parse(stdout);
  } catch {
    throw new Error(`nianbao build 退出码 ${code}，输出不是 JSON：${stdout.slice(0, 200)}`);
  }
  if (summary.failed) {
    const failed = summary.reports.filter((r) => r.status !== 'built' && r.status !== 'current');
    throw new Error(`nianbao build 失败（退出码 ${code}）：${failed.map((r) => `${r.agencyId}/${r.year}`).join('、') || '见上方输出'}`);
  }
  return { wallMs, buildMs: summary.durationMs, reports: summary.reports, memory: peaks };
}
