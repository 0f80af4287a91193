/**
 * Tables a page break cuts, printed by the project's own browser: the example report with its
 * tables set large enough to run over pages, and a long table whose header rows the browser
 * repeats on every page. Each must come back as one table, header once, every row in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../../src/import/read/pdf.ts';
import { createPrinter, type Printer, type PrintDocument } from '../../../src/print/index.ts';
import { renderPrintDocuments } from '../../../src/render/html/print-documents.ts';
import { RESULT_LEAVES } from '../../../src/format/index.ts';
import { loadExample, TEMPLATES_DIR } from '../../render/html/example-reports.ts';
import { pdfTextItems } from '../../print/pdf-inspect.ts';
import { expectTables, squash } from './expected-content.ts';

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
