/**
 * While a document prints, it may read only the build's own local files: the font files and
 * template assets under its asset folders. Everything else is refused, and every refusal is
 * reported, so a template or a text that points at the network is noticed.
 *
 * The page is served by an in-process handler rather than from file: URLs: the document and its
 * files come from a private origin (PRINT_ORIGIN, answered through the page's own DevTools
 * session with the Fetch domain, never over a socket) with long cache lifetimes. Chrome does not
 * cache file: resources from one document to the next, and Puppeteer's request interception turns
 * its cache off; this way a font file the first document loaded is taken from memory by every
 * later document on the page, without a request. Whatever does reach the handler and is not the
 * document or a file inside its folders is refused.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CDPSession, Page, Protocol } from 'puppeteer-core';

/** The origin documents are printed from; `.invalid` can never name a real host. */
export const PRINT_ORIGIN = 'http://nianbao.invalid';

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

/** The HTML as served: its file: URLs (font files, template assets) moved onto the print origin. */
export function servedHtml(html: string): string {
  return html.replace(/(url\(\s*['"]?|(?:src|href)=["'])file:\/\/\//g, `$1${PRINT_ORIGIN}/file/`);
}

/** The file: URL a print-origin URL stands for, or null when it names no file. */
export function fileUrlOf(url: string): string | null {
  const prefix = `${PRINT_ORIGIN}/file/`;
  return url.startsWith(prefix) ? pathToFileURL(fileURLToPath(`file:///${url.slice(prefix.length).split(/[?#]/)[0]}`)).href : null;
}

const CONTENT_TYPES: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

export interface ServedDocument {
  /** The URL to open the document at. */
  url: string;
  /** The document as served (its file: URLs on the print origin), for a page already on that origin. */
  html: string;
  /** Collects the refused URLs while the document prints. */
  refused: string[];
}

export interface PageGuard {
  /**
   * Serves `html` as the page's next document, with files under `roots` (absolute folders)
   * allowed; a file of `madeOnRead` is made before it is read.
   */
  serve(html: string, roots: readonly string[], madeOnRead?: ReadonlyMap<string, () => Promise<void>>): ServedDocument;
}

const guards = new WeakMap<Page, Promise<PageGuard>>();

/** The guard of `page`, attached on first use and kept while the page is reused. */
export function guardPage(page: Page): Promise<PageGuard> {
  let guard = guards.get(page);
  if (!guard) {
    guard = attach(page);
    guards.set(page, guard);
    guard.catch(() => guards.delete(page));
  }
  return guard;
}

interface Current {
  path: string;
  html: string;
  roots: readonly string[];
  madeOnRead: ReadonlyMap<string, () => Promise<void>>;
  refused: string[];
}

async function attach(page: Page): Promise<PageGuard> {
  const client: CDPSession = await page.createCDPSession();
  let current: Current | null = null;
  let count = 0;
  const fail = (requestId: string, reason: Protocol.Network.ErrorReason) =>
    client.send('Fetch.failRequest', { requestId, errorReason: reason }).catch(() => undefined);
  const fulfil = (requestId: string, body: Buffer, type: string) =>
    client
      .send('Fetch.fulfillRequest', {
        requestId,
        responseCode: 200,
        responseHeaders: [
          { name: 'Content-Type', value: type },
          // Files under the asset folders do not change during a build: cache them for good.
          { name: 'Cache-Control', value: 'public, max-age=31536000, immutable' },
        ],
        body: body.toString('base64'),
      })
      .catch(() => undefined);

  client.on('Fetch.requestPaused', (event: Protocol.Fetch.RequestPausedEvent) => {
    const { requestId } = event;
    const url = event.request.url;
    const doc = current;
    if (doc && url === `${PRINT_ORIGIN}${doc.path}`) return void fulfil(requestId, Buffer.from(doc.html), 'text/html; charset=utf-8');
    let file: string | null = null;
    try {
      file = fileUrlOf(url);
    } catch {
      file = null;
    }
    if (doc && file && isAllowedUrl(file, doc.roots)) {
      const name = fileURLToPath(file);
      const make = doc.madeOnRead.get(path.resolve(name));
      (make ? make() : Promise.resolve())
        .then(() => fs.readFile(name))
        .then(
          (body) => fulfil(requestId, body, CONTENT_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream'),
          () => fail(requestId, 'Failed'),
        );
      return;
    }
    doc?.refused.push(file ?? url);
    void fail(requestId, 'BlockedByClient');
  });
  await client.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] });
  return {
    serve(html, roots, madeOnRead = new Map()) {
      count += 1;
      const doc: Current = { path: `/doc/${count}.html`, html: servedHtml(html), roots: [...roots], madeOnRead, refused: [] };
      current = doc;
      return { url: `${PRINT_ORIGIN}${doc.path}`, html: doc.html, refused: doc.refused };
    },
  };
}

export const refusedRequestWarning = (url: string): string =>
  `打印时拒绝了对外部资源的请求：${url.length > 200 ? `${url.slice(0, 200)}…` : url}（打印只读取本地模板和字体文件）`;
