/** `nianbao check` as a user runs it: a real process, its exit code and its output. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/options.ts';
import { tempDir } from '../build/helpers.ts';

const data = (fixture: string) => path.join('test', 'fixtures', fixture, 'data');

function run(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin', 'nianbao.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const nianbao = (...args: string[]) => run(PACKAGE_ROOT, args);

/** A project of its own (outside this repository) holding the fixture's data folder as data/. */
async function project(fixture: string): Promise<string> {
  const root = path.join(await tempDir('project'), 'office');
  fs.cpSync(path.join(PACKAGE_ROOT, data(fixture)), path.join(root, 'data'), { recursive: true });
  return root;
}

// Each run starts Node and compiles the sources: slow on a busy machine.
describe('nianbao check', { timeout: 60_000 }, () => {
  it('exits 0 on clean data', () => {
    const run = nianbao('check', '--data', data('clean'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('检查通过');
  });

  it('exits 1 on errors, showing file:line:col, the rule and a code frame', () => {
    const run = nianbao('check', '--data', data('requests-balance-column'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${path.join(data('requests-balance-column'), 'demo-county', '2023.yaml')}:44:14 错误 [requests-balance]`);
    expect(run.stdout).toContain('自然人：本年新收 8 + 上年结转 3 = 11，办理结果总计 9 + 结转下年度 1 = 10，相差 1');
    expect(run.stdout).toContain('> 44 |   received: [8, 1, 0, 0, 1, 0]');
    expect(run.stdout).toContain('共 2 个错误，0 个警告');
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('exits 0 on warnings alone, and 1 under --strict', () => {
    expect(nianbao('check', '--data', data('date-window-letter')).code).toBe(0);
    expect(nianbao('check', '--data', data('date-window-letter'), '--strict').code).toBe(1);
  });

  it('prints JSON for machines', () => {
    const run = nianbao('check', '--data', data('many-agencies'), '--format', 'json');
    expect(run.code).toBe(1);
    const parsed = JSON.parse(run.stdout) as { diagnostics: Array<{ code: string; line: number; column: number }>; summary: unknown };
    expect(parsed.summary).toEqual({ errors: 3, warnings: 0 });
    expect(parsed.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual([
      'yaml-syntax@45:3',
      'requests-balance@44:13',
      'requests-balance@44:20',
    ]);
  });

  it('filters by --agency and --year', () => {
    expect(nianbao('check', '--data', data('many-agencies'), '--agency', 'third-county').code).toBe(0);
    expect(nianbao('check', '--data', data('carryover-mismatch'), '--year', '2022').code).toBe(0);
    expect(nianbao('check', '--data', data('carryover-mismatch'), '--year', '2023').code).toBe(1);
  });

  it.each(['yaml-syntax-tab', 'yaml-duplicate-key', 'file-encoding-gbk', 'agency-missing', 'agency-id', 'schema-type-object', 'schema-empty-file', 'data-missing'])(
    'reports %s without a stack trace',
    (fixture) => {
      const run = nianbao('check', '--data', data(fixture));
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('');
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
    },
  );

  it('checks only the report a path names, with its agency file and last year’s file', () => {
    // carryover-mismatch: 2023 disagrees with 2022's 结转下年度, so checking 2023 must read 2022.
    const dir = path.join(data('carryover-mismatch'), 'demo-county');
    const only2023 = nianbao('check', path.join(dir, '2023.yaml'), '--format', 'json');
    expect(only2023.code).toBe(1);
    const found = JSON.parse(only2023.stdout) as { diagnostics: Array<{ code: string; file: string }> };
    expect(found.diagnostics.map((d) => d.code)).toContain('carryover-mismatch');
    expect(nianbao('check', path.join(dir, '2022.yaml')).code).toBe(0);
    // An agency folder and its agency.yaml stand for every year of the agency.
    expect(nianbao('check', dir).code).toBe(1);
    expect(nianbao('check', path.join(dir, 'agency.yaml')).code).toBe(1);
  });

  it('judges only the paths given, not an unrelated bad folder beside them', async () => {
    const root = await project('clean');
    fs.mkdirSync(path.join(root, 'data', 'Bad_Name'));
    fs.mkdirSync(path.join(root, 'data', 'other'));
    fs.writeFileSync(path.join(root, 'data', 'other', '2023.yaml'), 'year: [\n');
    expect(run(root, ['check']).code).toBe(1);
    const one = run(root, ['check', 'data/demo-county/2023.yaml', 'data/demo-county']);
    expect(one.stdout + one.stderr).toContain('检查通过');
    expect(one.code).toBe(0);
  });

  it('finds the project root upward when run from a subfolder', async () => {
    const root = await project('requests-balance-column');
    const sub = path.join(root, 'data', 'demo-county');
    const all = run(sub, ['check']);
    expect(all.stdout).not.toContain('data-missing');
    expect(all.stdout).toContain('2023.yaml:44:14 错误 [requests-balance]');
    expect(all.code).toBe(1);
    // Paths are taken relative to where the command runs.
    expect(run(sub, ['check', '2023.yaml']).code).toBe(1);
    fs.mkdirSync(path.join(root, 'docs', 'notes'), { recursive: true });
    expect(run(path.join(root, 'docs', 'notes'), ['check']).stdout).toContain('[requests-balance]');
  });

  it('exits 2 for a path that names no data', async () => {
    const root = await project('clean');
    fs.writeFileSync(path.join(root, 'notes.txt'), '');
    const stray = run(root, ['check', 'notes.txt']);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('notes.txt 不在数据目录 data 中');
    expect(run(root, ['check', 'data/demo-county/2031.yaml']).stderr).toContain('找不到 data/demo-county/2031.yaml');
  });

  it('exits 2 on wrong usage', () => {
    expect(nianbao('check', '--format', 'xml').code).toBe(2);
    expect(nianbao('check', '--year', '23').code).toBe(2);
  });
});
