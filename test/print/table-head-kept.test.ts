/**
 * A table's head never ends a page without the rows it heads: jinjie's sample 2022 report is
 * short enough that table 二 starts near the foot of page 1, where its first head used to be
 * left alone while the rows moved on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrinter, type Printer } from '../../src/print/index.ts';
import { renderPrintDocuments } from '../../src/render/html/print-documents.ts';
import { loadExample, TEMPLATES_DIR } from '../render/html/example-reports.ts';
import { pdfTextItems } from './pdf-inspect.ts';
import { squash } from './report-expectations.ts';

let printer: Printer;
let pages: string[] = [];

beforeAll(async () => {
  printer = createPrinter({ browserPath: null, concurrency: 1 });
  const { model, agencyDir } = loadExample('jinjie', 2022);
  const docs = await renderPrintDocuments(model, { templatesDir: TEMPLATES_DIR, agencyDir });
  const { pdf } = await printer.print(docs.report, { title: model.title, author: model.agency.name, date: model.issuedOn, language: 'zh-CN' });
  pages = (await pdfTextItems(pdf)).map((items) => squash(items.map((i) => i.str).join('')));
}, 180_000);

afterAll(async () => {
  await printer?.close();
});

describe('table heads in print', () => {
  it('keeps the head of 二 on the page of its first rows', () => {
    const withHead = pages.filter((text) => text.includes('第二十条第（一）项'));
    expect(withHead.length).toBeGreaterThan(0);
    for (const text of withHead) expect(text).toContain('行政规范性文件');
  });
});
