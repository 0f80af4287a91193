/** The processes below a pid, read from /proc (Linux): how the tests find the browser a build launched. */
import fs from 'node:fs';

interface Proc {
  pid: number;
  ppid: number;
  state: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.push({ pid: Number(name), state: rest[0]!, ppid: Number(rest[1]) });
    } catch {
      // Gone while listing.
    }
  }
  return out;
}

/** Every live (not zombie) descendant of `root`. */
export function descendants(root: number): number[] {
  const all = processes();
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const p of all) {
      if (p.ppid === parent && p.state !== 'Z') {
        found.push(p.pid);
        queue.push(p.pid);
      }
    }
  }
  return found;
}

/** Whether `pid` runs (a zombie, dead but not yet reaped, does not count). */
export function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** The command line of `pid`. */
export const commandLine = (pid: number): string => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
};

/** The browsers launched directly by `root` (their children are the browser's own helpers). */
export const browsersOf = (root: number): number[] =>
  processes().filter((p) => p.ppid === root && p.state !== 'Z' && /chrom|headless/i.test(commandLine(p.pid))).map((p) => p.pid);

export async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

/** The profile folder a browser process was started with (--user-data-dir), or null. */
export function userDataDirOf(pid: number): string | null {
  try {
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return args.find((a) => a.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length) ?? null;
  } catch {
    return null;
  }
}
