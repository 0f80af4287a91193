/**
 * What a build works out from files that rarely change (compiled templates, the web fonts'
 * table) kept under dist/, beside the CLI's own bundle, for later processes: named by a hash of
 * everything it was made from, so that a change is a new name and never a stale read. Where
 * dist/ cannot be written (a read-only install), every process works it out again.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../options.ts';

const KEPT_DIR = path.join(PACKAGE_ROOT, 'dist');

/** The name of what is made from `inputs`. */
export const keptName = (...inputs: string[]): string => createHash('sha256').update(inputs.join('\0')).digest('hex').slice(0, 32);

const fileOf = (folder: string, name: string) => path.join(KEPT_DIR, folder, name);

/** The kept text of `folder/name`, or null. */
export function readKept(folder: string, name: string): Promise<string | null> {
  return fs.readFile(fileOf(folder, name), 'utf8').catch(() => null);
}

/** Keeps `text` as `folder/name`, whole or not at all: a process reading it meanwhile sees the file or none. */
export async function keep(folder: string, name: string, text: string): Promise<void> {
  const file = fileOf(folder, name);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(temp, text);
    await fs.rename(temp, file);
  } catch {
    await fs.rm(temp, { force: true }).catch(() => {});
  }
}
