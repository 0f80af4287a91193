/**
 * A build whose output cannot be written stops within seconds with a Chinese message naming the
 * path and exit code 3, and leaves the previous output as it was: a folder that refuses new
 * entries (/proc, which once made the build spin forever), a file where a folder should be, and a
 * full disk injected into the filesystem calls.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { build } from '../../src/build/index.ts';
import { EnvironmentError } from '../../src/environment-error.ts';
import { readManifest, verifyFolder } from '../../src/write/manifest.ts';
import { stagingRoot } from '../../src/write/staging.ts';
import { OutputWriteError } from '../../src/write/write-failure.ts';
import { copyAgency, listTree, REPO, stubStages, tempDir, testOptions } from '../build/helpers.ts';

/** The real CLI, killed after 30 s so that a hang fails the test instead of stalling the run. */
const runCli = (args: string[]) =>
  spawnSync(process.execPath, [path.join(REPO, 'bin/nianbao.js'), 'build', ...args], { cwd: REPO, encoding: 'utf8', timeout: 30_000 });

const enospc = (file: string) =>
  Object.assign(new Error(`ENOSPC: no space left on device, open '${file}'`), { code: 'ENOSPC', errno: -28, syscall: 'open', path: file });

async function builtOnce() {
  const root = await tempDir('write-failure');
  const data = path.join(root, 'data');
  await copyAgency('shenmu', data, 'shenmu');
  await copyAgency('jinjie', data, 'jinjie');
  const options = testOptions({ dataDir: data, outDir: path.join(root, 'out'), concurrency: 1 });
  await build(options, { stages: stubStages(options), toolchain: 'test' });
  const before = {
    shenmu: await readManifest(path.join(options.outDir, 'shenmu/2023')),
    jinjie: await readManifest(path.join(options.outDir, 'jinjie/2023')),
    index: fs.readFileSync(path.join(options.outDir, 'index.html'), 'utf8'),
  };
  return { options, before };
}

async function expectUnchanged({ options, before }: Awaited<ReturnType<typeof builtOnce>>) {
  expect(await readManifest(path.join(options.outDir, 'shenmu/2023'))).toEqual(before.shenmu);
  expect(await readManifest(path.join(options.outDir, 'jinjie/2023'))).toEqual(before.jinjie);
  expect(await verifyFolder(path.join(options.outDir, 'shenmu/2023'))).toEqual([]);
  expect(await verifyFolder(path.join(options.outDir, 'jinjie/2023'))).toEqual([]);
  expect(fs.readFileSync(path.join(options.outDir, 'index.html'), 'utf8')).toBe(before.index);
  expect(await listTree(stagingRoot(options.outDir))).toEqual([]);
}

afterEach(() => vi.restoreAllMocks());

describe('write failures', () => {
  it('an output folder under /proc: exit 3 naming the path, no hang', () => {
    const result = runCli(['--agency', 'shenmu', '--out', '/proc/nianbao-out', '--quiet']);
    expect(result.signal).toBeNull(); // killed by the timeout: the build hung
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('无法写入 /proc/nianbao-out');
  });

  it('a file where the output folder should be: exit 3 naming the path', async () => {
    const root = await tempDir('write-file');
    const file = path.join(root, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const result = runCli(['--agency', 'shenmu', '--out', path.join(file, 'out'), '--quiet']);
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/无法写入 .*not-a-folder.*：路径中有一段是文件而不是目录/);
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  });

  it('a full disk while a report is written: the build stops with a Chinese error, the old output stays', async () => {
    const state = await builtOnce();
    const realWrite = fs.promises.writeFile;
    const writes = vi.spyOn(fs.promises, 'writeFile').mockImplementation(async (file, ...rest) => {
      if (String(file).endsWith('report.pdf')) throw enospc(String(file));
      return realWrite(file, ...rest);
    });
    const { options } = state;
    const failure = await build({ ...options, force: true }, { stages: stubStages(options), toolchain: 'test' }).catch((e: unknown) => e);
    expect(writes).toHaveBeenCalled();
    expect(failure).toBeInstanceOf(OutputWriteError);
    expect(failure).toBeInstanceOf(EnvironmentError);
    expect((failure as Error).message).toMatch(/^无法写入 .*report\.pdf：磁盘空间不足。已有的输出没有改动。$/);
    await expectUnchanged(state);
  });

  it('a failure while the new folder moves in puts the previous folder back', async () => {
    const state = await builtOnce();
    const realRename = fs.renameSync;
    vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      // The move of the staged folder into out/: from the staging folder to out/<agency>/<year>.
      if (String(from).includes(`${path.sep}stage-`) && String(to).endsWith(path.join('shenmu', '2023'))) throw enospc(String(to));
      return realRename(from, to);
    });
    const { options } = state;
    const failure = await build({ ...options, force: true }, { stages: stubStages(options), toolchain: 'test' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OutputWriteError);
    expect((failure as Error).message).toContain('磁盘空间不足');
    await expectUnchanged(state);
  });
});
