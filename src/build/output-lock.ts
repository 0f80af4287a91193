/**
 * One build at a time per output folder: two builds swapping the same report folders would undo
 * each other's work. The lock file (`.out-tmp/lock`, created exclusively) names its process and
 * that process's start time, so a lock left by a killed build is taken over — even when the pid
 * has since been given to another program — while a live build's lock makes the second build
 * refuse at once with a message naming the first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EnvironmentError } from '../environment-error.ts';
import { displayPath } from '../diagnostics/display-path.ts';
import { makeDirSync } from '../write/make-dir.ts';
import { isAlive, stagingRoot } from '../write/staging.ts';
import { guardWriteSync } from '../write/write-failure.ts';

export class OutputLockedError extends EnvironmentError {}

export const lockFile = (outDir: string): string => path.join(stagingRoot(outDir), 'lock');

/** Output folders locked by this process (a pid in the lock file cannot tell two of ours apart). */
const lockedHere = new Set<string>();

/** When the process started, in clock ticks since boot (Linux), to tell a reused pid from the holder. */
function startTimeOf(pid: number): string {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) may contain spaces, so count from its closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

interface LockHolder {
  pid: number;
  started: string;
}

function readHolder(file: string): LockHolder | null {
  try {
    const [pid, started = ''] = fs.readFileSync(file, 'utf8').split('\n');
    return Number(pid) > 0 ? { pid: Number(pid), started } : null;
  } catch {
    return null;
  }
}

const holds = (holder: LockHolder): boolean =>
  isAlive(holder.pid) && (!holder.started || !startTimeOf(holder.pid) || startTimeOf(holder.pid) === holder.started);

const lockedMessage = (outDir: string, pid: number) =>
  `另一个 nianbao 构建（进程 ${pid}）正在写入 ${displayPath(outDir)}，为免两次构建的输出互相覆盖，本次构建没有开始。请等它结束后再试；如确认没有构建在运行，删除 ${displayPath(lockFile(outDir))} 即可。`;

/** Takes the lock of `outDir` or throws OutputLockedError; returns the release function. */
export function lockOutput(outDir: string): () => void {
  if (lockedHere.has(outDir)) throw new OutputLockedError(lockedMessage(outDir, process.pid));
  const file = lockFile(outDir);
  guardWriteSync(file, () => makeDirSync(path.dirname(file)));
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n${startTimeOf(process.pid)}\n`, { flag: 'wx' });
      lockedHere.add(outDir);
      return () => {
        lockedHere.delete(outDir);
        fs.rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') guardWriteSync(file, () => { throw error; });
      const holder = readHolder(file);
      if (holder && holder.pid !== process.pid && holds(holder)) throw new OutputLockedError(lockedMessage(outDir, holder.pid));
      // Stale (its build is gone) or half-written by a build killed while taking it: take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new OutputLockedError(lockedMessage(outDir, readHolder(file)?.pid ?? 0));
}
