/**
 * Where unfinished output lives: a folder beside the output folder (`out` → `.out-tmp`), on the
 * same filesystem so that finished files move into `out/` with a single atomic rename, and never
 * inside `out/` so that nothing half-written is ever visible there.
 *
 *   .out-tmp/stage-<pid>-<random>/   one per running build: folders and files being written
 *   .out-tmp/aside/<agency>@<year>/  the previous output of a report while the new one moves in
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { makeDir, makeDirSync } from './make-dir.ts';

export const stagingRoot = (outDir: string): string =>
  path.join(path.dirname(outDir), `.${path.basename(outDir)}-tmp`);

export const asideDir = (outDir: string): string => path.join(stagingRoot(outDir), 'aside');

/**
 * The aside name of a report folder; ids never contain `@`, so it splits back unambiguously. A
 * nested folder key (`groups/<group-id>`) stays one name: `/` becomes `+`, which ids never contain.
 */
export const asideName = (agencyId: string, year: number): string => `${agencyId.replaceAll('/', '+')}@${year}`;

export interface Staging {
  outDir: string;
  /** This build's private folder under the staging root. */
  dir: string;
  /** A fresh, empty folder inside `dir` for one unit of work. */
  makeDir(label: string): Promise<string>;
  /** Removes this build's folder (synchronously, so it also works from a signal handler). */
  dispose(): void;
}

export async function createStaging(outDir: string): Promise<Staging> {
  const dir = path.join(stagingRoot(outDir), `stage-${process.pid}-${randomBytes(4).toString('hex')}`);
  await makeDir(dir);
  let counter = 0;
  return {
    outDir,
    dir,
    async makeDir(label) {
      const sub = path.join(dir, `${label}-${++counter}`);
      await makeDir(sub);
      return sub;
    },
    dispose() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether a process with this pid runs (EPERM: it does, as another user). */
export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Repairs what an interrupted build left behind: a report folder moved aside but not replaced is
 * moved back (the previous good output returns); one that was replaced is deleted; staging folders
 * of builds that no longer run are deleted. Returns a line per repair, for verbose output.
 */
export function recoverOutput(outDir: string): string[] {
  const root = stagingRoot(outDir);
  if (!fs.existsSync(root)) return [];
  const repairs: string[] = [];
  const aside = asideDir(outDir);
  for (const name of safeReaddir(aside)) {
    const at = name.lastIndexOf('@');
    const agencyId = name.slice(0, at).replaceAll('+', '/');
    const year = name.slice(at + 1);
    const target = path.join(outDir, agencyId, year);
    const parked = path.join(aside, name);
    if (at > 0 && !fs.existsSync(target)) {
      makeDirSync(path.dirname(target));
      fs.renameSync(parked, target);
      repairs.push(`恢复了上次中断时移开的 ${agencyId}/${year}`);
    } else {
      fs.rmSync(parked, { recursive: true, force: true });
    }
  }
  for (const name of safeReaddir(root)) {
    const m = /^stage-(\d+)-/.exec(name);
    if (m && !isAlive(Number(m[1]))) {
      fs.rmSync(path.join(root, name), { recursive: true, force: true });
      repairs.push(`清理了中断构建留下的临时目录 ${name}`);
    }
  }
  return repairs;
}

/** Removes the staging root when nothing is left in it (no other build, nothing parked). */
export function removeEmptyStagingRoot(outDir: string): void {
  for (const dir of [asideDir(outDir), stagingRoot(outDir)]) {
    try {
      fs.rmdirSync(dir);
    } catch {
      // Not empty (another build, a parked folder) or already gone: leave it.
    }
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
