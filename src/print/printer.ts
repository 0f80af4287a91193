/**
 * Prints PrintDocuments to PDF: each document is served to a pooled page from memory (see
 * request-guard.ts) with every foreign request refused, printed once its fonts are ready, and
 * finished with the metadata of its PdfMeta (finish-pdf.ts).
 */
import type { HTTPRequest, Page } from 'puppeteer-core';
import type { NianbaoOptions } from '../options.ts';
import { BrowserSession } from './browser-session.ts';
import type { DiscoveryHost } from './browser-discovery.ts';
import { finishPdf } from './finish-pdf.ts';
import { PDF_OPTIONS, printWithFoot } from './foot-placement.ts';
import type { PdfMeta, PrintDocument, Printer, PrintResult } from './print-document.ts';
import { fileUrlOf, guardPage, PRINT_ORIGIN, refusedRequestWarning } from './request-guard.ts';

export function createPrinter(options: Pick<NianbaoOptions, 'browserPath' | 'concurrency'>, host?: DiscoveryHost): Printer {
  const session = new BrowserSession({ browserPath: options.browserPath, concurrency: options.concurrency, host });
  return {
    print: (doc, meta) => printDocument(session, doc, meta),
    warm: () => session.warm(),
    close: () => session.close(),
  };
}

/** Pages already set up for printing (they are reused from one document to the next). */
const printPages = new WeakSet<Page>();

async function printDocument(session: BrowserSession, doc: PrintDocument, meta: PdfMeta): Promise<PrintResult> {
  const { pdf, refused, failed } = await session.withPage(async (page) => {
    if (!printPages.has(page)) {
      // The window a page would draw on screen: one pixel high, since nothing here is ever looked
      // at. Chrome otherwise paints and rasterises a full window of every document it loads, about
      // a third of the browser's work per document. The width stays that of a desktop window, for
      // the 版记's measurement (foot-placement.ts); print layout follows the @page size alone.
      await page.setViewport({ width: 800, height: 1 });
      printPages.add(page);
    }
    const served = (await guardPage(page)).serve(doc.html, doc.assetRoots, doc.madeOnRead);
    const failed: string[] = [];
    const onFailed = (r: HTTPRequest) => {
      const url = fileUrlOf(r.url()) ?? r.url();
      if (!served.refused.includes(url)) failed.push(url);
    };
    page.on('requestfailed', onFailed);
    try {
      // A page that shows a document of the print origin gets the next one written into it: the
      // same origin and cache, without a navigation (a new document, frame and loader each time),
      // which cost a third of a document's load. A fresh page navigates to the origin first.
      if (page.url().startsWith(`${PRINT_ORIGIN}/`)) await page.setContent(served.html, { waitUntil: 'load', timeout: PDF_OPTIONS.timeout });
      else await page.goto(served.url, { waitUntil: 'load', timeout: PDF_OPTIONS.timeout });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const pdf = doc.footId ? await printWithFoot(page, doc.footId) : await page.pdf(PDF_OPTIONS);
      return { pdf, refused: served.refused, failed };
    } finally {
      page.off('requestfailed', onFailed);
    }
  }, { reuse: true });
  const warnings = [
    ...doc.warnings,
    ...refused.map(refusedRequestWarning),
    ...failed.map((url) => `打印时无法读取文件：${url}`),
  ];
  return { pdf: await finishPdf(pdf, meta), warnings };
}
