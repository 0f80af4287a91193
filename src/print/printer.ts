/**
 * Prints PrintDocuments to PDF: each document is served to a pooled page from memory (see
 * request-guard.ts) with every foreign request refused, printed once its fonts are ready, and
 * finished with the metadata of its PdfMeta (finish-pdf.ts).
 */
import type { HTTPRequest } from 'puppeteer-core';
import type { NianbaoOptions } from '../options.ts';
import { BrowserSession } from './browser-session.ts';
import type { DiscoveryHost } from './browser-discovery.ts';
import { finishPdf } from './finish-pdf.ts';
import { PDF_OPTIONS, printWithFoot } from './foot-placement.ts';
import type { PdfMeta, PrintDocument, Printer, PrintResult } from './print-document.ts';
import { fileUrlOf, guardPage, refusedRequestWarning } from './request-guard.ts';

export function createPrinter(options: Pick<NianbaoOptions, 'browserPath' | 'concurrency'>, host?: DiscoveryHost): Printer {
  const session = new BrowserSession({ browserPath: options.browserPath, concurrency: options.concurrency, host });
  return {
    print: (doc, meta) => printDocument(session, doc, meta),
    close: () => session.close(),
  };
}

async function printDocument(session: BrowserSession, doc: PrintDocument, meta: PdfMeta): Promise<PrintResult> {
  const { pdf, refused, failed } = await session.withPage(async (page) => {
    const served = (await guardPage(page)).serve(doc.html, doc.assetRoots);
    const failed: string[] = [];
    const onFailed = (r: HTTPRequest) => {
      const url = fileUrlOf(r.url()) ?? r.url();
      if (!served.refused.includes(url)) failed.push(url);
    };
    page.on('requestfailed', onFailed);
    try {
      await page.goto(served.url, { waitUntil: 'load', timeout: PDF_OPTIONS.timeout });
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
