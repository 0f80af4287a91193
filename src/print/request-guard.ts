/**
 * While a document prints, it may read only the build's own local files: the document itself,
 * the font files and template assets under its asset folders. Everything else is refused, and
 * every refusal is reported, so a template or a text that points at the network is noticed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HTTPRequest, Page } from 'puppeteer-core';

/** Whether `url` names a file inside one of `roots` (absolute folders). */
export function isAllowedUrl(url: string, roots: readonly string[]): boolean {
  if (url.startsWith('data:')) return true;
  if (!url.startsWith('file:')) return false;
  let file: string;
  try {
    file = path.resolve(fileURLToPath(url));
  } catch {
    return false;
  }
  return roots.some((root) => {
    const rel = path.relative(path.resolve(root), file);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}

/** Turns on interception for `page`; returns the list that collects the refused URLs. */
export async function guardRequests(page: Page, roots: readonly string[]): Promise<string[]> {
  const refused: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (isAllowedUrl(url, roots)) {
      void request.continue();
    } else {
      refused.push(url);
      void request.abort('blockedbyclient');
    }
  });
  return refused;
}

export const refusedRequestWarning = (url: string): string =>
  `打印时拒绝了对外部资源的请求：${url.length > 200 ? `${url.slice(0, 200)}…` : url}（打印只读取本地模板和字体文件）`;
