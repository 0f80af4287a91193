/**
 * Puts the next document into a page and gets it ready to print: loaded, with its fonts. A page on
 * the print origin (they all are, once prepared) has the document written into it: the same
 * origin and cache, without a navigation (a new document, frame and loader each time), which cost
 * a third of a document's load. It is written as page.setContent would, but by DevTools'
 * Page.setDocumentContent rather than by document.write from a script: the HTML goes to the
 * renderer once instead of into a script's argument, and the wait for the load event and the
 * fonts is one call to the page. Documents are hidden on screen (printer.ts), so their text asks
 * for no font: every font face is loaded by name.
 */
import type { Page } from 'puppeteer-core';
import { mainFrameId, pageSession } from './page-session.ts';
import { PDF_OPTIONS } from './pdf-options.ts';
import { PRINT_ORIGIN } from './request-guard.ts';

/** `served`: the document's HTML as the request guard serves it, and its URL there. */
export async function writeDocument(page: Page, served: { html: string; url: string }): Promise<void> {
  if (page.url().startsWith(`${PRINT_ORIGIN}/`)) {
    const [session, frameId] = await Promise.all([pageSession(page), mainFrameId(page)]);
    await session.send('Page.setDocumentContent', { frameId, html: served.html });
  } else {
    await page.goto(served.url, { waitUntil: 'load', timeout: PDF_OPTIONS.timeout });
  }
  await page.evaluate(async () => {
    if (document.readyState !== 'complete') await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
    await Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined)));
  });
}
