/** The lock around the bundled Chromium's decompression, and the marker of a finished one. */
import fs from 'node:fs/promises';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { bundledChromium, withLock } from '../../src/print/bundled-chromium.ts';

const require = createRequire(import.meta.url);
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-lock-'));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('withLock', () => {
  it('lets one holder in at a time and removes the lock afterwards', async () => {
    const lock = path.join(dir, 'a.lock');
    const events: string[] = [];
    const hold = (name: string) =>
      withLock(lock, async () => {
        events.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 50));
        events.push(`${name} out`);
      });
    await Promise.all([hold('1'), hold('2')]);
    expect(events).toEqual(['1 in', '1 out', '2 in', '2 out']);
    await expect(fs.access(lock)).rejects.toThrow();
  });

  it('takes over a lock whose owner has died, without waiting', async () => {
    const lock = path.join(dir, 'b.lock');
    await fs.mkdir(lock);
    // Far above any pid in use: no such process.
    await fs.writeFile(path.join(lock, 'pid'), '4194000');
    // With the clock stopped, a lock that had to be polled for (or left to go stale) is never taken.
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const owner = withLock(lock, () => fs.readFile(path.join(lock, 'pid'), 'utf8'));
      await expect(owner).resolves.toBe(String(process.pid));
    } finally {
      vi.useRealTimers();
    }
    await expect(fs.access(lock)).rejects.toThrow();
  });
});

describe('bundledChromium', () => {
  const version = JSON.parse(
    // The package's own package.json, which its exports do not name.
    require('node:fs').readFileSync(path.join(path.dirname(require.resolve('@sparticuz/chromium')), '..', '..', 'package.json'), 'utf8'),
  ).version as string;

  it('starts a finished binary of this version from its marker, without the package', async () => {
    const tmp = await fs.mkdtemp(path.join(dir, 'done-'));
    await fs.writeFile(path.join(tmp, 'chromium'), '#!/bin/sh\n', { mode: 0o755 });
    const marker = { version, executablePath: path.join(tmp, 'chromium'), args: ['--from-marker'] };
    await fs.writeFile(path.join(tmp, 'nianbao-chromium.done'), JSON.stringify(marker));
    expect(await bundledChromium(tmp)).toEqual({ executablePath: marker.executablePath, args: ['--from-marker'] });
  });

  it('does not take a marker of another version, or one that names another file', async () => {
    for (const marker of [{ version: '0.0.1' }, { version, executablePath: '/bin/sh' }]) {
      const tmp = await fs.mkdtemp(path.join(dir, 'stale-'));
      await fs.writeFile(path.join(tmp, 'chromium'), '#!/bin/sh\n', { mode: 0o755 });
      await fs.writeFile(path.join(tmp, 'nianbao-chromium.done'), JSON.stringify({ executablePath: path.join(tmp, 'chromium'), args: ['--from-marker'], ...marker }));
      // The package's binary, decompressed (or found) where the package keeps it, with its own flags.
      const found = await bundledChromium(tmp);
      expect(found.args).not.toContain('--from-marker');
      expect(found.executablePath).not.toBe('/bin/sh');
      await expect(fs.access(path.join(tmp, 'chromium'))).rejects.toThrow();
    }
  }, 120_000);
});
