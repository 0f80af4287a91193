/** The lock around the bundled Chromium's decompression. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { withLock } from '../../src/print/bundled-chromium.ts';

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
