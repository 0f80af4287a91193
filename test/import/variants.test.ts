/**
 * The same report with its tables flattened the ways published reports reach us (one folder per
 * case under test/fixtures/import/): every cell must be recovered, and exactly the cells that are
 * not there must be reported missing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importInto, readYaml, repo, tableCells, tempDataDir } from './helpers.ts';

interface Expected {
  /** The year file's tables as they must be written. */
  tables: Record<string, unknown>;
  /** Overrides of single rows of `tables`, by dotted path. */
  cells?: Record<string, number[]>;
  /** Every 'missing' finding must contain one of these, and each of these must be in one. */
  missing: string[];
  loose?: string[];
  assumed?: string[];
  /** Rule codes the gate must report on the result (none else may be errors). */
  gate?: string[];
}

const root = path.join(repo, 'test/fixtures/import');
const cases = readdirSync(root).filter((c) => !c.includes('.'));

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

describe('importing flattened tables', () => {
  it.each(cases)('%s', async (name) => {
    const expected = JSON.parse(readFileSync(path.join(root, name, 'expected.json'), 'utf8')) as Expected;
    const { dir, remove } = await tempDataDir();
    cleanup = remove;
    const summary = await importInto(dir, { paths: [path.join(root, name, 'report.txt')], agency: 'demo-county' });
    const [file] = summary.files;
    expect(file!.status, file!.message).toBe('imported');
    expect(summary.exitCode).toBe(0);

    const written = tableCells(await readYaml(path.join(dir, 'demo-county', '2023.yaml')));
    const want = tableCells(expected.tables);
    for (const [at, values] of Object.entries(expected.cells ?? {})) want.set(at, values);
    expect(Object.fromEntries(written)).toEqual(Object.fromEntries(want));

    const messages = (kind: string) => file!.findings.filter((f) => f.kind === kind).map((f) => f.message);
    const matchesBothWays = (found: string[], wanted: string[]) => {
      for (const w of wanted) expect(found.some((m) => m.includes(w)), `expected a finding with “${w}” in:\n${found.join('\n')}`).toBe(true);
      for (const m of found) expect(wanted.some((w) => m.includes(w)), `unexpected finding “${m}”`).toBe(true);
    };
    matchesBothWays(messages('missing'), expected.missing);
    matchesBothWays(messages('loose-label'), expected.loose ?? []);
    matchesBothWays(messages('assumed'), expected.assumed ?? []);
    expect(messages('unreadable')).toEqual([]);

    const errors = file!.check!.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    expect([...new Set(errors)].sort()).toEqual([...(expected.gate ?? [])].sort());
  });
});
