/**
 * Prints PrintDocuments to PDF: each document is served to a pooled page from memory (see
 * request-guard.ts) with every foreign request refused, printed once its fonts are ready, and
 * finished with the metadata of its PdfMeta (finish-pdf.ts).
 *
 * Only the browser's own code loads with this module: the PDF library (finishing, the 版记's
 * measurement) loads with the first printed page, so that the browser's launch waits for nothing.
 */
import type { HTTPRequest, Page } from 'puppeteer-core';
import type { NianbaoOptions } from '../options.ts';
import { BrowserSession } from './browser-session.ts';
import type { DiscoveryHost } from './browser-discovery.ts';
import { PDF_OPTIONS } from './pdf-options.ts';
import { printToPdf } from './print-to-pdf.ts';
import { writeDocument } from './write-document.ts';
import { afterDocument } from './renderer-memory.ts';
import type { PdfMeta, PrintDocument, Printer, PrintResult } from './print-document.ts';
import { fileUrlOf, guardPage, refusedRequestWarning } from './request-guard.ts';

export function createPrinter(options: Pick<NianbaoOptions, 'browserPath' | 'concurrency'>, host?: DiscoveryHost): Printer {
  const session = new BrowserSession({ browserPath: options.browserPath, concurrency: options.concurrency, host, printOnly: true });
  let prepared = false;
  return {
    print: (doc, meta) => printDocument(session, doc, meta),
    warm: () => {
      const starting = session.warm();
      // Every page opens and goes to the print origin now, while the first report is still being
      // read and checked: a new tab and its first navigation cost more than printing a document.
      for (let i = 0; !prepared && i < Math.max(1, options.concurrency); i++) {
        void session.withPage(preparePage, { reuse: true }).catch(() => undefined);
      }
      prepared = true;
      return starting;
    },
    close: () => session.close(),
  };
}

/** Pages already set up for printing (they are reused from one document to the next). */
const printPages = new WeakSet<Page>();

/** The empty document a page shows before its first: it puts the page on the print origin. */
const BLANK = '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title></title></head><body></body></html>';

async function preparePage(page: Page): Promise<void> {
  if (printPages.has(page)) return;
  // The window a page would draw on screen: one pixel high, since nothing here is ever looked
  // at. Chrome otherwise paints and rasterises a full window of every document it loads, about
  // a third of the browser's work per document. Print layout follows the @page size alone.
  await page.setViewport({ width: 800, height: 1 });
  // Later documents are written into the page (see below), which needs it on the print origin.
  await page.goto((await guardPage(page)).serve(BLANK, []).url, { waitUntil: 'load', timeout: PDF_OPTIONS.timeout });
  printPages.add(page);
}

async function printDocument(session: BrowserSession, doc: PrintDocument, meta: PdfMeta): Promise<PrintResult> {
  const { pdf, refused, failed } = await session.withPage(async (page) => {
    await preparePage(page);
    // A document is never laid out for the screen: the page only ever prints it. Hidden on
    // screen, Chrome lays it out once, for paper, instead of once for an 800-px window and again
    // for print (the screen's layout was 12% of the renderer's work per document). Its fonts are
    // then loaded by name, since hidden text asks for none; the 版记 is measured on paper too.
    const served = (await guardPage(page)).serve(hiddenOnScreen(doc.html), doc.assetRoots, doc.madeOnRead);
    const failed: string[] = [];
    const onFailed = (r: HTTPRequest) => {
      const url = fileUrlOf(r.url()) ?? r.url();
      if (!served.refused.includes(url)) failed.push(url);
    };
    page.on('requestfailed', onFailed);
    try {
      await writeDocument(page, served);
      const pdf = doc.footId ? await (await import('./foot-placement.ts')).printWithFoot(page, doc.footId) : await printToPdf(page);
      await afterDocument(page);
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
  return { pdf: await (await import('./finish-pdf.ts')).finishPdf(pdf, meta), warnings };
}

/** Screen media shows nothing of the document; print media is untouched. */
const HIDDEN_ON_SCREEN = '<style>@media screen { html { display: none !important; } }</style>';

function hiddenOnScreen(html: string): string {
  const head = html.indexOf('</head>');
  return head < 0 ? HIDDEN_ON_SCREEN + html : html.slice(0, head) + HIDDEN_ON_SCREEN + html.slice(head);
}
