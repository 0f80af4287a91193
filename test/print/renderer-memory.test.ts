import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/print/browser-session.ts';
import { afterDocument, DOCUMENTS_PER_COLLECTION } from '../../src/print/renderer-memory.ts';

/**
 * A page that records what is sent to its renderer. `gc`: whether the page has gc() (it records
 * a call as 'gc()'); `fail` makes every command reject.
 */
function recordingPage({ gc = false, fail = false } = {}) {
  const sent: string[] = [];
  let sessions = 0;
  const page = {
    evaluate: async () => {
      if (fail) throw new Error('gone');
      if (gc) sent.push('gc()');
      return gc;
    },
    createCDPSession: async () => {
      sessions++;
      return { send: async (method: string) => (sent.push(method), fail ? Promise.reject(new Error('gone')) : {}) };
    },
  } as unknown as Page;
  return { page, sent, sessions: () => sessions };
}

describe('afterDocument', () => {
  it('collects the renderer’s garbage with the page’s gc() once every few documents', async () => {
    const a = recordingPage({ gc: true });
    const b = recordingPage({ gc: true });
    for (let i = 0; i < DOCUMENTS_PER_COLLECTION * 3 - 1; i++) await afterDocument(a.page);
    await afterDocument(b.page);
    expect(a.sent).toEqual(['gc()', 'gc()']);
    expect(a.sessions()).toBe(0);
    expect(b.sent).toEqual([]);
  });

  it('falls back to DevTools’ collection, over one session per page, where the page has no gc()', async () => {
    const p = recordingPage();
    for (let i = 0; i < DOCUMENTS_PER_COLLECTION * 2; i++) await afterDocument(p.page);
    expect(p.sent).toEqual(['HeapProfiler.collectGarbage', 'HeapProfiler.collectGarbage']);
    expect(p.sessions()).toBe(1);
  });

  it('never fails a document because the collection failed', async () => {
    const p = recordingPage({ fail: true });
    for (let i = 0; i < DOCUMENTS_PER_COLLECTION; i++) await expect(afterDocument(p.page)).resolves.toBeUndefined();
  });
});

describe('the printing browser', () => {
  const session = new BrowserSession({ browserPath: null, concurrency: 1, printOnly: true });
  afterAll(() => session.close());

  it('gives its pages gc()', async () => {
    const kind = await session.withPage((page) => page.evaluate(() => typeof (globalThis as { gc?: unknown }).gc));
    expect(kind).toBe('function');
  }, 60_000);
});
