/**
 * The hostile corpus (test/fixtures/hostile): broken and malicious data folders, one per case.
 * Each must produce exactly the findings of its expected.json — codes, files, lines and columns —
 * and the exit code of `nianbao check`; the build's gate must agree with check, and a failing
 * case must leave no report output behind. The injection cases are also built for real, in
 * test/render/injection.browser.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { check } from '../../src/check/index.ts';
import { displayWidth } from '../../src/diagnostics/display-width.ts';
import { resolveOptions } from '../../src/options.ts';
import { listTree, stubStages, tempDir, testOptions } from '../build/helpers.ts';
import { runInProcess } from '../cli/run-in-process.ts';
import { HOSTILE, hostileCases, hostileDataDir, type HostileExpected } from './hostile-cases.ts';

const cases = hostileCases();
const PORTAL_FILES = ['data.json', 'index.html', 'manifest.json', 'tables.csv', 'tables.xlsx'];

const runCheckCli = (dataDir: string) => runInProcess(['check', '--data', dataDir]);

const relative = (dataDir: string, file: string) => path.relative(dataDir, path.resolve(file)).split(path.sep).join('/');

describe('hostile corpus', () => {
  it('holds at least 60 cases, each with its expected findings', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    for (const name of cases) expect(fs.existsSync(path.join(HOSTILE, name, 'expected.json')), name).toBe(true);
  });

  it.each(cases)('%s', async (name) => {
    const expected: HostileExpected = JSON.parse(fs.readFileSync(path.join(HOSTILE, name, 'expected.json'), 'utf8'));
    const dataDir = await hostileDataDir(name, expected);

    const summary = await check(resolveOptions({ dataDir, output: { color: false } }));
    const found = summary.diagnostics.map((d) => ({ code: d.code, file: relative(dataDir, d.file), line: d.line, column: d.column, severity: d.severity }));
    expect(found).toEqual(expected.diagnostics);
    for (const d of summary.diagnostics) expect(d.message).toMatch(/[\u4e00-\u9fff]/); // Chinese, never the parser's English

    const cli = await runCheckCli(dataDir);
    expect(cli.code).toBe(expected.exit);
    // Code frames fit the default width of a non-terminal (100 columns) and show no raw control character.
    for (const line of cli.stdout.split('\n').filter((l) => /^[> ] +\d+ \|/.test(l))) {
      expect(displayWidth(line)).toBeLessThanOrEqual(100);
      expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }

    // The build's gate says what check says: it fails exactly when check fails, and then writes no report.
    const out = path.join(await tempDir('hostile-out'), 'out');
    const options = testOptions({ dataDir, outDir: out });
    const built = await build(options, { stages: stubStages(options), toolchain: 'test' });
    expect(built.failed).toBe(expected.exit !== 0);
    const gateFindings = [...built.diagnostics, ...built.reports.flatMap((r) => r.diagnostics)].map((d) => `${d.code}@${relative(dataDir, d.file)}:${d.line}:${d.column}`);
    for (const d of expected.diagnostics.filter((e) => e.severity === 'error')) expect(gateFindings).toContain(`${d.code}@${d.file}:${d.line}:${d.column}`);
    if (expected.exit !== 0) expect((await listTree(out)).filter((p) => !PORTAL_FILES.includes(p))).toEqual([]);
  });
});
