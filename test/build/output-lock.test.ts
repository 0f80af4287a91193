/**
 * Two builds on one output folder never interleave: while another live process holds the lock the
 * second build refuses at once, naming it, and writes nothing; a lock left by a build killed with
 * -9, or naming a pid now used by another program, is taken over.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { lockFile, OutputLockedError } from '../../src/build/output-lock.ts';
import { silentReporter } from '../../src/build/progress.ts';
import { EnvironmentError } from '../../src/environment-error.ts';
import { copyAgency, listTree, REPO, stubStages, tempDir, testOptions } from './helpers.ts';

/** A separate process that takes the lock of `outDir` and keeps it until killed. */
async function holdLock(outDir: string) {
  const script = `import { lockOutput } from ${JSON.stringify(path.join(REPO, 'src/build/output-lock.ts'))};
lockOutput(${JSON.stringify(outDir)}); process.stdout.write('locked\\n'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c) => String(c).includes('locked') && resolve());
    child.on('exit', (code) => reject(new Error(`lock holder exited ${code}`)));
  });
  return child;
}

async function setup() {
  const root = await tempDir('lock');
  const data = path.join(root, 'data');
  await copyAgency('shenmu', data, 'shenmu');
  const options = testOptions({ dataDir: data, outDir: path.join(root, 'out') });
  return options;
}

describe('the output lock', () => {
  it('refuses a second build while another process builds into the same out/, then takes over its stale lock', async () => {
    const options = await setup();
    const holder = await holdLock(options.outDir);
    try {
      const refused = await build(options, { stages: stubStages(options), toolchain: 'test' }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(OutputLockedError);
      expect(refused).toBeInstanceOf(EnvironmentError);
      expect((refused as Error).message).toContain(`另一个 nianbao 构建（进程 ${holder.pid}）正在写入`);
      expect(await listTree(options.outDir)).toEqual([]);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    expect(fs.existsSync(lockFile(options.outDir))).toBe(true); // left behind by the killed build
    const summary = await build(options, { stages: stubStages(options), toolchain: 'test' });
    expect(summary.failed).toBe(false);
    expect(summary.reports.map((r) => r.status)).toEqual(['built', 'built']); // shenmu 2022 and 2023
    expect(fs.existsSync(lockFile(options.outDir))).toBe(false);
  }, 60_000);

  it('takes over a lock whose pid now belongs to another program', async () => {
    const options = await setup();
    fs.mkdirSync(path.dirname(lockFile(options.outDir)), { recursive: true });
    // The parent process is alive, but it started at another time than the lock says.
    fs.writeFileSync(lockFile(options.outDir), `${process.ppid}\n1\n`);
    const summary = await build(options, { stages: stubStages(options), toolchain: 'test' });
    expect(summary.reports.map((r) => r.status)).toEqual(['built', 'built']); // shenmu 2022 and 2023
  });

  it('refuses a second build of the same process', async () => {
    const options = await setup();
    let started!: () => void;
    const locked = new Promise<void>((resolve) => (started = resolve));
    // The reporter starts once the build holds the lock.
    const reporter = { ...silentReporter, start: () => started() };
    const first = build(options, { stages: stubStages(options, { delayMs: 200 }), toolchain: 'test', reporter });
    await locked;
    await expect(build(options, { stages: stubStages(options), toolchain: 'test' })).rejects.toBeInstanceOf(OutputLockedError);
    expect((await first).reports.map((r) => r.status)).toEqual(['built', 'built']);
  });
});
