/** `nianbao check` as a user runs it: a real process, its exit code and its output. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/options.ts';

const data = (fixture: string) => path.join('test', 'fixtures', fixture, 'data');

function nianbao(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin', 'nianbao.js'), ...args], {
    cwd: PACKAGE_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
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

  it('exits 2 on wrong usage', () => {
    expect(nianbao('check', '--format', 'xml').code).toBe(2);
    expect(nianbao('check', '--year', '23').code).toBe(2);
  });
});
