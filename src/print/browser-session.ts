/**
 * One browser per build: launched lazily by the first document, shared by every page, closed at
 * the end. At most `concurrency` pages are in use at once. Pages asked for with `reuse` are kept
 * in a pool from one document to the next (a new tab costs more than a navigation, and a used
 * page keeps what it has cached); a page whose work failed is closed rather than reused. Pages belong to the browser that opened
 * them: a pooled page of a browser that is gone is dropped, never handed out. A closed session
 * stays closed: pages still queued are refused (PrinterClosedError) rather than launching the
 * browser again.
 *
 * Signals are not handled here. SIGINT/SIGTERM belong to the caller — the CLI aborts the build,
 * and the build closes its printer — so the session's only process hook is `exit`, where it kills
 * its browser synchronously because an exiting process cannot wait for a polite close.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { EnvironmentError } from '../environment-error.ts';
import { findBrowser, nodeDiscoveryHost, type DiscoveryHost, type FoundBrowser } from './browser-discovery.ts';
import { PrinterClosedError } from './print-document.ts';

/** Flags that keep the browser off the network and quiet; Puppeteer's own defaults come on top. */
const OFFLINE_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-pings',
  '--dns-prefetch-disable',
  '--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions',
];

export interface BrowserSessionOptions {
  browserPath: string | null;
  concurrency: number;
  /** The machine, for tests. */
  host?: DiscoveryHost;
}

/** How long a polite close may take before the browser is killed. */
const CLOSE_TIMEOUT_MS = 5000;

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The browser was found but would not start. */
export class BrowserLaunchError extends EnvironmentError {
  override name = 'BrowserLaunchError';
}

export class BrowserSession {
  #options: BrowserSessionOptions;
  #browser: Promise<Browser> | null = null;
  /** The launched browser, kept for the synchronous kill on exit. */
  #launched: Browser | null = null;
  #limit: LimitFunction;
  /** Pages that finished their work, ready for the next document. */
  #idle: Page[] = [];
  #found: FoundBrowser | null = null;
  /** Set by close() (or the exit hook); from then on nothing launches. */
  #closing: Promise<void> | null = null;
  #onExit = () => {
    this.#closing ??= Promise.resolve();
    this.#kill();
  };

  constructor(options: BrowserSessionOptions) {
    this.#options = options;
    this.#limit = pLimit(Math.max(1, options.concurrency));
  }

  /** The browser found, once launched (for messages). */
  get found(): FoundBrowser | null {
    return this.#found;
  }

  /**
   * Runs `fn` on a page and closes the page afterwards. With `reuse`, the page comes from the pool
   * (a new one when none is idle) and goes back to it when `fn` succeeds — `fn` must then leave no
   * listener or setting behind that the next document would inherit; a page whose work failed is
   * closed. Rejects with PrinterClosedError once the session is closed.
   */
  withPage<T>(fn: (page: Page) => Promise<T>, { reuse = false }: { reuse?: boolean } = {}): Promise<T> {
    return this.#limit(async () => {
      const browser = await this.#launch();
      // Closed while this page waited for the launch: the browser is going away.
      if (this.#closing) throw new PrinterClosedError();
      const page = (reuse ? this.#idlePage(browser) : null) ?? (await browser.newPage());
      let reusable = false;
      try {
        const result = await fn(page);
        reusable = reuse;
        return result;
      } finally {
        if (reusable && !this.#closing && !page.isClosed()) this.#idle.push(page);
        else await page.close().catch(() => undefined);
      }
    });
  }

  /** An idle page of `browser`; pages of another (a replaced or crashed) browser are dropped. */
  #idlePage(browser: Browser): Page | null {
    while (this.#idle.length) {
      const page = this.#idle.pop()!;
      if (page.browser() === browser && !page.isClosed() && browser.connected) return page;
    }
    return null;
  }

  /** Closes the browser (waiting for a launch under way) and refuses every later page. Idempotent. */
  close(): Promise<void> {
    return (this.#closing ??= this.#shutdown());
  }

  async #shutdown(): Promise<void> {
    const browser = await this.#browser?.catch(() => null);
    if (browser) {
      const closed = browser.close().then(() => true, () => false);
      const patience = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), CLOSE_TIMEOUT_MS).unref());
      if (!(await Promise.race([closed, patience]))) this.#kill();
    }
    this.#launched = null;
    this.#idle = [];
    process.off('exit', this.#onExit);
  }

  #launch(): Promise<Browser> {
    if (this.#closing) return Promise.reject(new PrinterClosedError());
    if (this.#browser) return this.#browser;
    process.off('exit', this.#onExit);
    process.on('exit', this.#onExit);
    const launching = (async () => {
      const found = await findBrowser(this.#options.browserPath, this.#options.host ?? nodeDiscoveryHost);
      this.#found = found;
      const args = [...OFFLINE_FLAGS, ...found.args, ...(isRoot() ? ['--no-sandbox'] : [])];
      const browser = await puppeteer
        .launch({
          executablePath: found.executablePath,
          headless: 'shell',
          args,
          // Signals belong to the caller (see above); Puppeteer must not act on them behind its back.
          handleSIGINT: false,
          handleSIGTERM: false,
          handleSIGHUP: false,
        })
        .catch((error: unknown) => {
          const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
          throw new BrowserLaunchError(`无法启动浏览器 ${found.executablePath}（${why}）。请检查该浏览器能否运行，或用 --browser / NIANBAO_BROWSER 指定另一个。`);
        });
      this.#launched = browser;
      return browser;
    })();
    // A failed launch must not stay cached: the next document tries again and reports the error.
    launching.catch(() => {
      if (this.#browser === launching) this.#browser = null;
    });
    this.#browser = launching;
    return launching;
  }

  /** Synchronous last resort: an exiting process cannot wait for a polite close. */
  #kill() {
    this.#launched?.process()?.kill('SIGKILL');
  }
}
