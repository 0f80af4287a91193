/**
 * `npm run bench`: nianbao's speed targets, measured on a copy of data/ (the tests assert behaviour
 * only and never time anything). Three measurements, each repeated, median and minimum reported:
 *   (a) a cold full build of the examples as a CLI process into a fresh out folder (browser launch
 *       included), with the time per stage (gate, HTML, DOCX, PDF) from the build's own summary;
 *   (b) a no-op build of the same, in-process and as a CLI process (target: well under 1 s);
 *   (c) `serve`: from saving a data file to the reload event (target: under 1 s).
 * Prints a table with each target and whether it was met; exits 1 when one was missed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from '../src/build/index.ts';
import type { StageTimings } from '../src/build/stages.ts';
import { formatTable } from '../src/build/summary.ts';
import { PACKAGE_ROOT, resolveOptions } from '../src/options.ts';
import { serve } from '../src/serve/index.ts';
import { reloadEvents } from '../test/serve/reload-events.ts';

const COLD_RUNS = 3;
const NOOP_RUNS = 5;
const RELOAD_RUNS = 5;
/** Targets in ms; "well under 1 s" for the in-process no-op leaves room for the CLI's start-up. */
const TARGET = { noopInProcess: 500, noopCli: 1000, reload: 1000 };

interface Row {
  name: string;
  samples: number[];
  target?: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const ms = (x: number) => `${Math.round(x)} ms`;

async function timeIt<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await work();
  return [performance.now() - started, value];
}

/** `nianbao build` as a process; resolves with its JSON summary. */
function cliBuild(dataDir: string, outDir: string): Promise<{ reports: { status: string; stageMs: StageTimings }[]; failed: boolean }> {
  const args = [path.join(PACKAGE_ROOT, 'bin/nianbao.js'), 'build', '--data', dataDir, '--out', outDir, '--format', 'json'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(stdout));
      } catch {
        reject(new Error(`nianbao build 退出码 ${code}，输出不是 JSON：${stdout.slice(0, 200)}`));
      }
    }),
  );
}

async function coldBuilds(root: string, dataDir: string): Promise<{ rows: Row[]; outDir: string }> {
  const total: number[] = [];
  const stages: Record<keyof StageTimings, number[]> = { gate: [], html: [], docx: [], pdf: [] };
  let outDir = '';
  for (let run = 1; run <= COLD_RUNS; run++) {
    if (outDir) await fs.rm(outDir, { recursive: true, force: true });
    outDir = path.join(root, `out-${run}`);
    const [time, summary] = await timeIt(() => cliBuild(dataDir, outDir));
    if (summary.failed || summary.reports.some((r) => r.status !== 'built')) throw new Error('冷构建未能生成全部报告');
    total.push(time);
    for (const r of summary.reports) {
      for (const [stage, value] of Object.entries(r.stageMs)) stages[stage as keyof StageTimings].push(value);
    }
  }
  const perReport = (label: string, samples: number[]): Row => ({ name: `  其中 ${label}（每份报告）`, samples });
  return {
    outDir,
    rows: [
      { name: '(a) 冷构建，命令行进程（含启动浏览器）', samples: total },
      perReport('数据检查 gate', stages.gate),
      perReport('网页 HTML', stages.html),
      perReport('DOCX', stages.docx),
      perReport('PDF 打印', stages.pdf),
    ],
  };
}

async function noopBuilds(dataDir: string, outDir: string): Promise<Row[]> {
  const options = resolveOptions({ dataDir, outDir, output: { quiet: true } });
  const inProcess: number[] = [];
  const cli: number[] = [];
  for (let run = 0; run < NOOP_RUNS; run++) {
    const [time, summary] = await timeIt(() => build(options));
    if (summary.reports.some((r) => r.status !== 'current')) throw new Error('无改动的构建重新生成了报告');
    inProcess.push(time);
  }
  for (let run = 0; run < NOOP_RUNS; run++) {
    const [time, summary] = await timeIt(() => cliBuild(dataDir, outDir));
    if (summary.reports.some((r) => r.status !== 'current')) throw new Error('无改动的构建重新生成了报告');
    cli.push(time);
  }
  return [
    { name: '(b) 无改动构建，进程内', samples: inProcess, target: TARGET.noopInProcess },
    { name: '(b) 无改动构建，命令行进程', samples: cli, target: TARGET.noopCli },
  ];
}

async function reloads(dataDir: string): Promise<Row> {
  const server = await serve(resolveOptions({ dataDir, serve: { port: 0 } }));
  const events = reloadEvents(server.url);
  const samples: number[] = [];
  try {
    // Viewed once, so that a save rebuilds it, as it does for an open browser tab.
    await (await fetch(`${server.url}shenmu/2023/`)).text();
    const file = path.join(dataDir, 'shenmu/2023.yaml');
    const original = await fs.readFile(file, 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (let run = 1; run <= RELOAD_RUNS; run++) {
      events.events.length = 0;
      const [time] = await timeIt(async () => {
        await fs.writeFile(file, `${original}\n# bench ${run}\n`);
        await events.next('shenmu/2023', 60_000); // a slow reload is a missed target, not a crash
      });
      samples.push(time);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    events.close();
    await server.close();
  }
  return { name: '(c) serve：保存数据文件到页面刷新', samples, target: TARGET.reload };
}

function report(rows: Row[]): boolean {
  let allMet = true;
  const lines = rows.map((row) => {
    const m = median(row.samples);
    const met = row.target === undefined ? null : m < row.target;
    if (met === false) allMet = false;
    const verdict = met === null ? '' : met ? '达到' : '未达到';
    return [row.name, String(row.samples.length), ms(m), ms(Math.min(...row.samples)), row.target ? `< ${ms(row.target)}` : '—', verdict];
  });
  process.stdout.write(`${formatTable(['测量', '次数', '中位数', '最小', '目标（中位数）', '结果'], lines)}\n`);
  return allMet;
}

const root = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-bench-'));
try {
  const dataDir = path.join(root, 'data');
  await fs.cp(path.join(PACKAGE_ROOT, 'data'), dataDir, { recursive: true });
  process.stdout.write(`nianbao bench：${(await fs.readdir(dataDir)).length} 个示例机关，${os.availableParallelism()} 个 CPU\n\n`);
  const cold = await coldBuilds(root, dataDir);
  const rows = [...cold.rows, ...(await noopBuilds(dataDir, cold.outDir)), await reloads(dataDir)];
  const allMet = report(rows);
  process.stdout.write(allMet ? '\n全部目标均已达到。\n' : '\n有目标未达到。\n');
  process.exitCode = allMet ? 0 : 1;
} finally {
  await fs.rm(root, { recursive: true, force: true });
}
