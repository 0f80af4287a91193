/**
 * One browser per build: launched lazily by the first document, shared by every page, closed at
 * the end, on exit and on SIGINT/SIGTERM. At most `concurrency` pages are open at once.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findBrowser, nodeDiscoveryHost, type DiscoveryHost, type FoundBrowser } from './browser-discovery.ts';

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
  /** Synchronous clean-up to run with the kill when the process exits or is interrupted mid-work. */
  onAbandon?: () => void;
}

/** How long an interrupted process waits for a launch under way, to kill the browser it starts. */
const LAUNCH_WAIT_MS = 5000;

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

export class BrowserSession {
  #options: BrowserSessionOptions;
  #browser: Promise<Browser> | null = null;
  /** The launched browser, kept for the synchronous kill on exit. */
  #launched: Browser | null = null;
  #limit: LimitFunction;
  #found: FoundBrowser | null = null;
  /** Set once the process is exiting or interrupted: no new page starts. */
  #abandoned = false;
  #onExit = () => this.#abandon();
  #onSignal = (signal: NodeJS.Signals) => {
    this.#unhook();
    const launching = this.#launched ? null : this.#browser;
    this.#abandon();
    // Then let the signal do what it would have done without us (or what other listeners decide).
    const reraise = () => process.kill(process.pid, signal);
    if (!launching) return reraise();
    // A launch under way has no process to kill yet: wait for it briefly, then kill it too.
    const giveUp = new Promise((resolve) => setTimeout(resolve, LAUNCH_WAIT_MS).unref());
    void Promise.race([launching.then(() => undefined, () => undefined), giveUp]).then(() => {
      this.#abandon();
      reraise();
    });
  };

  constructor(options: BrowserSessionOptions) {
    this.#options = options;
    this.#limit = pLimit(Math.max(1, options.concurrency));
  }

  /** The browser found, once launched (for messages). */
  get found(): FoundBrowser | null {
    return this.#found;
  }

  /** Runs `fn` on a fresh page and always closes the page. */
  withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    return this.#limit(async () => {
      if (this.#abandoned) throw new Error('打印已中断');
      const browser = await this.#launch();
      const page = await browser.newPage();
      try {
        return await fn(page);
      } finally {
        await page.close().catch(() => undefined);
      }
    });
  }

  async close(): Promise<void> {
    const launching = this.#browser;
    this.#browser = null;
    this.#unhook();
    if (!launching) return;
    const browser = await launching.catch(() => null);
    await browser?.close().catch(() => this.#kill());
    this.#launched = null;
  }

  #launch(): Promise<Browser> {
    if (!this.#browser) this.#hook();
    this.#browser ??= (async () => {
      const found = await findBrowser(this.#options.browserPath, this.#options.host ?? nodeDiscoveryHost);
      this.#found = found;
      const args = [...OFFLINE_FLAGS, ...found.args, ...(isRoot() ? ['--no-sandbox'] : [])];
      const browser = await puppeteer.launch({
        executablePath: found.executablePath,
        headless: 'shell',
        args,
        // We handle signals and exit ourselves, so that closing follows one path.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      this.#launched = browser;
      return browser;
    })();
    // A failed launch must not stay cached: the next document tries again and reports the error.
    this.#browser.catch(() => {
      this.#browser = null;
    });
    return this.#browser;
  }

  #hook() {
    this.#unhook();
    process.on('exit', this.#onExit);
    process.on('SIGINT', this.#onSignal);
    process.on('SIGTERM', this.#onSignal);
  }

  #unhook() {
    process.off('exit', this.#onExit);
    process.off('SIGINT', this.#onSignal);
    process.off('SIGTERM', this.#onSignal);
  }

  /** Synchronous last resort: an exiting process cannot wait for a polite close. */
  #kill() {
    this.#launched?.process()?.kill('SIGKILL');
  }

  #abandon() {
    this.#abandoned = true;
    this.#kill();
    this.#options.onAbandon?.();
  }
}
