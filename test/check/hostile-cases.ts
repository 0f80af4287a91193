/** The cases of test/fixtures/hostile and their data folders (a huge file is made at test time, not kept in git). */
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../build/helpers.ts';

export const HOSTILE = path.resolve(import.meta.dirname, '../fixtures/hostile');

export interface HostileExpected {
  exit: number;
  diagnostics: Array<{ code: string; file: string; line: number; column: number; severity: 'error' | 'warning' }>;
  /** Built for real with the browser: a payload that must stay inert in every output. */
  build?: boolean;
  /** Blow `placeholder` in `file` up to a file of `bytes` bytes. */
  inflate?: { file: string; placeholder: string; bytes: number };
}

export const hostileCases = (): string[] =>
  fs
    .readdirSync(HOSTILE, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

export const readExpected = (name: string): HostileExpected => JSON.parse(fs.readFileSync(path.join(HOSTILE, name, 'expected.json'), 'utf8'));

/** The case's data folder; a copy with the huge file made when the case asks for one. */
export async function hostileDataDir(name: string, expected: HostileExpected): Promise<string> {
  const dataDir = path.join(HOSTILE, name, 'data');
  if (!expected.inflate) return dataDir;
  const copy = path.join(await tempDir(`hostile-${name}`), 'data');
  fs.cpSync(dataDir, copy, { recursive: true });
  const file = path.join(copy, expected.inflate.file);
  const [before, after] = fs.readFileSync(file, 'utf8').split(expected.inflate.placeholder) as [string, string];
  const filler = '很长的正文。'.repeat(Math.ceil(expected.inflate.bytes / 18));
  fs.writeFileSync(file, before + filler + after);
  return copy;
}
