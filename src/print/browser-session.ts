/**
 * One browser per build: launched lazily by the first document, shared by every page, closed at
 * the end. At most `concurrency` pages are in use at once. Pages asked for with `reuse` are kept
 * in a pool from one document to the next (a new tab costs more than a navigation, and a used
 * page keeps what it has cached); a page whose work failed is closed rather than reused. Pages belong to the browser that opened
 * them: a pooled page of a browser that is gone is dropped, never handed out. A closed session
 * stays closed: pages still queued are refused (PrinterClosedError) rather than launching the
 * browser again.
 *
 * A browser that dies (killed, crashed) or hangs (a document past its timeout) must not fail the
 * build: it is killed, replaced by one new browser, and the documents it had in flight are
 * printed again there. Should the replacement fail too, every document is refused with
 * BrowserFailedError (an EnvironmentError: exit 3). The browser talks to us over a pipe, so it
 * exits by itself when this process dies, even by SIGKILL, and is never orphaned.
 *
 * Signals are not handled here. SIGINT/SIGTERM belong to the caller — the CLI aborts the build,
 * and the build closes its printer — so the session's only process hook is `exit`, where it kills
 * its browser synchronously because an exiting process cannot wait for a polite close.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { EnvironmentError } from '../environment-error.ts';
import { findBrowser, nodeDiscoveryHost, type DiscoveryHost, type FoundBrowser } from './browser-discovery.ts';
import { BROWSER_FLAGS, PRINT_ONLY_FLAGS } from './browser-flags.ts';
import { removeProfileSync } from './browser-profile.ts';
import { deadline, disconnection, DOCUMENT_TIMEOUT_MS, gaveUp, isBrowserFailure, MAX_RELAUNCHES, DocumentTimeoutError } from './browser-failure.ts';
import { PrinterClosedError } from './print-document.ts';

export { BrowserFailedError } from './browser-failure.ts';

export interface BrowserSessionOptions {
  browserPath: string | null;
  concurrency: number;
  /** The machine, for tests. */
  host?: DiscoveryHost;
  /** The browser only prints (never shows a page on a screen): it runs without a GPU. */
  printOnly?: boolean;
  /** How long one document may take before the browser counts as hung; for tests. */
  documentTimeoutMs?: number;
}

