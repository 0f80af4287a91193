/**
 * `npm run bench`: nianbao's speed, measured (the tests assert behaviour only and never time
 * anything). On the five examples, or on N synthetic agencies (`--agencies N`), in one run:
 *   - a cold full build as a new `nianbao build` process into a fresh folder (browser launch
 *     included): wall time, documents per second, time per stage, peak memory of Node and browser;
 *   - a no-op rebuild of the same, as a new process;
 *   - the print floor: the same print documents printed back to back on one warm page;
 *   - LibreOffice converting the same DOCX files to PDF in one batch (when installed);
 *   - the preview server: saving a data file to the page's reload.
 * Prints one table; with --json also writes the figures (bench/results/<date>-<commit>-<data>.json
 * by default) for comparison across commits. Never fails on a slow figure: targets are the README's.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error plain JavaScript without declarations: it runs before any TypeScript loader
import { codeCacheName, ensureBundle } from '../bin/load-cli.js';
import { planBuild } from '../src/build/plan.ts';
import { PACKAGE_ROOT, resolveOptions } from '../src/options.ts';
import { parseBenchArguments } from './bench/arguments.ts';
import { cliBuild, type CliBuild } from './bench/cli-build.ts';
import { measureLibreOffice } from './bench/libreoffice.ts';
import { measureReloads } from './bench/preview-reload.ts';
import { measurePrintFloor } from './bench/print-floor.ts';
import { formatResult, median, RESULT_FORMAT, STAGES, type BenchResult } from './bench/results.ts';
import { writeSyntheticAgencies } from './bench/synthetic-agencies.ts';

const args = parseBenchArguments(process.argv.slice(2));
const log = (line: string) => process.stderr.write(`${line}\n`);

function git(...gitArgs: string[]): string | null {
  try {
    return execFileSync('git', gitArgs, { cwd: PACKAGE_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

async function prepareData(root: string): Promise<{ dataDir: string; agencies: number; reports: number }> {
  const dataDir = path.join(root, 'data');
  if (args.agencies !== null) return writeSyntheticAgencies(dataDir, args.agencies);
  await fs.cp(path.join(PACKAGE_ROOT, 'data'), dataDir, { recursive: true });
  const agencies = await fs.readdir(dataDir);
  const years = await Promise.all(agencies.map(async (a) => (await fs.readdir(path.join(dataDir, a))).filter((n) => /^\d{4}\.yaml$/.test(n)).length));
  return { dataDir, agencies: agencies.length, reports: years.reduce((a, b) => a + b, 0) };
}

const countWritten = (build: CliBuild, names: string[]) =>
  build.reports.reduce((sum, r) => sum + r.written.filter((w) => names.includes(w)).length, 0);

const maxOf = (xs: Array<number | null>) => (xs.some((x) => x === null) ? null : Math.max(...(xs as number[])));

const root = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-bench-'));
try {
  const data = await prepareData(root);
  const buildFlags = args.concurrency ? ['--concurrency', String(args.concurrency)] : [];
  const options = resolveOptions({ dataDir: data.dataDir, ...(args.concurrency ? { concurrency: args.concurrency } : {}) });
  log(`数据：${data.agencies} 个机关、${data.reports} 份报告（${data.dataDir}）`);

  // The CLI's bundle for this state of src/, as `npm install` leaves it: made in a cold build, its
  // compiler's time and memory (some 250 MB) would be counted as the build's and the browser's.
  const bundle = await ensureBundle();
  // Each command keeps V8's code of the bundle after its first run (bin/load-cli.js), as the first
  // `npm run build` leaves it: when there is none yet, one untimed build of one agency makes it,
  // so that the cold builds are those of a machine that has built before.
  if (bundle && !existsSync(path.join(path.dirname(bundle), codeCacheName('build')))) {
    const first = (await planBuild(options)).reports[0]?.agencyId;
    if (first) await cliBuild(data.dataDir, path.join(root, 'out-warm'), [...buildFlags, '--agency', first]);
  }
  const colds: CliBuild[] = [];
  let outDir = '';
  for (let run = 1; run <= args.runs; run++) {
    if (outDir) await fs.rm(outDir, { recursive: true, force: true });
    outDir = path.join(root, `out-${run}`);
    log(`冷构建 ${run}/${args.runs}……`);
    const build = await cliBuild(data.dataDir, outDir, buildFlags);
    if (build.reports.some((r) => r.status !== 'built')) throw new Error('冷构建未能生成全部报告');
    colds.push(build);
  }
  const noops: CliBuild[] = [];
  for (let run = 1; run <= Math.max(3, args.runs); run++) {
    log(`无改动重建 ${run}……`);
    const build = await cliBuild(data.dataDir, outDir, buildFlags);
    if (build.reports.some((r) => r.status !== 'current')) throw new Error('无改动的构建重新生成了报告');
    noops.push(build);
  }
  if (args.floor) log('打印下限……');
  const floor = args.floor ? await measurePrintFloor(options) : null;
  if (args.libreoffice) log('LibreOffice……');
  const libreoffice = args.libreoffice ? await measureLibreOffice(outDir) : null;
  const first = colds[0]!.reports[0]!;
  if (args.reload) log('预览刷新……');
  const reload = args.reload ? await measureReloads(data.dataDir, first.agencyId, first.year, 3) : null;

  // The figures of the median cold run, so that its parts add up.
  const byWall = [...colds].sort((a, b) => a.wallMs - b.wallMs);
  const typical = byWall[Math.floor((byWall.length - 1) / 2)]!;
  const documents = countWritten(typical, ['report.pdf', 'letter.pdf']);
  const coldWall = median(colds.map((c) => c.wallMs));
  const stagesMs = Object.fromEntries(STAGES.map((s) => [s, typical.reports.reduce((sum, r) => sum + (r.stageMs[s] ?? 0), 0)])) as BenchResult['cold']['stagesMs'];
  const result: BenchResult = {
    format: RESULT_FORMAT,
    date: new Date().toISOString(),
    commit: git('rev-parse', '--short', 'HEAD'),
    dirty: Boolean(git('status', '--porcelain')),
    machine: { cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model ?? '', memoryMb: Math.round(os.totalmem() / 2 ** 20), node: process.version, loadAverage: os.loadavg() },
    data: { source: args.agencies === null ? 'examples' : 'synthetic', agencies: data.agencies, reports: data.reports },
    runs: args.runs,
    cold: {
      wallMs: coldWall,
      samples: colds.map((c) => c.wallMs),
      buildMs: median(colds.map((c) => c.buildMs)),
      documents,
      files: typical.reports.reduce((sum, r) => sum + r.written.length, 0),
      documentsPerSecond: documents / (coldWall / 1000),
      stagesMs,
      memory: {
        nodeRssMb: maxOf(colds.map((c) => c.memory.nodeRssMb)),
        browserRssMb: maxOf(colds.map((c) => c.memory.browserRssMb)),
        totalRssMb: maxOf(colds.map((c) => c.memory.totalRssMb)),
        totalPssMb: maxOf(colds.map((c) => c.memory.totalPssMb)),
        samples: colds.reduce((sum, c) => sum + c.memory.samples, 0),
      },
    },
    noop: { wallMs: median(noops.map((n) => n.wallMs)), samples: noops.map((n) => n.wallMs), buildMs: median(noops.map((n) => n.buildMs)) },
    floor,
    libreoffice,
    ratios: {
      buildOverFloor: floor ? coldWall / floor.totalMs : null,
      buildOverLibreOffice: libreoffice ? coldWall / libreoffice.totalMs : null,
    },
    reload: reload ? { ms: median(reload), samples: reload } : null,
  };
  process.stdout.write(`\n${formatResult(result)}`);
  if (args.json !== false) {
    const name = `${result.date.slice(0, 10)}-${result.commit ?? 'unknown'}-${args.agencies === null ? 'examples' : `n${args.agencies}`}.json`;
    const file = args.json === true ? path.join(PACKAGE_ROOT, 'bench', 'results', name) : path.resolve(args.json);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`\n已写入 ${file.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), file) : file}\n`);
  }
} finally {
  await fs.rm(root, { recursive: true, force: true });
}
