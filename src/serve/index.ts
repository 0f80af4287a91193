/**
 * `nianbao serve`: a local preview server on 127.0.0.1. Every report's web page and print
 * previews are rebuilt in memory when asked for; saving a data file or a template rebuilds the
 * reports it concerns and reloads the open pages through Server-Sent Events. PDFs and DOCX are
 * made on request with one lazily launched printer.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { discoverData } from '../load/discover.ts';
import type { NianbaoOptions } from '../options.ts';
import { previewRenderer, type BuildStages } from '../build/preview-renderer.ts';
import { makeAssets } from '../print/print-document.ts';
import { AssetRoots } from './assets.ts';
import { createLiveReload, EVERYTHING, EVENTS_PATH, injectReloadScript } from './live-reload.ts';
import { diagnosticsPage, indexPage, notFoundPage } from './pages.ts';
import { previewKey, Previews } from './previews.ts';
import { reportRoute } from './routes.ts';
import { watchSources, type ChangeBatch } from './watch.ts';

export interface ServeHooks {
  stages?: BuildStages;
  /** Called after a change was rebuilt and announced, with the keys announced (for tests and logs). */
  onReload?: (keys: string[]) => void;
}

export interface PreviewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const INDEX_KEY = 'index';

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export async function serve(options: NianbaoOptions, hooks: ServeHooks = {}): Promise<PreviewServer> {
  const previews = new Previews(options, previewRenderer(options, hooks.stages));
  const live = createLiveReload();
  const assets = new AssetRoots();

  const send = (res: http.ServerResponse, status: number, type: string, body: string | Uint8Array) => {
    res.writeHead(status, { 'Content-Type': CONTENT_TYPES[type] ?? type, 'Cache-Control': 'no-store' });
    res.end(body);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pathname = decodeURIComponent(url.pathname);
    if (pathname === EVENTS_PATH) return live.connect(req, res);
    if (assets.owns(pathname)) return assets.serve(pathname, res);
    if (pathname === '/') {
      const data = await discoverData(options.dataDir);
      const agencies = await Promise.all(
        data.agencies.map(async (a) => ({
          id: a.id,
          years: await Promise.all(a.years.map(async ({ year }) => ({ year, status: await previews.status(a.id, year) }))),
        })),
      );
      return send(res, 200, 'html', injectReloadScript(indexPage(agencies, options.dataDir), INDEX_KEY));
    }
    const route = reportRoute(pathname);
    if (!route || !previews.exists(route.agencyId, route.year)) {
      return send(res, 404, 'html', injectReloadScript(notFoundPage(`数据目录中没有 ${pathname}`), INDEX_KEY));
    }
    const key = previewKey(route.agencyId, route.year);
    if (route.view === 'redirect') {
      res.writeHead(302, { Location: `${pathname}/` });
      return res.end();
    }
    const preview = await previews.get(route.agencyId, route.year);
    const rendered = preview.rendered;
    if (!rendered) return send(res, 200, 'html', injectReloadScript(diagnosticsPage(preview), key));
    if (route.view === 'page' || route.view === 'fragment') {
      const html = route.view === 'page' ? rendered.web.indexHtml : rendered.web.fragmentHtml;
      return send(res, 200, 'html', injectReloadScript(html, key));
    }
    if (route.view === 'print') {
      const doc = route.document === 'report' ? rendered.print.report : rendered.print.letter;
      if (!doc) return send(res, 404, 'html', notFoundPage('该年度没有函'));
      // The browser reads the files straight from the asset folders: the font subsets must be there.
      await makeAssets(doc);
      return send(res, 200, 'html', injectReloadScript(assets.rewrite(doc.html, doc.assetRoots), key));
    }
    const bytes = await previews.output(rendered, route.output);
    if (!bytes) return send(res, 404, 'html', notFoundPage(`该年度没有函，因此没有 ${route.output}`));
    return send(res, 200, route.output.endsWith('.pdf') ? 'pdf' : 'docx', bytes);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `预览出错：${error instanceof Error ? error.message : String(error)}`);
      else res.end();
    });
  });

  const onChange = async (batch: ChangeBatch) => {
    const everything = batch.affected.some((a) => a.kind === 'everything');
    const keys = new Set<string>();
    for (const a of batch.affected) {
      if (a.kind === 'report') for (const y of a.years) keys.add(previewKey(a.agencyId, y));
      if (a.kind === 'agency') for (const k of previews.keysOf(a.agencyId)) keys.add(k);
    }
    await previews.refresh(everything ? null : [...keys]);
    // The index shows each report's status, so it reloads with any report.
    const announced = everything ? [EVERYTHING] : [...keys, ...(keys.size || batch.structural ? [INDEX_KEY] : [])];
    for (const key of announced) live.reload(key);
    hooks.onReload?.(announced);
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`端口 ${options.serve.port} 已被占用，请用 --port 换一个端口`) : error),
    );
    server.listen(options.serve.port, HOST, () => resolve());
  });
  const watcher = watchSources(options.dataDir, options.templatesDir, (batch) => void onChange(batch));
  await watcher.ready;
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}/`,
    port,
    async close() {
      live.close();
      await watcher.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await previews.close();
    },
  };
}
