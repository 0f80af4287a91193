/** `nianbao summary` end to end with the real renderers and printer, then again with nothing to do. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultStages } from '../../src/build/default-stages.ts';
import { summarize } from '../../src/groups/index.ts';
import { main } from '../../src/cli/main.ts';
import { pdfPlainText } from '../print/pdf-inspect.ts';
import { spyOnStages } from '../build/stage-spy.ts';
import { listTree, tempDir, testOptions } from '../build/helpers.ts';
import { EXAMPLES } from './group-helpers.ts';

describe('nianbao summary', () => {
  it('builds the 汇总 report (web page, PDF, DOCX), its data file, the workbook and the dashboard; then skips it', async () => {
    const out = await tempDir('summary-build');
    const options = testOptions({ dataDir: EXAMPLES, outDir: out, years: [2023] });
    const first = await summarize(options, { groupId: 'shenmu-city', years: [2023] });
    expect(first.failed).toBe(false);
    expect(first.results.map((r) => [r.year, r.status, r.summary])).toEqual([[2023, 'built', true]]);
    const folder = path.join(out, 'groups/shenmu-city/2023');
    expect((await fs.readdir(folder)).sort()).toEqual(
      ['fragment.html', 'index.html', 'manifest.json', 'report.docx', 'report.html', 'report.pdf', 'summary.yaml', 'tables.xlsx'],
    );
    const text = (await pdfPlainText(new Uint8Array(await fs.readFile(path.join(folder, 'report.pdf'))))).replace(/\s+/g, '');
    expect(text).toContain('神木市2023年政府信息公开工作年度报告（汇总）');
    expect(text).toContain('各机关共收到政府信息公开申请35件');
    expect((await fs.readFile(path.join(folder, 'report.docx'))).subarray(0, 2).toString()).toBe('PK');
    expect(await fs.readFile(path.join(folder, 'report.html'), 'utf8')).toContain('【待填写】');
    expect(await listTree(path.join(out, '..', `.${path.basename(out)}-tmp`))).toEqual([]);

    const calls: string[] = [];
    const again = await summarize(options, { groupId: 'shenmu-city', years: [2023] }, { stages: spyOnStages(defaultStages(options), calls) });
    expect(again.results.map((r) => r.status)).toEqual(['current']);
    expect(calls).toEqual([]);
  }, 240_000);

  it('refuses a group that does not exist: exit 1 naming the file it looked for', async () => {
    const out = await tempDir('summary-missing');
    const writes: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (writes.push(String(chunk)), true)) as typeof process.stdout.write;
    let code: number;
    try {
      code = await main(['summary', 'no-such-group', '--data', EXAMPLES, '--out', out]);
    } finally {
      process.stdout.write = write;
      process.exitCode = undefined;
    }
    expect(code).toBe(1);
    expect(writes.join('')).toMatch(/groups:1:1 错误 \[group-not-found\] 没有汇总组 no-such-group（应有文件 .*no-such-group\.yaml）/);
  }, 60_000);
});
