/**
 * A build that is killed (SIGKILL) or interrupted (SIGINT, abort) halfway leaves only complete
 * report folders under out/, no temp file there, and the next build repairs and finishes.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { verifyFolder } from '../../src/write/manifest.ts';
import { stagingRoot } from '../../src/write/staging.ts';
import { listTree, makeAgencies, REPO, stubStages, tempDir, testOptions } from './helpers.ts';

const FIXTURE = path.join(REPO, 'test/build/fixtures/slow-build.ts');

/** Asserts that out/ holds only complete, manifest-matching report folders and portal files. */
async function expectOnlyCompleteFolders(out: string): Promise<number> {
  let folders = 0;
  for (const entry of await fs.readdir(out, { withFileTypes: true })) {
    if (!entry.isDirectory()) {
      expect(['index.html', 'data.json', 'tables.csv', 'tables.xlsx', 'manifest.json']).toContain(entry.name);
      continue;
    }
    for (const year of await fs.readdir(path.join(out, entry.name))) {
      expect(await verifyFolder(path.join(out, entry.name, year))).toEqual([]);
      folders++;
    }
  }
  return folders;
}

async function countFolders(out: string): Promise<number> {
  const tree = await listTree(out);
  return tree.filter((p) => /^agency-\d+\/\d{4}$/.test(p)).length;
}

function startBuild(data: string, out: string, delayMs: number) {
  const child = spawn(process.execPath, [path.join(REPO, 'bin/run-ts.js'), FIXTURE, data, out, String(delayMs)], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, exited };
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('interrupted builds', () => {
  it('SIGKILL halfway through 20 agencies leaves only complete folders; the next build repairs and completes', async () => {
    const root = await tempDir('kill');
    const data = path.join(root, 'data');
    const out = path.join(root, 'out');
    await makeAgencies(data, 20);
    const { child, exited } = startBuild(data, out, 120);
    await waitFor(async () => (await countFolders(out)) >= 4, 60_000);
    child.kill('SIGKILL');
    const { signal } = await exited;
    expect(signal).toBe('SIGKILL');

    const done = await expectOnlyCompleteFolders(out);
    expect(done).toBeGreaterThanOrEqual(4);
    expect(done).toBeLessThan(20);
    // The dead build's temp folder is beside out/, not inside it.
    expect((await listTree(stagingRoot(out))).some((p) => p.startsWith('stage-'))).toBe(true);

    const options = testOptions({ dataDir: data, outDir: out });
    const summary = await build(options, { stages: stubStages(options), toolchain: 'test' });
    expect(summary.failed).toBe(false);
    expect(summary.reports.filter((r) => r.status === 'current')).toHaveLength(done);
    expect(await expectOnlyCompleteFolders(out)).toBe(20);
    expect((await listTree(stagingRoot(out))).filter((p) => p.startsWith('stage-'))).toEqual([]);
  }, 90_000);

  it('SIGINT stops the build: exit 130, finished folders complete, temp folders removed', async () => {
    const root = await tempDir('sigint');
    const data = path.join(root, 'data');
    const out = path.join(root, 'out');
    await makeAgencies(data, 20);
    const { child, exited } = startBuild(data, out, 150);
    await waitFor(async () => (await countFolders(out)) >= 2, 60_000);
    child.kill('SIGINT');
    const { code } = await exited;
    expect(code).toBe(130);
    const done = await expectOnlyCompleteFolders(out);
    expect(done).toBeLessThan(20);
    expect(await listTree(stagingRoot(out))).not.toContainEqual(expect.stringMatching(/^stage-|^lock$/));
  }, 90_000);

  it('an aborted build in-process stops starting reports and reports itself as interrupted', async () => {
    const root = await tempDir('abort');
    const data = path.join(root, 'data');
    const out = path.join(root, 'out');
    await makeAgencies(data, 8);
    const options = testOptions({ dataDir: data, outDir: out, concurrency: 1 });
    const controller = new AbortController();
    const summary = await build(options, {
      stages: stubStages(options, { delayMs: 30 }),
      toolchain: 'test',
      signal: controller.signal,
      reporter: { start() {}, begin() {}, finish: () => controller.abort(), note() {}, stop() {} },
    });
    expect(summary.interrupted).toBe(true);
    expect(summary.failed).toBe(true);
    expect(summary.reports.length).toBeLessThan(8);
    await expectOnlyCompleteFolders(out);
    expect(summary.portal).toBeNull();
  });
});
