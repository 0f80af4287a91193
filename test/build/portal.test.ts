import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { tableCells } from '../../src/build/portal/report-tables.ts';
import { copyAgency, stubStages, tempDir, testOptions } from './helpers.ts';

async function builtPortal() {
  const root = await tempDir('portal');
  const data = path.join(root, 'data');
  for (const id of ['shenmu', 'xinxiang-office']) await copyAgency(id, data, id);
  const options = testOptions({ dataDir: data, outDir: path.join(root, 'out') });
  const summary = await build(options, { stages: stubStages(options), toolchain: 'test' });
  const read = (name: string) => fs.readFile(path.join(options.outDir, name), 'utf8');
  return { summary, read, options };
}

describe('portal index and open data', () => {
  it('index.html lists every report with its outputs, standalone and accessible', async () => {
    const { read, summary } = await builtPortal();
    expect(summary.portal).toEqual(['index.html', 'data.json', 'tables.csv', 'tables.xlsx']);
    const html = await read('index.html');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<h1>政府信息公开工作年度报告</h1>');
    expect(html).toContain('<h2 id="agency-shenmu">神木市人民政府</h2>');
    expect(html).toContain('<caption>');
    // Every agency's table has the same fixed column layout, so the page reads as one list.
    const tables = html.match(/<table>[\s\S]*?<thead>/g) ?? [];
    expect(tables).toHaveLength(2);
    for (const table of tables) expect(table).toContain('<colgroup><col class="year"><col class="files"></colgroup>');
    expect(html).toMatch(/table\{[^}]*table-layout:fixed/);
    for (const file of ['index.html', 'report.pdf', 'letter.pdf', 'submission.pdf', 'report.docx', 'letter.docx']) {
      expect(html).toContain(`href="shenmu/2023/${file}"`);
    }
    expect(html).not.toContain('xinxiang-office/2023/letter.pdf');
    // No external requests: no remote URL, no script, no external stylesheet.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toContain('<script');
  }, 30_000);

  it('the public index shows what is published, the check status only under --review', async () => {
    const root = await tempDir('portal-review');
    const data = path.join(root, 'data');
    for (const id of ['shenmu', 'jinjie']) await copyAgency(id, data, id);
    // jinjie has a warning (no 成文日期); a third agency fails its gate and has never been published.
    const broken = await copyAgency('xinxiang-office', data, 'broken');
    const file = path.join(broken, '2023.yaml');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(/^year: 2023$/m, 'year: 2022'));
    const options = testOptions({ dataDir: data, outDir: path.join(root, 'out') });
    await build(options, { stages: stubStages(options), toolchain: 'test' });
    const index = () => fs.readFile(path.join(options.outDir, 'index.html'), 'utf8');

    const pub = await index();
    for (const office of ['数据检查', '通过', '警告', '错误', '暂无文件', 'broken', '新乡市人民政府办公室']) expect(pub).not.toContain(office);
    expect(pub).toContain('共 2 个机关、4 份年度报告'); // shenmu and jinjie, each with its sample 2022 and its published 2023
    expect(pub).toContain('href="jinjie/2023/report.pdf"');

    await build({ ...options, review: true }, { stages: stubStages(options), toolchain: 'test' });
    const review = await index();
    expect(review).toContain('<th scope="col">数据检查</th>');
    expect(review).toContain('<meta name="robots" content="noindex">');
    expect(review).toMatch(/<th scope="row">2023年度<\/th><td><span class="warnings">通过（有警告）<\/span><br>\d+ 个警告<\/td>/);
    expect(review).toMatch(/<h2 id="agency-broken">新乡市人民政府办公室<\/h2>[\s\S]*?<span class="failed">未通过<\/span><br>\d+ 个错误[\s\S]*?暂无文件/);
    for (const table of review.match(/<table>[\s\S]*?<thead>/g) ?? []) {
      expect(table).toContain('<colgroup><col class="year"><col class="check"><col class="files"></colgroup>');
    }
  });

  it('data.json and tables.csv hold every table with the computed totals and the format labels', async () => {
    const { read, summary } = await builtPortal();
    const json = JSON.parse(await read('data.json'));
    expect(json.reports.map((r: { agencyId: string; year: number }) => `${r.agencyId}/${r.year}`)).toEqual(['shenmu/2022', 'shenmu/2023', 'xinxiang-office/2023']);
    const shenmu = json.reports[1];
    const published = summary.reports.find((r) => r.agencyId === 'shenmu' && r.year === 2023)!.published!;
    expect(shenmu.tables.requests.resultsTotal).toEqual(published.tables.requests.resultsTotal);
    expect(json.labels.requests.rows.received).toBe('一、本年新收政府信息公开申请数量');

    const csv = await read('tables.csv');
    expect(csv.startsWith('\uFEFF机关标识,机关名称,年度,部分,行,列,数值\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    const cellsPerReport = tableCells(published.tables).length;
    expect(lines).toHaveLength(1 + 3 * cellsPerReport);
    // 神木 2023: 35 new requests in total (33 自然人, 1 商业企业, 1 社会公益组织).
    expect(lines).toContain('shenmu,神木市人民政府,2023,三、收到和处理政府信息公开申请情况,一、本年新收政府信息公开申请数量,总计,35');
    expect(lines).toContain('shenmu,神木市人民政府,2023,三、收到和处理政府信息公开申请情况,一、本年新收政府信息公开申请数量,法人或其他组织 / 商业企业,1');
    expect(lines.some((l) => l.includes('三、本年度办理结果 / （三）不予公开 / 4.保护第三方合法权益,自然人,1'))).toBe(true);
    expect(lines.some((l) => l.startsWith('shenmu,神木市人民政府,2023,二、主动公开政府信息情况,第二十条第（八）项 / 行政事业性收费,本年收费金额（单位：万元）,11.42'))).toBe(true);
  }, 30_000);

  it('index.html charts each agency\'s applications received across its years', async () => {
    const { read } = await builtPortal();
    const html = await read('index.html');
    const section = html.slice(html.indexOf('<h2 id="agency-shenmu">'), html.indexOf('<h2 id="agency-xinxiang-office">'));
    const bars = [...section.matchAll(/<rect class="bar"[^>]*data-category="(\d{4})" data-value="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
    // 2022 (sample data): 28 + 2 + 1 = 31; 2023 (published): 33 + 1 + 1 = 35.
    expect(bars).toEqual([['2022', 31], ['2023', 35]]);
    expect(section).toMatch(/<svg class="chart chart-small"[^>]*role="img"[^>]*aria-labelledby="trend-shenmu-title trend-shenmu-desc"/);
    expect(section).toContain('<desc id="trend-shenmu-desc">2022：31件；2023：35件</desc>');
  }, 30_000);

  it('is not rewritten when nothing changed', async () => {
    const { options } = await builtPortal();
    const again = await build(options, { stages: stubStages(options), toolchain: 'test' });
    expect(again.portal).toEqual([]);
  }, 30_000);
});

describe('portal manifest', () => {
  it('skips generating the portal when its inputs and files are unchanged, and regenerates when a file is gone or a report changed', async () => {
    const { options, read } = await builtPortal();
    const manifest = JSON.parse(await read('manifest.json'));
    const csv = await fs.stat(path.join(options.outDir, 'tables.csv'));
    expect(manifest.files['tables.csv'].bytes).toBe(csv.size);
    expect(manifest.inputs).toMatch(/^[0-9a-f]{64}$/);

    await fs.rm(path.join(options.outDir, 'data.json'));
    const restored = await build(options, { stages: stubStages(options), toolchain: 'test' });
    expect(restored.portal).toEqual(['data.json']);

    await fs.appendFile(path.join(options.dataDir, 'shenmu', 'agency.yaml'), '\n# 改动\n');
    const changed = await build(options, { stages: stubStages(options), toolchain: 'test' });
    expect(changed.reports.find((r) => r.agencyId === 'shenmu')!.status).toBe('built');
    expect(JSON.parse(await read('manifest.json')).inputs).not.toBe(manifest.inputs);
  });
});
