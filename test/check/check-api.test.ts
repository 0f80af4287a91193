import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { check, checkReport } from '../../src/check/index.ts';
import { loadReportInput } from '../../src/load/report-input.ts';
import { resolveOptions } from '../../src/options.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const agencyDir = (fixture: string) => path.join(FIXTURES, fixture, 'data', 'demo-county');
const options = (input: Parameters<typeof resolveOptions>[0] = {}) => resolveOptions({ output: { color: false }, ...input });

afterEach(() => vi.restoreAllMocks());

describe('checkReport', () => {
  it('builds the model of a clean report', async () => {
    const result = await checkReport(await loadReportInput(agencyDir('clean'), 2023), options());
    expect(result.diagnostics).toEqual([]);
    expect(result.failed).toBe(false);
    expect(result.model?.title).toBe('示例县人民政府2023年政府信息公开工作年度报告');
    expect(result.model?.requests.resultsTotal.at(-1)).toBe(11);
    expect(result.model?.document?.number).toBe('示政字〔2024〕5号');
  });

  it('still builds the model when there are only warnings, and fails them under --strict', async () => {
    const input = await loadReportInput(agencyDir('date-window-letter'), 2023);
    const lenient = await checkReport(input, options());
    expect(lenient.diagnostics.map((d) => d.code)).toEqual(['date-window']);
    expect(lenient.failed).toBe(false);
    expect(lenient.model).not.toBeNull();
    const strict = await checkReport(input, options({ strict: true }));
    expect(strict.failed).toBe(true);
    expect(strict.model).not.toBeNull();
  });

  it('builds no model when there is an error', async () => {
    const result = await checkReport(await loadReportInput(agencyDir('requests-balance-column'), 2023), options());
    expect(result.failed).toBe(true);
    expect(result.model).toBeNull();
  });

  it('reports a missing agency.yaml itself', async () => {
    const result = await checkReport(await loadReportInput(agencyDir('agency-missing'), 2023), options());
    expect(result.diagnostics.map((d) => d.code)).toEqual(['agency-missing']);
    expect(result.model).toBeNull();
  });

  it('prints nothing', async () => {
    const spies = [
      vi.spyOn(process.stdout, 'write'),
      vi.spyOn(process.stderr, 'write'),
      vi.spyOn(console, 'log'),
      vi.spyOn(console, 'warn'),
      vi.spyOn(console, 'error'),
    ];
    await checkReport(await loadReportInput(agencyDir('yaml-syntax-tab'), 2023), options());
    await check(options({ dataDir: path.join(FIXTURES, 'many-agencies', 'data') }));
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describe('check', () => {
  const dataDir = path.join(FIXTURES, 'many-agencies', 'data');

  it('reports every agency’s findings at once, with the texts for code frames', async () => {
    const summary = await check(options({ dataDir }));
    expect(summary.errors).toBe(3);
    expect(summary.warnings).toBe(0);
    expect(summary.failed).toBe(true);
    expect(new Set(summary.diagnostics.map((d) => d.file.split(path.sep).at(-2)))).toEqual(new Set(['demo-county', 'other-county']));
    for (const d of summary.diagnostics) expect(summary.sources[d.file]).toContain('year: 2023');
  });

  it('checks only the agencies asked for', async () => {
    const summary = await check(options({ dataDir, agencies: ['third-county'] }));
    expect(summary.diagnostics).toEqual([]);
    expect(summary.failed).toBe(false);
  });

  it('says so when an agency asked for does not exist', async () => {
    const summary = await check(options({ dataDir, agencies: ['no-such-county'] }));
    expect(summary.diagnostics.map((d) => [d.code, d.message])).toEqual([['agency-not-found', '数据目录中没有机关 no-such-county（应有子目录 no-such-county/）']]);
  });

  it('checks only the years asked for, but always agency.yaml', async () => {
    const clean = path.join(FIXTURES, 'carryover-mismatch', 'data');
    expect((await check(options({ dataDir: clean, years: [2022] }))).diagnostics).toEqual([]);
    expect((await check(options({ dataDir: clean, years: [2023] }))).diagnostics.map((d) => d.code)).toEqual(['carryover-mismatch']);
    const agencyOnly = path.join(FIXTURES, 'agency-only', 'data');
    expect((await check(options({ dataDir: agencyOnly, years: [2023] }))).diagnostics.map((d) => d.code)).toEqual(['schema-unknown-key']);
  });

  it('reports an agency.yaml finding once, however many years use it', async () => {
    const summary = await check(options({ dataDir: path.join(FIXTURES, 'schema-format-email', 'data') }));
    expect(summary.diagnostics).toHaveLength(1);
  });
});
