/**
 * The printer's own print call gives what `page.pdf(PDF_OPTIONS)` gives: once finished (dates
 * from the data, node IDs by rank), the same bytes. Without tags or outline it still gives the
 * named destinations the 版记's measurement reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/print/browser-session.ts';
import { finishPdf } from '../../src/print/finish-pdf.ts';
import { PDF_OPTIONS } from '../../src/print/pdf-options.ts';
import type { PdfMeta } from '../../src/print/print-document.ts';
import { printToPdf } from '../../src/print/print-to-pdf.ts';
import { guardPage } from '../../src/print/request-guard.ts';
import { renderPrintDocuments } from '../../src/render/html/print-documents.ts';
import { loadExample, TEMPLATES_DIR } from '../render/html/example-reports.ts';

const META: PdfMeta = { title: '锦界镇人民政府2023年政府信息公开工作年度报告', author: '锦界镇人民政府', date: '2024-01-20', idSeed: 'seed' };

let session: BrowserSession;
let viaPageApi: Uint8Array;
let viaPrinter: Uint8Array;
let untagged: string;

beforeAll(async () => {
  const example = loadExample('jinjie', 2023);
  const { report } = await renderPrintDocuments(example.model, { templatesDir: TEMPLATES_DIR, agencyDir: example.agencyDir });
  session = new BrowserSession({ browserPath: null, concurrency: 1 });
  await session.withPage(async (page) => {
    const served = (await guardPage(page)).serve(report.html, report.assetRoots, report.madeOnRead);
    await page.goto(served.url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    viaPageApi = await finishPdf(await page.pdf(PDF_OPTIONS), META);
    viaPrinter = await finishPdf(await printToPdf(page), META);
    // A link to the title makes a named destination, as the 版记's probe links do.
    await page.evaluate(() => {
      const link = document.createElement('a');
      link.href = '#nb-2023-title';
      document.body.append(link);
    });
    untagged = Buffer.from(await printToPdf(page, { tagged: false, outline: false })).toString('latin1');
  });
}, 120_000);

afterAll(() => session?.close());

describe('printToPdf', () => {
  it('gives page.pdf’s bytes for the same page', () => {
    expect(viaPrinter.length).toBeGreaterThan(10_000);
    expect(Buffer.from(viaPrinter).equals(Buffer.from(viaPageApi))).toBe(true);
  });

  it('leaves out the structure tree and outline when asked, keeping named destinations', () => {
    const tagged = Buffer.from(viaPrinter).toString('latin1');
    expect(tagged).toContain('/StructTreeRoot');
    expect(tagged).toContain('/Outlines');
    expect(untagged).not.toContain('/StructTreeRoot');
    expect(untagged).not.toContain('/Outlines');
    expect(untagged).toMatch(/\/nb-2023-title\s*\[/);
  });
});
