/**
 * Every folder of test/fixtures is a tiny data folder with one mistake (or none) and the findings
 * it must produce in expected.json: exactly those codes at exactly those places.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check/index.ts';
import { RULES } from '../../src/diagnostics/rules.ts';
import { resolveOptions } from '../../src/options.ts';
import { hostileCases, readExpected } from './hostile-cases.ts';

interface Expected {
  code: string;
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
}

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
/**
 * A case is a folder with its expected.json. The others serve other tests: the published texts
 * (test/data/seeds.test.ts), the hostile corpus (test/check/hostile-corpus.test.ts), import inputs.
 */
const cases = fs
  .readdirSync(FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory() && fs.existsSync(path.join(FIXTURES, e.name, 'expected.json')))
  .map((e) => e.name)
  .sort();

const load = (name: string): Expected[] => JSON.parse(fs.readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8'));

/** Rules that a data folder alone cannot trigger. */
const NOT_FROM_DATA = new Set([
  'agency-not-found', // needs --agency naming a missing folder: test/check/check-api.test.ts
  'schema-invalid', // the fallback for schema keywords our schemas do not use
  'group-not-found', // needs `nianbao summary` naming a missing group: test/groups/summary-build.test.ts
]);

async function findings(name: string): Promise<Expected[]> {
  const dataDir = path.join(FIXTURES, name, 'data');
  const summary = await check(resolveOptions({ dataDir, output: { color: false } }));
  return summary.diagnostics.map((d) => ({
    code: d.code,
    file: path.relative(dataDir, path.resolve(d.file)).split(path.sep).join('/'),
    line: d.line,
    column: d.column,
    severity: d.severity,
  }));
}

describe('fixtures', () => {
  it('has a broken input for every failure mode', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    // The hostile corpus (test/check/hostile-corpus.test.ts) covers the rules for malicious input.
    const hostile = hostileCases().flatMap((c) => readExpected(c).diagnostics.map((e) => e.code));
    const covered = new Set([...cases.flatMap((c) => load(c).map((e) => e.code)), ...hostile]);
    const uncovered = Object.keys(RULES).filter((code) => !covered.has(code) && !NOT_FROM_DATA.has(code));
    expect(uncovered).toEqual([]);
  });

  it.each(cases)('%s', async (name) => {
    expect(await findings(name)).toEqual(load(name));
  });
});
