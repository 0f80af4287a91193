/** The shared browser: launched once on first use, pages always closed, closed for good at the end. */
import fs from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BrowserSession } from '../../src/print/browser-session.ts';
import { nodeDiscoveryHost, type DiscoveryHost } from '../../src/print/browser-discovery.ts';
import { PrinterClosedError } from '../../src/print/print-document.ts';
import { descendants } from './process-tree.ts';

const session = new BrowserSession({ browserPath: null, concurrency: 2 });
afterAll(() => session.close());

/** The real machine, counting how often a browser is looked for (once per launch). */
function countingHost(): DiscoveryHost & { searches: number } {
  const host = {
    ...nodeDiscoveryHost,
    searches: 0,
    puppeteerCache(cacheDir: string) {
      host.searches++;
      return nodeDiscoveryHost.puppeteerCache(cacheDir);
    },
  };
  return host;
}

describe('BrowserSession', () => {
  it('launches lazily, once, and closes every page it opened, also when the work fails', async () => {
    expect(session.found).toBeNull();
    const before = await session.withPage(async (page) => (await page.browser().pages()).length);
    expect(session.found?.executablePath).toBeTruthy();
    await expect(session.withPage(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const pids = await Promise.all(
      [1, 2, 3].map(() => session.withPage(async (page) => page.browser().process()?.pid)),
    );
    expect(new Set(pids).size).toBe(1);
    const after = await session.withPage(async (page) => (await page.browser().pages()).length);
    expect(after).toBe(before);
  }, 60_000);

  it('keeps nothing of a finished document: no listener on the browser, no hold on its result', async () => {
    const browser = await session.withPage(async (page) => page.browser());
    const listeners = browser.listenerCount('disconnected');
    const results = new FinalizationRegistry<string>(() => collected++);
    let collected = 0;
    for (let i = 0; i < 20; i++) {
      const result = await session.withPage(async () => ({ pdf: new Uint8Array(1024) }), { reuse: true });
      results.register(result, String(i));
    }
    expect(browser.listenerCount('disconnected')).toBe(listeners);
    // Once dropped, the results can be collected (a promise shared by every document kept them all).
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    for (let i = 0; i < 10 && collected < 20; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(collected).toBeGreaterThan(15);
  }, 60_000);

  it('with reuse, keeps a pool of at most `concurrency` pages, and closes a page whose work failed', async () => {
    const pool = new BrowserSession({ browserPath: null, concurrency: 2 });
    try {
      const used = await Promise.all([1, 2, 3, 4, 5].map(() => pool.withPage(async (page) => page, { reuse: true })));
      // Five documents, two at a time: two pages, used again and left open for the next.
      expect(new Set(used).size).toBeLessThanOrEqual(2);
      expect(used.every((page) => !page.isClosed())).toBe(true);
      let failed: Page | null = null;
      const boom = pool.withPage(async (page) => {
        failed = page;
        throw new Error('boom');
      }, { reuse: true });
      await expect(boom).rejects.toThrow('boom');
      expect(failed!.isClosed()).toBe(true);
      const next = await pool.withPage(async (page) => page, { reuse: true });
      expect(next).not.toBe(failed);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('runs pages with the flags that keep the browser offline', async () => {
    const args = await session.withPage(async (page) => page.browser().process()?.spawnargs ?? []);
    expect(args).toEqual(expect.arrayContaining(['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync']));
    const isRoot = process.getuid?.() === 0;
    expect(args.includes('--no-sandbox')).toBe(isRoot);
  }, 60_000);

  it.skipIf(process.platform !== 'linux')('runs no network-service process: every request is answered in the browser', async () => {
    const pid = await session.withPage(async (page) => page.browser().process()!.pid!);
    const commandLines = descendants(pid).map((p) => {
      try {
        return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8');
      } catch {
        return '';
      }
    });
    expect(commandLines.some((c) => c.includes('--type=renderer'))).toBe(true);
    expect(commandLines.filter((c) => c.includes('--utility-sub-type=network'))).toEqual([]);
  }, 60_000);

  it('warm() launches the browser ahead of the first page, which then uses that browser', async () => {
    const host = countingHost();
    const warmed = new BrowserSession({ browserPath: null, concurrency: 1, host });
    try {
      const starting = warmed.warm();
      warmed.warm();
      // One launch for both calls, begun before any page was asked for.
      expect(host.searches).toBe(1);
      expect(warmed.found).toBeNull();
      // warm() settles once the browser is found and starting, before it is up: the caller may
      // take the process for other work meanwhile.
      await starting;
      expect(warmed.found).not.toBeNull();
      const pid = await warmed.withPage(async (page) => page.browser().process()?.pid);
      expect(pid).toBeTruthy();
      expect(host.searches).toBe(1);
    } finally {
      await warmed.close();
    }
    warmed.warm(); // closed: nothing launches
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(host.searches).toBe(1);
  }, 60_000);

  it('a closed session refuses to launch: no browser is looked for, the page is refused in Chinese', async () => {
    const host = countingHost();
    const closed = new BrowserSession({ browserPath: null, concurrency: 1, host });
    await closed.close();
    const refused = closed.withPage(async () => 'printed');
    await expect(refused).rejects.toBeInstanceOf(PrinterClosedError);
    await expect(refused).rejects.toThrow('浏览器已关闭');
    expect(host.searches).toBe(0);
    expect(closed.found).toBeNull();
  });

  it('pages still queued when the session closes are refused, and the browser is not launched again', async () => {
    const host = countingHost();
    const queued = new BrowserSession({ browserPath: null, concurrency: 1, host });
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    // The only page slot is taken; the second page waits in the queue.
    const first = queued.withPage(async (page) => {
      started();
      await holding;
      return page.browser().process()?.pid;
    });
    // Settled here already, so that its rejection is handled while the test waits for the close.
    const second = queued.withPage(async () => 'printed').then(
      (value) => value,
      (error: unknown) => error,
    );
    await running;
    const closing = queued.close();
    release();
    await closing;
    await first.catch(() => undefined); // in flight while the browser closed: it may fail or finish
    expect(await second).toBeInstanceOf(PrinterClosedError);
    expect(host.searches).toBe(1);
    await expect(queued.withPage(async () => 'later')).rejects.toBeInstanceOf(PrinterClosedError);
    expect(host.searches).toBe(1);
  }, 60_000);
});
