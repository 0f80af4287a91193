import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isMap, isScalar, parse, parseDocument, type Document } from 'yaml';
import { check } from '../../src/check/index.ts';
import { create, CreateError } from '../../src/create/index.ts';
import { main } from '../../src/cli/main.ts';
import { PACKAGE_ROOT } from '../../src/options.ts';
import { copyAgency, tempDir, testOptions } from '../build/helpers.ts';
import { runInProcess as runNew } from '../cli/run-in-process.ts';


afterEach(() => {
  vi.useRealTimers();
});

const NARRATIVE = ['problems', 'otherMatters'];
const OVERVIEW = ['proactive', 'onRequest', 'management', 'platform', 'oversight'];

/** Fills what a user must fill: the agency's name and every narrative text. */
async function fillIn(agencyDir: string, year: number) {
  const agencyFile = path.join(agencyDir, 'agency.yaml');
  const agency = parseDocument(await fs.readFile(agencyFile, 'utf8'));
  agency.set('name', '测试县人民政府');
  await fs.writeFile(agencyFile, agency.toString());
  const reportFile = path.join(agencyDir, `${year}.yaml`);
  const report: Document = parseDocument(await fs.readFile(reportFile, 'utf8'));
  for (const key of NARRATIVE) report.set(key, `${key}的内容。`);
  for (const key of OVERVIEW) report.setIn(['overview', key, 'text'], `${key}的情况。`);
  await fs.writeFile(reportFile, report.toString());
}

