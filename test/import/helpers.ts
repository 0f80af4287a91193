/** Imports into a fresh data folder and reads back what was written. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { importReports, type ImportRequest, type ImportSummary } from '../../src/import/index.ts';
import { resolveOptions } from '../../src/options.ts';

export const repo = path.resolve(import.meta.dirname, '../..');

export async function tempDataDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nianbao-import-test-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function importInto(dataDir: string, request: ImportRequest): Promise<ImportSummary> {
  return importReports(resolveOptions({ dataDir, output: { color: false } }), request);
}

export const readYaml = async (file: string): Promise<Record<string, unknown>> => parse(await readFile(file, 'utf8')) as Record<string, unknown>;

/** Every table cell of a year file as path → numbers (a row is one entry). */
export function tableCells(data: Record<string, unknown>): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  const walk = (value: unknown, at: string) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, at ? `${at}.${k}` : k);
    } else {
      cells.set(at, value);
    }
  };
  for (const table of ['proactive', 'requests', 'appeals']) walk(data[table], table);
  return cells;
}
