/**
 * Creates a folder and its missing parents one level at a time. Node's own `recursive: true`
 * loops forever where a parent exists but refuses new entries with ENOENT (as /proc does), which
 * made `build --out /proc/x` spin at full CPU; walking the levels ourselves always ends.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The folders from the deepest existing ancestor down to `dir` that do not exist yet, outermost first. */
function missingLevels(dir: string): string[] {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    try {
      if (!fs.statSync(at).isDirectory()) {
        throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${at}'`), { code: 'ENOTDIR', syscall: 'mkdir', path: at });
      }
      return missing.reverse();
    } catch (error) {
      const parent = path.dirname(at);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === at) throw error;
      missing.push(at);
      at = parent;
    }
  }
}

export function makeDirSync(dir: string): void {
  for (const level of missingLevels(dir)) {
    try {
      fs.mkdirSync(level);
    } catch (error) {
      // Made meanwhile by another report of the same build: fine, if it is a folder.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.statSync(level).isDirectory()) throw error;
    }
  }
}

export async function makeDir(dir: string): Promise<void> {
  for (const level of missingLevels(dir)) {
    try {
      await fs.promises.mkdir(level);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !(await fs.promises.stat(level)).isDirectory()) throw error;
    }
  }
}
