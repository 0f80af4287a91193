/**
 * The project root, found upward from the working folder as git finds its repository: the first
 * folder (the working folder itself, then each parent) that holds a `data/` folder or a
 * package.json naming nianbao (its name, or a dependency on it). Commands run from a subfolder
 * (data/jinjie, templates/) then read and write the same data/ and out/ as from the root.
 */
import fs from 'node:fs';
import path from 'node:path';

const PACKAGE_NAME = 'nianbao';

const isDirectory = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() === true;

function namesNianbao(packageFile: string): boolean {
  try {
    const pkg = JSON.parse(fs.readFileSync(packageFile, 'utf8')) as Record<string, unknown>;
    if (pkg.name === PACKAGE_NAME) return true;
    return ['dependencies', 'devDependencies'].some((key) => {
      const deps = pkg[key];
      return typeof deps === 'object' && deps !== null && PACKAGE_NAME in deps;
    });
  } catch {
    return false;
  }
}

/** Whether `dir` is a project root by the rule above. */
export const isProjectRoot = (dir: string): boolean =>
  isDirectory(path.join(dir, 'data')) || namesNianbao(path.join(dir, 'package.json'));

/** The nearest project root at or above `from`; null when there is none up to the filesystem root. */
export function findProjectRoot(from: string): string | null {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (isProjectRoot(dir)) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}