/** How long a polite close may take before the browser is killed. */
const CLOSE_TIMEOUT_MS = 5000;
/** How long a killed browser may take to exit and have its profile removed. */
const KILLED_EXIT_MS = 2000;

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
  /** How many times a dead or hung browser has been replaced. */
  #relaunches = 0;
  /** Why the last replaced browser failed, for the final message. */
  #failure: string | null = null;
  /** Settles when the launch under way has found the browser and is starting it. */
  #starting: Promise<void> | null = null;
  /** Browsers killed and replaced, until they have exited and their profiles are removed. */
  #retired: Array<Promise<unknown>> = [];
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

  /** How many times a dead or hung browser was replaced (for tests). */
  get relaunches(): number {
    return this.#relaunches;
  }

  /**
   * Runs `fn` on a page and closes the page afterwards. With `reuse`, the page comes from the pool
   * (a new one when none is idle) and goes back to it when `fn` succeeds — `fn` must then leave no
   * listener or setting behind that the next document would inherit; a page whose work failed is
   * closed. When the browser dies or hangs during `fn`, `fn` runs again on its replacement.
   * Rejects with PrinterClosedError once the session is closed, and with BrowserFailedError when
   * the replacement failed as well.
   */
  withPage<T>(fn: (page: Page) => Promise<T>, { reuse = false }: { reuse?: boolean } = {}): Promise<T> {
    return this.#limit(async () => {
      for (;;) {
        if (this.#relaunches > MAX_RELAUNCHES) throw gaveUp(this.#failure);
        const browser = await this.#launch();
        // Closed while this page waited for the launch: the browser is going away.
        if (this.#closing) throw new PrinterClosedError();
        try {
          return await this.#onPage(browser, fn, reuse);
        } catch (error) {
          if (this.#closing || !isBrowserFailure(browser, error)) throw error;
          this.#replace(browser, error);
        }
      }
    });
  }

  /** One attempt: `fn` on a page of `browser`, cut short when the browser hangs or disconnects. */
  async #onPage<T>(browser: Browser, fn: (page: Page) => Promise<T>, reuse: boolean): Promise<T> {
    const clock = deadline(this.#options.documentTimeoutMs ?? DOCUMENT_TIMEOUT_MS);
    const { gone, cancel } = disconnection(browser);
    try {
      const page = (reuse ? this.#idlePage(browser) : null) ?? (await Promise.race([browser.newPage(), clock.expired, gone]));
      try {
        const result = await Promise.race([fn(page), clock.expired, gone]);
        if (reuse && !this.#closing && !page.isClosed()) this.#idle.push(page);
        else await page.close().catch(() => undefined);
        return result;
      } catch (error) {
        // A failing browser is not waited for (a hung one would never answer; it is about to be killed).
        const closing = page.close().catch(() => undefined);
        if (!isBrowserFailure(browser, error)) await closing;
        throw error;
      }
    } finally {
      clock.cancel();
      cancel();
    }
  }

  /**
   * Kills `browser` and lets the next page launch a new one — once per failed browser, however
   * many documents it took down with it; past MAX_RELAUNCHES the session gives up.
   */
  #replace(browser: Browser, error: unknown): void {
    if (this.#launched === browser) {
      browser.process()?.kill('SIGKILL');
      // Puppeteer removes the killed browser's profile folder once its process has exited.
      this.#retired.push(browser.close().catch(() => undefined));
      this.#launched = null;
      this.#browser = null;
      this.#relaunches += 1;
      this.#failure = error instanceof DocumentTimeoutError ? error.message : '浏览器进程意外退出';
    }
    if (this.#relaunches > MAX_RELAUNCHES) throw gaveUp(this.#failure);
  }

  /** An idle page of `browser`; pages of another (a replaced or crashed) browser are dropped. */
  #idlePage(browser: Browser): Page | null {
    while (this.#idle.length) {
      const page = this.#idle.pop()!;
      if (page.browser() === browser && !page.isClosed() && browser.connected) return page;
    }
    return null;
  }

  /**
   * Launches the browser ahead of the first page; a failure is left to that page to report.
   * Settles once the browser is found and its process is being started: the caller may then take
   * the process for other work while the browser starts up.
   */
  warm(): Promise<void> {
    if (this.#closing) return Promise.resolve();
    this.#launch().catch(() => undefined);
    return this.#starting ?? Promise.resolve();
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
      if (!(await Promise.race([closed, patience]))) {
        this.#kill();
        this.#retired.push(closed);
      }
    }
    // A killed browser still exits through Puppeteer, which then removes its profile folder: the
    // CLI ends its process once the command returns, so the removals are waited for here.
    await Promise.race([Promise.all(this.#retired), new Promise((resolve) => setTimeout(resolve, KILLED_EXIT_MS).unref())]);
    this.#retired = [];
    this.#launched = null;
    this.#idle = [];
    process.off('exit', this.#onExit);
  }

  #launch(): Promise<Browser> {
    if (this.#closing) return Promise.reject(new PrinterClosedError());
    if (this.#browser) return this.#browser;
    process.off('exit', this.#onExit);
    process.on('exit', this.#onExit);
    const finding = findBrowser(this.#options.browserPath, this.#options.host ?? nodeDiscoveryHost);
    this.#starting = finding.then(() => undefined, () => undefined);
    const launching = (async () => {
      const found = (this.#found = await finding);
      const args = [...BROWSER_FLAGS, ...(this.#options.printOnly ? PRINT_ONLY_FLAGS : []), ...found.args, ...(isRoot() ? ['--no-sandbox'] : [])];
      const browser = await puppeteer
        .launch({
          executablePath: found.executablePath,
          headless: 'shell',
          args,
          // Over a pipe, the browser exits when this process dies (even by SIGKILL): never an orphan.
          pipe: true,
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
      // The tab Chrome opens at start becomes the first pooled page, instead of idling beside the
      // pool with a renderer process of its own (some 80 MB for the whole build).
      this.#idle.push(...(await browser.pages().catch(() => [])));
      return browser;
    })();
    // A failed launch must not stay cached: the next document tries again and reports the error.
    launching.catch(() => {
      if (this.#browser === launching) this.#browser = null;
    });
    this.#browser = launching;
    return launching;
  }

  /** Synchronous last resort: an exiting process cannot wait for a polite close, nor for Puppeteer to remove the profile. */
  #kill() {
    const browser = this.#launched?.process();
    browser?.kill('SIGKILL');
    removeProfileSync(browser);
  }
}
