/** Shared helpers of the build tests: temporary data folders made from the examples (and the stubs). */
import { rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export { stubStages, testOptions, type StubLog, type StubOptions } from './stub-stages.ts';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const EXAMPLES = path.join(REPO, 'data');

const made: string[] = [];
afterAll(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh folder under the system temp folder, removed after the test file. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `nianbao-${prefix}-`));
  made.push(dir);
  return dir;
}

export async function copyAgency(from: string, dataDir: string, id: string): Promise<string> {
  const target = path.join(dataDir, id);
  await fs.cp(path.join(EXAMPLES, from), target, { recursive: true });
  return target;
}

/** `count` agencies named `agency-01`… copied from one example. */
export async function makeAgencies(dataDir: string, count: number, from = 'xinxiang-office'): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `agency-${String(i + 1).padStart(2, '0')}`);
  await Promise.all(ids.map((id) => copyAgency(from, dataDir, id)));
  return ids;
}

/**
 * shuozhou-office with 2023 and 2024: 2023 is 2024's file with the year changed, so 2023's 结转下年度
 * equals 2024's 上年结转 and the cross-year check passes.
 */
export async function makeTwoYearAgency(dataDir: string, id = 'two-years'): Promise<string> {
  const dir = await copyAgency('shuozhou-office', dataDir, id);
  const text = await fs.readFile(path.join(dir, '2024.yaml'), 'utf8');
  await fs.writeFile(path.join(dir, '2023.yaml'), text.replace(/^year: 2024$/m, 'year: 2023'));
  return dir;
}

/** Every path below `dir`, relative, sorted. */
export async function listTree(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return names.map((n) => n.split(path.sep).join('/')).sort();
}
