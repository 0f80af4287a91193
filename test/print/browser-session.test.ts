/** The shared browser: launched once on first use, pages always closed, closed for good at the end. */
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/print/browser-session.ts';

const session = new BrowserSession({ browserPath: null, concurrency: 2 });
afterAll(() => session.close());

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

  it('runs pages with the flags that keep the browser offline', async () => {
    const args = await session.withPage(async (page) => page.browser().process()?.spawnargs ?? []);
    expect(args).toEqual(expect.arrayContaining(['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync']));
    const isRoot = process.getuid?.() === 0;
    expect(args.includes('--no-sandbox')).toBe(isRoot);
  }, 60_000);
});
