/**
 * A browser that dies or hangs does not fail the build: it is replaced once and the documents it
 * had in flight are printed again; a replacement that fails too stops the build with a Chinese
 * BrowserFailedError (exit 3). And a build killed with -9 leaves no browser behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { silentReporter } from '../../src/build/progress.ts';
import { EnvironmentError } from '../../src/environment-error.ts';
import { BrowserFailedError, BrowserSession } from '../../src/print/browser-session.ts';
import { createPrinter } from '../../src/print/printer.ts';
import { copyAgency, makeAgencies, REPO, stubStages, tempDir, testOptions } from '../build/helpers.ts';
import { browsersOf, descendants, isRunning, userDataDirOf, waitFor } from './process-tree.ts';

describe('a failing browser', () => {
  it('killed during a build of 20 agencies: replaced, and all 20 reports complete with real PDFs', async () => {
    const root = await tempDir('crash');
    const data = path.join(root, 'data');
    await makeAgencies(data, 20);
    const options = testOptions({ dataDir: data, outDir: path.join(root, 'out'), concurrency: 2 });
    // Real printing of simple documents; the other stages are instant stubs.
    const stages = { ...stubStages(options), printer: async () => createPrinter(options) };
    const seen = new Set<number>();
    let finished = 0;
    let killed: number | null = null;
    let killedProfile: string | null = null;
    const reporter = {
      ...silentReporter,
      finish() {
        for (const pid of browsersOf(process.pid)) seen.add(pid);
        if (++finished === 4 && killed === null) {
          killed = browsersOf(process.pid)[0] ?? null;
          killedProfile = killed ? userDataDirOf(killed) : null;
          if (killed) process.kill(killed, 'SIGKILL');
        }
      },
    };
    const summary = await build(options, { stages, reporter, toolchain: 'test' });
    expect(killed).not.toBeNull();
    expect(summary.failed).toBe(false);
    expect(summary.reports.map((r) => r.status)).toEqual(Array(20).fill('built'));
    for (const r of summary.reports) {
      const pdf = await PDFDocument.load(fs.readFileSync(path.join(options.outDir, r.agencyId, String(r.year), 'report.pdf')));
      expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    }
    expect(isRunning(killed!)).toBe(false);
    // Its profile folder went with it before the build returned (the CLI then ends its process at once).
    expect(killedProfile).not.toBeNull();
    expect(fs.existsSync(killedProfile!)).toBe(false);
    expect([...seen].filter((pid) => pid !== killed).length).toBeGreaterThanOrEqual(1); // a second browser took over
    expect(await waitFor(() => browsersOf(process.pid).length === 0, 10_000)).toBe(true); // and it was closed at the end
  }, 300_000);

  it('hung past the document timeout: killed, replaced, and the document printed on the new browser', async () => {
    const session = new BrowserSession({ browserPath: null, concurrency: 1, documentTimeoutMs: 3000 });
    try {
      let attempts = 0;
      const pdf = await session.withPage(async (page) => {
        attempts += 1;
        await page.setContent('<p>打印</p>');
        // The first browser stops answering (SIGSTOP) in the middle of the document.
        if (attempts === 1) page.browser().process()!.kill('SIGSTOP');
        return page.pdf();
      });
      expect(attempts).toBe(2);
      expect(session.relaunches).toBe(1);
      expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await session.close();
    }
  }, 120_000);

  it('failing again after its replacement: the documents are refused with a Chinese environment error', async () => {
    const session = new BrowserSession({ browserPath: null, concurrency: 1 });
    const profiles: Array<string | null> = [];
    try {
      const failure = await session
        .withPage(async (page) => {
          const browser = page.browser().process()!;
          profiles.push(userDataDirOf(browser.pid!));
          browser.kill('SIGKILL');
          return page.pdf();
        })
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(BrowserFailedError);
      expect(failure).toBeInstanceOf(EnvironmentError);
      expect((failure as Error).message).toMatch(/^生成 PDF 的浏览器反复失败（浏览器进程意外退出），重新启动 1 次后仍未恢复/);
      await expect(session.withPage(async () => 'x')).rejects.toBeInstanceOf(BrowserFailedError);
    } finally {
      await session.close();
    }
    // The killed browsers' profile folders are gone once the close has returned, not some time later.
    expect(profiles).toHaveLength(2);
    for (const profile of profiles) {
      expect(profile).not.toBeNull();
      expect(fs.existsSync(profile!)).toBe(false);
    }
    expect(await waitFor(() => browsersOf(process.pid).length === 0, 10_000)).toBe(true);
  }, 120_000);

  it('kill -9 of the build: no process of the browser it launched survives', async () => {
    const { child, exited } = await printingBuild('orphan');
    try {
      const launched = descendants(child.pid!);
      child.kill('SIGKILL');
      await exited;
      expect(await waitFor(() => launched.every((pid) => !isRunning(pid)), 20_000), `still running: ${launched.filter(isRunning)}`).toBe(true);
    } finally {
      child.kill('SIGKILL');
    }
  }, 180_000);

  it('a second Ctrl-C ends the build at once: the browser is killed and its profile folder removed', async () => {
    const { child, exited, stderr } = await printingBuild('twice');
    try {
      const profile = userDataDirOf(browsersOf(child.pid!)[0]!);
      expect(profile).not.toBeNull();
      expect(fs.existsSync(profile!)).toBe(true);
      child.kill('SIGINT');
      // The second once the first is taken: the build is then closing its browser politely.
      expect(await waitFor(() => stderr().includes('正在停止'), 20_000)).toBe(true);
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(fs.existsSync(profile!)).toBe(false);
    } finally {
      child.kill('SIGKILL');
    }
  }, 180_000);
});

/**
 * `nianbao build` of one agency in a process of its own, once its browser runs with its helper
 * processes (the build is printing); `exited` settles with its exit code, `stderr` is what it wrote there.
 */
async function printingBuild(name: string): Promise<{ child: ChildProcess; exited: Promise<number | null>; stderr: () => string }> {
  const root = await tempDir(name);
  const data = path.join(root, 'data');
  await copyAgency('shenmu', data, 'shenmu');
  const child = spawn(process.execPath, [path.join(REPO, 'bin/nianbao.js'), 'build', '--data', data, '--out', path.join(root, 'out'), '--quiet'], {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  if (!(await waitFor(() => browsersOf(child.pid!).length > 0 && descendants(child.pid!).length > 2, 120_000))) {
    child.kill('SIGKILL');
    throw new Error(`${name}: the build's browser did not start`);
  }
  return { child, exited, stderr: () => stderr };
}
