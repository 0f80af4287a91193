/**
 * `nianbao build` as users run it: exit codes and the summary in-process, and as a real process
 * the full build of one example agency end to end (every output, with real PDFs), a no-op rebuild
 * (no stage runs, no printer is made), and SIGTERM halfway. How fast these are is measured by
 * `npm run bench`, not here.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { defaultStages } from '../../src/build/default-stages.ts';
import { resolveOptions } from '../../src/options.ts';
import { verifyFolder } from '../../src/write/manifest.ts';
import { stagingRoot } from '../../src/write/staging.ts';
import { copyAgency, listTree, makeAgencies, REPO, tempDir } from '../build/helpers.ts';
import { spyOnStages } from '../build/stage-spy.ts';
import { runInProcess } from './run-in-process.ts';

/**
 * A preload that prints, as the process exits, the packages whose code it loaded: the files
 * under node_modules it imported as ES modules or required as CommonJS. It watches a run from the
 * sources (NIANBAO_FROM_SOURCE): the compiled CLI is one file (bin/load-cli.js) in which the
 * modules the sources import on first use run only when imported, as they do here.
 */
const LIST_LOADED_PACKAGES = `data:text/javascript,${encodeURIComponent(`
import Module from 'node:module';
const PACKAGE = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/;
const files = new Set();
Module.register('data:text/javascript,' + encodeURIComponent(\`
export async function load(url, context, next) {
  if (url.startsWith('file:')) globalThis.port?.postMessage(url);
  return next(url, context);
}
export function initialize(data) { globalThis.port = data.port; }
\`), { data: { port: (globalThis.__nianbaoPort = new MessageChannel()).port2 }, transferList: [globalThis.__nianbaoPort.port2] });
globalThis.__nianbaoPort.port1.on('message', (url) => files.add(decodeURIComponent(url)));
globalThis.__nianbaoPort.port1.unref();
process.on('exit', () => {
  const names = [...Object.keys(Module._cache), ...files].map((file) => PACKAGE.exec(file)?.[1]?.replace('\\\\', '/'));
  process.stderr.write('loaded ' + JSON.stringify([...new Set(names.filter(Boolean))]) + '\\n');
});`)}`;

function runProcess(
  args: string[],
  onStderr?: (text: string, child: ReturnType<typeof spawn>) => void,
  nodeArgs: string[] = [],
  env: NodeJS.ProcessEnv = process.env,
) {
  const child = spawn(process.execPath, [...nodeArgs, path.join(REPO, 'bin/nianbao.js'), ...args], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => {
    stderr += c;
    onStderr?.(stderr, child);
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('nianbao build (CLI)', () => {
  it('rejects wrong usage with exit code 2', async () => {
    expect((await runInProcess(['build', '--shard', '3/2'])).code).toBe(2);
    expect((await runInProcess(['build', '--concurrency', '0'])).code).toBe(2);
    expect((await runInProcess(['build', '--year', '23'])).code).toBe(2);
  });

  it('exits 1 with the diagnostics and the summary table when a report fails its gate', async () => {
    const root = await tempDir('cli-fail');
    const data = path.join(root, 'data');
    const dir = await copyAgency('xinxiang-office', data, 'broken');
    const file = path.join(dir, '2023.yaml');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(/^year: 2023$/m, 'year: 2022'));
    const { code, stdout } = await runInProcess(['build', '--data', data, '--out', path.join(root, 'out'), '--quiet']);
    expect(code).toBe(1);
    expect(stdout).toContain('[year-mismatch]');
    expect(stdout).toMatch(/broken\s+2023\s+未生成（检查未通过）\s+\d+\s+[1-9]/);
    expect(stdout).toContain('构建失败');
    expect(await listTree(path.join(root, 'out'))).toEqual(['data.json', 'index.html', 'manifest.json', 'tables.csv', 'tables.xlsx']);
  });

  it('exits 3 when the browser cannot be found or will not start, leaving out/ as it was', async () => {
    const root = await tempDir('cli-browser');
    const data = path.join(root, 'data');
    const out = path.join(root, 'out');
    await copyAgency('xinxiang-office', data, 'xinxiang-office');
    const missing = await runInProcess(['build', '--data', data, '--out', out, '--quiet', '--browser', path.join(root, 'no-such-chrome')]);
    expect(missing.code, missing.stdout + missing.stderr).toBe(3);
    expect(missing.stderr).toContain('指定的浏览器不存在');
    // A file that exists but is no browser: found, then fails to launch.
    const notBrowser = path.join(root, 'not-a-browser');
    await fs.writeFile(notBrowser, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    const broken = await runInProcess(['build', '--data', data, '--out', out, '--quiet', '--browser', notBrowser]);
    expect(broken.code, broken.stdout + broken.stderr).toBe(3);
    expect(broken.stderr).toContain('无法启动浏览器');
    expect((await listTree(out)).filter((p) => p.startsWith('xinxiang-office'))).toEqual([]);
  }, 120_000);

  it('builds one example agency end to end with every output, then skips it as current', async () => {
    const root = await tempDir('cli-full');
    const data = path.join(root, 'data');
    const out = path.join(root, 'out');
    await copyAgency('shenmu', data, 'shenmu');
    // One report, the published year: the 2022 sample year would only double the printing.
    await fs.rm(path.join(data, 'shenmu', '2022.yaml'));
    const first = await runProcess(['build', '--data', data, '--out', out]);
    expect(first.stderr).not.toContain('失败');
    // No warning of Node's about the code of the packages (the workbook's zip library calls Buffer()).
    expect(first.stderr).not.toMatch(/Warning/);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toMatch(/shenmu\s+2023\s+已生成 7 个/);

    const folder = path.join(out, 'shenmu/2023');
    expect((await fs.readdir(folder)).sort()).toEqual(
      ['fragment.html', 'index.html', 'letter.docx', 'letter.pdf', 'manifest.json', 'report.docx', 'report.pdf', 'submission.pdf'],
    );
    expect(await verifyFolder(folder)).toEqual([]);
    for (const pdf of ['report.pdf', 'letter.pdf', 'submission.pdf']) {
      expect((await fs.readFile(path.join(folder, pdf))).subarray(0, 5).toString()).toBe('%PDF-');
    }
    for (const docx of ['report.docx', 'letter.docx']) {
      expect((await fs.readFile(path.join(folder, docx))).subarray(0, 2).toString()).toBe('PK');
    }
    expect(await fs.readFile(path.join(folder, 'index.html'), 'utf8')).toContain('神木市人民政府');
    expect((await fs.readdir(out)).sort()).toEqual(['data.json', 'index.html', 'manifest.json', 'shenmu', 'tables.csv', 'tables.xlsx']);
    expect(await listTree(stagingRoot(out))).toEqual([]); // the temp folder beside out/ is gone

    // Nothing changed: every report is current and no stage runs. (While nianbao itself is being
    // edited, a run may rebuild once because its sources changed; the run after it must be a no-op.)
    // The process also lists the packages it loaded: a no-op must not load the parsers,
    // the schemas' code or the renderers, whose loading alone took longer than the rest of it.
    const noopRun = () =>
      runProcess(['build', '--data', data, '--out', out, '--format', 'json'], undefined, ['--import', LIST_LOADED_PACKAGES], { ...process.env, NIANBAO_FROM_SOURCE: '1' });
    let run = await noopRun();
    let summary = JSON.parse(run.stdout);
    if (summary.reports[0].status !== 'current') summary = JSON.parse((run = await noopRun()).stdout);
    expect(summary.failed).toBe(false);
    expect(summary.reports.map((r: { status: string }) => r.status)).toEqual(['current']);
    expect(summary.reports[0].stageMs).toEqual({});
    const loaded: string[] = JSON.parse(/^loaded (.*)$/m.exec(run.stderr)![1]!);
    expect(loaded).toContain('commander');
    for (const heavy of ['yaml', 'ajv', 'pizzip', 'docxtemplater', 'handlebars', 'exceljs', 'pdf-lib', 'fontkit']) expect(loaded).not.toContain(heavy);

    // The same no-op in-process, with the real stages watched: nothing is gated, no renderer is
    // loaded and no printer is made, so no browser is launched.
    const calls: string[] = [];
    const options = resolveOptions({ dataDir: data, outDir: out, output: { quiet: true } });
    const noop = await build(options, { stages: spyOnStages(defaultStages(options), calls) });
    expect(noop.reports.map((r) => r.status)).toEqual(['current']);
    expect(noop.portal).toEqual([]);
    expect(calls).toEqual([]);
  }, 180_000);

  it('SIGTERM halfway: exit 143, finished folders complete, no temp folder left', async () => {
    const root = await tempDir('cli-term');
    const data = path.join(root, 'data');
    const out = path.join(root, 'out');
    await makeAgencies(data, 6);
    let sent = false;
    const result = await runProcess(['build', '--data', data, '--out', out, '--concurrency', '1'], (stderr, child) => {
      if (!sent && /\[1\/6\]/.test(stderr)) {
        sent = true;
        child.kill('SIGTERM');
      }
    });
    expect(sent).toBe(true);
    expect(result.code).toBe(143);
    const folders = (await listTree(out)).filter((p) => /^agency-\d+\/\d{4}$/.test(p));
    expect(folders.length).toBeGreaterThanOrEqual(1);
    expect(folders.length).toBeLessThan(6);
    for (const f of folders) expect(await verifyFolder(path.join(out, f))).toEqual([]);
    expect(await listTree(stagingRoot(out))).toEqual([]); // the temp folder beside out/ is gone
  }, 180_000);
});
