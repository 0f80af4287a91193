/**
 * Keeps a reused page's renderer small. Each document written into a page leaves the previous
 * one's DOM and layout to the renderer's garbage collector, which, left to itself, lets the heap
 * grow to about 265 MB per page before it collects. A full collection every few documents holds
 * it near 160 MB.
 *
 * The collection is the page's own `gc()`, which the printing browser exposes (browser-session.ts):
 * one full collection of the JavaScript and DOM heaps. DevTools' HeapProfiler.collectGarbage,
 * used where `gc` is missing (another browser's flags), repeats full collections until nothing
 * more is freed: the same memory for some 3 ms more of the renderer per document. It goes over
 * the printer's session with the page (page-session.ts), not the request guard's: that one
 * belongs to the page's request policy (request-guard.ts).
 */
import type { Page } from 'puppeteer-core';
import { pageSession } from './page-session.ts';

/** Documents a page prints between two collections. */
export const DOCUMENTS_PER_COLLECTION = 5;

const printed = new WeakMap<Page, number>();

/** Counts a printed document; every DOCUMENTS_PER_COLLECTION-th, collects the page's garbage. */
export async function afterDocument(page: Page): Promise<void> {
  const count = (printed.get(page) ?? 0) + 1;
  printed.set(page, count);
  if (count % DOCUMENTS_PER_COLLECTION !== 0) return;
  const collected = await page
    .evaluate(() => {
      const gc = (globalThis as { gc?: unknown }).gc;
      if (typeof gc !== 'function') return false;
      gc();
      return true;
    })
    // A page that cannot run the collection is failing anyway; its document is printed.
    .catch(() => true);
  if (collected) return;
  // Only memory is at stake: a collection that fails leaves the document printed as it was.
  await pageSession(page).then((s) => s.send('HeapProfiler.collectGarbage')).catch(() => undefined);
}
