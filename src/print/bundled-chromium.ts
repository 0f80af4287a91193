/**
 * The Chromium that @sparticuz/chromium ships decompresses itself into the temp folder on first
 * use and afterwards only checks that the file exists. So that neither a parallel process nor an
 * interrupted one leaves a half-written binary behind: decompression runs under a lock (a folder,
 * mkdir being atomic, holding the owner's pid), and a marker written after it completes tells a
 * finished binary from an interrupted one, which is removed and decompressed again.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A lock whose owner cannot be told dead (no pid yet) is taken over after this long. */
const STALE_MS = 2 * 60_000;
const POLL_MS = 100;

export async function bundledChromium(tmp = os.tmpdir()): Promise<{ executablePath: string; args: string[] }> {
  const { default: chromium } = await import('@sparticuz/chromium');
  const marker = path.join(tmp, 'nianbao-chromium.done');
  const executablePath = await withLock(path.join(tmp, 'nianbao-chromium.lock'), async () => {
    const done = await fs.readFile(marker, 'utf8').catch(() => null);
    if (done === null) await fs.rm(path.join(tmp, 'chromium'), { force: true });
    const exe = await chromium.executablePath();
    if (done === null) await fs.writeFile(marker, exe);
    return exe;
  });
  return { executablePath, args: chromium.args };
}

export async function withLock<T>(lock: string, fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      await fs.mkdir(lock);
      await fs.writeFile(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await abandoned(lock)) await fs.rm(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
  try {
    return await fn();
  } finally {
    await fs.rm(lock, { recursive: true, force: true });
  }
}

/** Whether the lock's owner is gone: its process no longer runs, or it never wrote its pid. */
async function abandoned(lock: string): Promise<boolean> {
  const pid = Number(await fs.readFile(path.join(lock, 'pid'), 'utf8').catch(() => ''));
  if (pid > 0) {
    try {
      process.kill(pid, 0);
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH';
    }
  }
  const age = await fs.stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
  return age > STALE_MS;
}
