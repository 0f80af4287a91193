import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { afterDocument, DOCUMENTS_PER_COLLECTION } from '../../src/print/renderer-memory.ts';

/** A page that records what is sent to its renderer; `fail` makes every command reject. */
function recordingPage(fail = false) {
  const sent: string[] = [];
  let sessions = 0;
  const page = {
    createCDPSession: async () => {
      sessions++;
      return { send: async (method: string) => (sent.push(method), fail ? Promise.reject(new Error('gone')) : {}) };
    },
  } as unknown as Page;
  return { page, sent, sessions: () => sessions };
}

describe('afterDocument', () => {
  it('collects the renderer’s garbage once every few documents, over one session per page', async () => {
    const a = recordingPage();
    const b = recordingPage();
    for (let i = 0; i < DOCUMENTS_PER_COLLECTION * 3 - 1; i++) await afterDocument(a.page);
    await afterDocument(b.page);
    expect(a.sent).toEqual(['HeapProfiler.collectGarbage', 'HeapProfiler.collectGarbage']);
    expect(a.sessions()).toBe(1);
    expect(b.sent).toEqual([]);
  });

  it('never fails a document because the collection failed', async () => {
    const p = recordingPage(true);
    for (let i = 0; i < DOCUMENTS_PER_COLLECTION; i++) await expect(afterDocument(p.page)).resolves.toBeUndefined();
    expect(p.sent).toEqual(['HeapProfiler.collectGarbage']);
  });
});
