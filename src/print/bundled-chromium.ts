/**
 * The Chromium that @sparticuz/chromium ships decompresses itself into the temp folder on first
 * use and afterwards only checks that the file exists. So that neither a parallel process nor an
 * interrupted one leaves a half-written binary behind: decompression runs under a lock (a folder,
 * mkdir being atomic, holding the owner's pid), and a marker written after it completes tells a
 * finished binary from an interrupted one, which is removed and decompressed again. The marker
 * also records the package's version and its launch flags: a later process that finds this
 * version's binary finished starts it without loading the package (some 0.1 s of a build).
 */
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** A lock whose owner cannot be told dead (no pid yet) is taken over after this long. */
const STALE_MS = 2 * 60_000;
const POLL_MS = 100;

interface Unpacked {
  version: string;
  executablePath: string;
  args: string[];
}

export async function bundledChromium(tmp = os.tmpdir()): Promise<{ executablePath: string; args: string[] }> {
  const marker = path.join(tmp, 'nianbao-chromium.done');
  // Where the package puts its binary; a marker naming any other file is not ours.
  const binary = path.join(tmp, 'chromium');
  const version = packageVersion();
  const finished = async (): Promise<Unpacked | null> => {
    const done = await readMarker(marker);
    return done && done.version === version && done.executablePath === binary && (await isExecutable(binary)) ? done : null;
  };
  const ready = await finished();
  if (ready) return { executablePath: ready.executablePath, args: ready.args };
  const { default: chromium } = await import('@sparticuz/chromium');
  return withLock(path.join(tmp, 'nianbao-chromium.lock'), async () => {
    // Another process may have finished it meanwhile; otherwise what is there is half-written or
    // another version's, which the package would take as it is.
    const done = await finished();
    if (done) return { executablePath: done.executablePath, args: done.args };
    await fs.rm(marker, { force: true });
    await fs.rm(binary, { force: true });
    const executablePath = await chromium.executablePath();
    const unpacked: Unpacked = { version, executablePath, args: chromium.args };
    await fs.writeFile(marker, JSON.stringify(unpacked));
    return { executablePath, args: unpacked.args };
  });
}

const PACKAGE = '@sparticuz/chromium';

/** The installed package's version, from its package.json (which its exports do not name). */
function packageVersion(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve(PACKAGE));
  // Up from its entry module, past the package.json files of its build folders.
  for (let i = 0; i < 5; i++, dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (!fsSync.existsSync(file)) continue;
    const pkg = JSON.parse(fsSync.readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === PACKAGE && pkg.version) return pkg.version;
  }
  return 'unknown';
}

async function readMarker(marker: string): Promise<Unpacked | null> {
  try {
    const done = JSON.parse(await fs.readFile(marker, 'utf8')) as Partial<Unpacked>;
    return typeof done.version === 'string' && typeof done.executablePath === 'string' && Array.isArray(done.args) ? (done as Unpacked) : null;
  } catch {
    return null;
  }
}

const isExecutable = (file: string) => fs.access(file, fsSync.constants.X_OK).then(() => true, () => false);

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
