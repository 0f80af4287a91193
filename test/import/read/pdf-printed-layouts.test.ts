/**
 * PDF layouts printed by the project's own browser. Tables a page break cuts: the example
 * report with its tables set large enough to run over pages, and a long table whose header
 * rows the browser repeats on every page — each must come back as one table, header once,
 * every row in order. Tables printed without rules, found from the alignment of their text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../../src/import/read/pdf.ts';
import { createPrinter, type Printer, type PrintDocument } from '../../../src/print/index.ts';
import { renderPrintDocuments } from '../../../src/render/html/print-documents.ts';
import { RESULT_LEAVES } from '../../../src/format/index.ts';
import { loadExample, TEMPLATES_DIR } from '../../render/html/example-reports.ts';
import { pdfTextItems } from '../../print/pdf-inspect.ts';
import { expectedRows, expectTables, recoveredRows, squash } from './expected-content.ts';

let printer: Printer;
const example = loadExample('shenmu');
let report: PrintDocument;

const withCss = (doc: PrintDocument, css: string, body?: string): PrintDocument => {
  let html = doc.html.replace('</head>', `<style>${css}</style></head>`);
  if (body !== undefined) html = html.slice(0, html.indexOf('<body')) + `<body class="print-report">${body}</body></html>`;
  return { ...doc, html, footId: null };
};
const print = async (doc: PrintDocument) => (await printer.print(doc, { title: '分页表格', author: example.model.agency.name, date: '2024-01-20' })).pdf;

beforeAll(async () => {
  printer = createPrinter({ browserPath: null, concurrency: 1 });
  report = (await renderPrintDocuments(example.model, { templatesDir: TEMPLATES_DIR, agencyDir: example.agencyDir })).report;
}, 120_000);

afterAll(async () => {
  await printer?.close();
});

describe('a table over a page break', () => {
  it('the 2021 tables set large still read cell for cell, each as one table', async () => {
    const pdf = await print(withCss(report, '.report-table{font-size:15pt !important}.table-scroll{break-inside:auto !important}'));
    const doc = await readPdf('large-tables.pdf', pdf);
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    const requests = tables.find((t) => t.rows.some((r) => r.includes('三、本年度办理结果')))!;
    const rowIndex = (label: string) => requests.rows.findIndex((r) => r.some((c) => squash(c) === label));
    // The requests table really was cut: its first and last rows sit on different pages.
    const pages = await pdfTextItems(pdf);
    const pageOf = (text: string) => pages.findIndex((items) => items.map((i) => i.str).join('').includes(text));
    expect(pageOf('四、结转下年度继续办理')).toBeGreaterThan(pageOf('一、本年新收政府信息公开申请数量'));
    expect(rowIndex('四、结转下年度继续办理')).toBe(requests.rows.length - 1);
    expect(requests.rows.filter((r) => r.includes('申请人情况'))).toHaveLength(1);
    expectTables(doc, example.model);
  }, 180_000);

  it('drops the header rows the browser repeats on each page', async () => {
    const rows = Array.from({ length: 66 }, (_, i) => {
      const leaf = RESULT_LEAVES[i % RESULT_LEAVES.length]!;
      return `<tr><td>${leaf.label}</td><td>${i}</td><td>${i * 3}</td></tr>`;
    });
    const body = `<h2 class="section-heading">三、收到和处理政府信息公开申请情况</h2>
<table class="report-table"><thead>
<tr><th rowspan="2">信息内容</th><th colspan="2">申请人情况</th></tr>
<tr><th>自然人</th><th>总计</th></tr>
</thead><tbody>${rows.join('')}</tbody></table>`;
    const pdf = await print(withCss(report, '.report-table{font-size:14pt}', body));
    // The browser did repeat the header: it is printed on every page.
    const pages = await pdfTextItems(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((items) => items.map((i) => i.str).join('').includes('申请人情况'))).toBe(true);
    const doc = await readPdf('repeated-header.pdf', pdf);
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(1);
    const grid = tables[0]!.rows;
    expect(grid.slice(0, 2)).toEqual([
      ['信息内容', '申请人情况', ''],
      ['', '自然人', '总计'],
    ]);
    expect(grid.slice(2)).toEqual(Array.from({ length: 66 }, (_, i) => [RESULT_LEAVES[i % RESULT_LEAVES.length]!.label, String(i), String(i * 3)]));
  }, 180_000);
});

describe('a table printed without rules', () => {
  const NO_RULES = '.report-table th,.report-table td{border:none !important}';

  it('is rebuilt from the alignment of its text, leaf labels in the last label slot', async () => {
    const row = (...cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    const body = `<h2 class="section-heading">二、主动公开政府信息情况</h2>
<table class="report-table" style="width:80%">${row('信息内容', '本年制发件数', '本年废止件数', '现行有效件数')}${row('规章', '1', '0', '2')}${row('行政规范性文件', '17', '0', '418')}</table>
<p>三、收到和处理政府信息公开申请情况</p>
<table class="report-table">${row('（三）不予公开', '1.属于国家秘密', '0', '0')}${row('', '2.其他法律行政法规禁止公开', '3', '3')}${row('', '3.危及“三安全一稳定”', '/', '0')}</table>`;
    const doc = await readPdf('no-rules.pdf', await print(withCss(report, NO_RULES, body)));
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: '二、主动公开政府信息情况' },
      {
        kind: 'table',
        rows: [
          ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
          ['规章', '1', '0', '2'],
          ['行政规范性文件', '17', '0', '418'],
        ],
      },
      { kind: 'paragraph', text: '三、收到和处理政府信息公开申请情况' },
      {
        kind: 'table',
        rows: [
          ['（三）不予公开', '1.属于国家秘密', '0', '0'],
          ['', '2.其他法律行政法规禁止公开', '3', '3'],
          ['', '3.危及“三安全一稳定”', '/', '0'],
        ],
      },
    ]);
  }, 180_000);

  it('the example report without rules still gives every number, in rows', async () => {
    const doc = await readPdf('report-no-rules.pdf', await print(withCss(report, NO_RULES)));
    const recovered = recoveredRows(doc.blocks);
    for (const expected of expectedRows(example.model)) {
      // Labels that wrap inside their cell come apart without rules; the numbers stay in their rows.
      expect(recovered.map((r) => r.values), expected.label).toContainEqual(expected.values);
    }
    for (const label of ['一、本年新收政府信息公开申请数量', '（七）总计', '四、结转下年度继续办理', '1.属于国家秘密']) {
      expect(recovered.some((r) => r.label === label && r.values.length === 7), label).toBe(true);
    }
  }, 180_000);
});