describe('nianbao new', () => {
  it('writes commented files for a new agency that pass the check once filled in', async () => {
    const data = path.join(await tempDir('new'), 'data');
    const result = await create({ dataDir: data }, { agencyId: 'test-county', today: new Date(2025, 0, 15) });
    expect(result.created.map((f) => path.basename(f))).toEqual(['agency.yaml', '2024.yaml']);
    expect(result.startedFrom).toBeNull();

    const agencyText = await fs.readFile(path.join(data, 'test-county/agency.yaml'), 'utf8');
    const reportText = await fs.readFile(path.join(data, 'test-county/2024.yaml'), 'utf8');
    expect(agencyText.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/agency.schema.json');
    expect(reportText.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/report.schema.json');
    // Every table row is there, as zeros, under its official label.
    expect(reportText).toContain('# 1.属于国家秘密\n      stateSecret: [0, 0, 0, 0, 0, 0]');
    expect(reportText).toContain('# 行政诉讼：复议后起诉\n  litigationAfterReview: [0, 0, 0, 0]');
    expect(reportText).toContain('# 第二十条第（八）项 行政事业性收费：本年收费金额（单位：万元）\n  fees: 0');
    // Every field of the file has a comment line right above it.
    const lines = reportText.split('\n');
    lines.forEach((line, i) => {
      if (/^\s*[A-Za-z]+:/.test(line)) expect(lines[i - 1]!.trim().startsWith('#'), `line ${i + 1}: ${line}`).toBe(true);
    });

    const options = testOptions({ dataDir: data });
    expect((await check(options)).errors).toBeGreaterThan(0);
    await fillIn(path.join(data, 'test-county'), 2024);
    const summary = await check(options);
    expect(summary.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(summary.failed).toBe(false);
  });

  it('starts a new year from the previous one: carry-over filled, numbers zero, narrative kept, dates cleared', async () => {
    const data = path.join(await tempDir('new'), 'data');
    await copyAgency('xinxiang-office', data, 'xinxiang-office');
    await copyAgency('shenmu', data, 'shenmu');
    const result = await create({ dataDir: data }, { agencyId: 'xinxiang-office', year: 2024 });
    expect(result.created.map((f) => path.basename(f))).toEqual(['2024.yaml']);
    expect(result.startedFrom).toBe(2023);
    const previous = parse(await fs.readFile(path.join(data, 'xinxiang-office/2023.yaml'), 'utf8'));
    const next = parse(await fs.readFile(path.join(data, 'xinxiang-office/2024.yaml'), 'utf8'));
    expect(next.year).toBe(2024);
    expect(next.requests.carriedOver).toEqual(previous.requests.carriedForward);
    expect(next.requests.received).toEqual([0, 0, 0, 0, 0, 0]);
    expect(next.proactive.licensing).toBe(0);
    expect(next.problems).toBe(previous.problems);
    expect(next.overview.proactive.text).toBe(previous.overview.proactive.text);

    await create({ dataDir: data }, { agencyId: 'shenmu', year: 2024 });
    const text = await fs.readFile(path.join(data, 'shenmu/2024.yaml'), 'utf8');
    const shenmu = parse(text);
    expect(shenmu.letter.signature.date).toBe('');
    expect(text).toContain('沿用上年内容作为草稿');
    const doc = parseDocument(text);
    const letter = doc.get('letter');
    expect(isMap(letter)).toBe(true);
    expect(isScalar(doc.getIn(['letter', 'signature', 'date'], true))).toBe(true);
  });

  it('refuses to overwrite, with a clear message and exit code 1', async () => {
    const data = path.join(await tempDir('new'), 'data');
    await copyAgency('shenmu', data, 'shenmu');
    await expect(create({ dataDir: data }, { agencyId: 'shenmu', year: 2023 })).rejects.toThrow(CreateError);
    await expect(create({ dataDir: data }, { agencyId: 'Bad_Id', year: 2023 })).rejects.toThrow(/不合规/);

    const stderr: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => (stderr.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      expect(await main(['new', 'shenmu', '--year', '2023', '--data', data])).toBe(1);
    } finally {
      process.stderr.write = write;
      process.exitCode = undefined;
    }
    expect(stderr.join('')).toContain('已存在，不会覆盖');
    expect(await fs.readFile(path.join(data, 'shenmu/2023.yaml'), 'utf8')).toContain('神木');
  });

  it('runs the README’s `new` commands whatever today’s date is', async () => {
    const readme = await fs.readFile(path.join(PACKAGE_ROOT, 'README.md'), 'utf8');
    const commands = [...readme.matchAll(/^npx nianbao (new [^#\n]*?)\s*(#.*)?$/gm)].map((m) => m[1]!.split(/\s+/));
    expect(commands.length).toBeGreaterThanOrEqual(2);
    for (const today of ['2025-01-15', '2026-12-01', '2031-06-30']) {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(`${today}T10:00:00`));
      const data = path.join(await tempDir('readme-new'), 'data');
      for (const args of commands) {
        const run = await runNew([...args, '--data', data]);
        expect(run.code, `${today}: nianbao ${args.join(' ')}\n${run.stderr}`).toBe(0);
      }
      vi.useRealTimers();
    }
  });

  it('names the missing year when a year is skipped, and leaves the carry-over to the user', async () => {
    const data = path.join(await tempDir('new-gap'), 'data');
    await copyAgency('xinxiang-office', data, 'xinxiang-office');
    const run = await runNew(['new', 'xinxiang-office', '--year', '2025', '--data', data]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('缺少 2024 年度的数据文件（2024.yaml）');
    const text = await fs.readFile(path.join(data, 'xinxiang-office/2025.yaml'), 'utf8');
    expect(text).toContain('缺少 2024 年度的数据文件，未能自动填入');
    expect(parse(text).requests.carriedOver).toEqual([0, 0, 0, 0, 0, 0]);
    expect((await create({ dataDir: data }, { agencyId: 'xinxiang-office', year: 2024 })).missingYears).toEqual([]);
  });

  it('leaves the dates blank as a to-do, not as an error the user made', async () => {
    const data = path.join(await tempDir('new-dates'), 'data');
    await copyAgency('shenmu', data, 'shenmu');
    await create({ dataDir: data }, { agencyId: 'shenmu', year: 2024 });
    const summary = await check(testOptions({ dataDir: data, years: [2024] }));
    const dates = summary.diagnostics.filter((d) => /date/.test(d.code) || d.message.includes('日期'));
    expect(dates.map((d) => `${d.code}:${d.severity}`)).toEqual(['date-unfilled:warning']);
    expect(summary.diagnostics.filter((d) => d.code === 'schema-format')).toEqual([]);
  });

  it('refuses a bad agency id as wrong usage (exit 2) and prints only errors under --quiet', async () => {
    const data = path.join(await tempDir('new-usage'), 'data');
    const bad = await runNew(['new', 'Bad_Id', '--data', data]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('参数 <agency-id> 的取值“Bad_Id”无效');
    const quiet = await runNew(['new', 'quiet-county', '--year', '2024', '--data', data, '--quiet']);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
