/**
 * Telling a failing browser from a failing document: a document past its timeout (the browser
 * hangs), a browser that disconnected (killed, crashed), or a protocol error saying its page or
 * connection went away. The session replaces such a browser once; BrowserFailedError ends the build.
 */
import type { Browser } from 'puppeteer-core';
import { EnvironmentError } from '../environment-error.ts';

/** The browser died or hung again after being replaced: exit 3. */
export class BrowserFailedError extends EnvironmentError {
  override name = 'BrowserFailedError';
}

/** Far beyond any real document (a report prints in about a second), well short of forever. */
export const DOCUMENT_TIMEOUT_MS = 180_000;
/** A browser that died is replaced this many times per session; after that the build stops. */
export const MAX_RELAUNCHES = 1;

export class DocumentTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`一份文件打印超过 ${Math.round(timeoutMs / 1000)} 秒没有完成，浏览器可能已无响应`);
  }
}

/** Errors that mean the browser or its page went away, rather than that the document is bad. */
const BROWSER_GONE = /Target closed|Session closed|Connection closed|Protocol error|crashed|detached|disconnected|WebSocket is not open/i;

export const isBrowserFailure = (browser: Browser, error: unknown): boolean =>
  error instanceof DocumentTimeoutError || !browser.connected || (error instanceof Error && BROWSER_GONE.test(error.message));

/**
 * Rejects when `browser` disconnects: a dead browser rejects nothing by itself, its pages' work
 * just waits. One per document, and `cancel` unsubscribes: a promise shared by every document
 * would keep, through the reactions each race leaves on it, every document's result alive.
 */
export function disconnection(browser: Browser): { gone: Promise<never>; cancel: () => void } {
  let onGone = () => {};
  const gone = new Promise<never>((_, reject) => {
    onGone = () => reject(new Error('disconnected'));
    if (!browser.connected) onGone();
    else browser.on('disconnected', onGone);
  });
  gone.catch(() => undefined);
  return { gone, cancel: () => void browser.off('disconnected', onGone) };
}

/** Rejects with DocumentTimeoutError after `timeoutMs`; `cancel` stops the clock. */
export function deadline(timeoutMs: number): { expired: Promise<never>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DocumentTimeoutError(timeoutMs)), timeoutMs);
  });
  expired.catch(() => undefined);
  return { expired, cancel: () => clearTimeout(timer) };
}

/** The message when the session gives up. */
export const gaveUp = (why: string | null): BrowserFailedError =>
  new BrowserFailedError(`生成 PDF 的浏览器反复失败（${why ?? '浏览器进程意外退出'}），重新启动 ${MAX_RELAUNCHES} 次后仍未恢复，构建停止。请检查内存是否充足，或用 --browser 指定其他浏览器。`);
