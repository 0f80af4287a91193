/**
 * One browser per build: launched lazily by the first document, shared by every page, closed at
 * the end. At most `concurrency` pages are open at once. A closed session stays closed: pages still
 * queued are refused (PrinterClosedError) rather than launching the browser again.
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
import { findBrowser, nodeDiscoveryHost, type DiscoveryHost, type FoundBrowser } from './browser-discovery.ts';
import { EnvironmentError } from '../environment-error.ts';
import { PrinterClosedError } from './print-document.ts';

/** The browser died or hung again after being replaced once. */
export class BrowserFailedError extends EnvironmentError {}

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
  /** How long one document may take before the browser counts as hung; for tests. */
  documentTimeoutMs?: number;
}

/** Far beyond any real document (a report prints in about a second), well short of forever. */
const DOCUMENT_TIMEOUT_MS = 180_000;
/** A browser that died is replaced this many times per session; after that the build stops. */
const MAX_RELAUNCHES = 1;

class DocumentTimeoutError extends Error {}

const disconnects = new WeakMap<Browser, Promise<never>>();

/** Rejects when `browser` disconnects: a dead browser rejects nothing by itself, its pages' work just waits. */
function disconnected(browser: Browser): Promise<never> {
  let gone = disconnects.get(browser);
  if (!gone) {
    gone = new Promise<never>((_, reject) => {
      if (!browser.connected) reject(new Error('disconnected'));
      browser.once('disconnected', () => reject(new Error('disconnected')));
    });
    gone.catch(() => undefined);
    disconnects.set(browser, gone);
  }
  return gone;
}

/** Errors that mean the browser or its page went away, rather than that the document is bad. */
const BROWSER_GONE = /Target closed|Session closed|Connection closed|Protocol error|crashed|detached|disconnected|WebSocket is not open/i;

/** How long a polite close may take before the browser is killed. */
const CLOSE_TIMEOUT_MS = 5000;

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

export class BrowserSession {
  #options: BrowserSessionOptions;
  #browser: Promise<Browser> | null = null;
  /** The launched browser, kept for the synchronous kill on exit. */
  #launched: Browser | null = null;
  #limit: LimitFunction;
  #found: FoundBrowser | null = null;
  /** How many times a dead or hung browser has been replaced. */
  #relaunches = 0;
  /** Why the last replaced browser failed, for the final message. */
  #failure: string | null = null;
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

  /** How many times a dead or hung browser was replaced (for the build's notes and tests). */
  get relaunches(): number {
    return this.#relaunches;
  }

  /**
   * Runs `fn` on a fresh page and always closes the page. When the browser dies or hangs during
   * `fn`, `fn` runs again on its replacement. Rejects with PrinterClosedError once closed, and
   * with BrowserFailedError when the replacement failed as well.
   */
  withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    return this.#limit(async () => {
      for (;;) {
        if (this.#relaunches > MAX_RELAUNCHES) throw this.#gaveUp();
        const browser = await this.#launch();
        // Closed while this page waited for the launch: the browser is going away.
        if (this.#closing) throw new PrinterClosedError();
        try {
          return await this.#onPage(browser, fn);
        } catch (error) {
          if (this.#closing || !this.#failed(browser, error)) throw error;
          this.#replace(browser, error);
        }
      }
    });
  }

  async #onPage<T>(browser: Browser, fn: (page: Page) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeoutMs = this.#options.documentTimeoutMs ?? DOCUMENT_TIMEOUT_MS;
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DocumentTimeoutError(`一份文件打印超过 ${Math.round(timeoutMs / 1000)} 秒没有完成，浏览器可能已无响应`)), timeoutMs);
    });
    const gone = disconnected(browser);
    hung.catch(() => undefined);
    const page = await Promise.race([browser.newPage(), hung, gone]);
    try {
      const result = await Promise.race([fn(page), hung, gone]);
      await page.close().catch(() => undefined);
      return result;
    } catch (error) {
      // Not awaited: a hung browser would never answer, and it is about to be killed anyway.
      void page.close().catch(() => undefined);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Whether `error` came from the browser failing rather than from the document. */
  #failed(browser: Browser, error: unknown): boolean {
    if (error instanceof DocumentTimeoutError || !browser.connected) return true;
    return error instanceof Error && BROWSER_GONE.test(error.message);
  }

  /**
   * Kills `browser` and lets the next page launch a new one — once per failed browser, however
   * many documents it took down with it; past MAX_RELAUNCHES the session gives up.
   */
  #replace(browser: Browser, error: unknown): void {
    if (this.#launched === browser) {
      browser.process()?.kill('SIGKILL');
      this.#launched = null;
      this.#browser = null;
      this.#relaunches += 1;
      this.#failure = error instanceof DocumentTimeoutError ? error.message : '浏览器进程意外退出';
    }
    if (this.#relaunches > MAX_RELAUNCHES) throw this.#gaveUp();
  }

  #gaveUp(): BrowserFailedError {
    return new BrowserFailedError(`生成 PDF 的浏览器反复失败（${this.#failure}），重新启动 ${MAX_RELAUNCHES} 次后仍未恢复，构建停止。请检查内存是否充足，或用 --browser 指定其他浏览器。`);
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
      const browser = await puppeteer.launch({
        executablePath: found.executablePath,
        headless: 'shell',
        // Over a pipe, the browser exits when this process dies (even by SIGKILL): never an orphan.
        pipe: true,
        args,
        // Signals belong to the caller (see above); Puppeteer must not act on them behind its back.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
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
