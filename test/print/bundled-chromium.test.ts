/** The lock around the bundled Chromium's decompression. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

  it('takes over a lock whose owner has died', async () => {
    const lock = path.join(dir, 'b.lock');
    await fs.mkdir(lock);
    // Far above any pid in use: no such process.
    await fs.writeFile(path.join(lock, 'pid'), '4194000');
    const started = Date.now();
    await expect(withLock(lock, async () => 'mine')).resolves.toBe('mine');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
