/**
 * Print documents load their fonts and template assets from local folders by file URL. Shown in
 * a browser over HTTP they cannot, so the preview rewrites those URLs to `/__nianbao/assets/<n>/…`
 * and serves exactly the folders the documents named — nothing else on the disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';

const PREFIX = '/__nianbao/assets/';

const TYPES: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

export class AssetRoots {
  #roots: string[] = [];

  owns(pathname: string): boolean {
    return pathname.startsWith(PREFIX);
  }

  /** Rewrites file URLs under `roots` in `html` to served paths. */
  rewrite(html: string, roots: readonly string[]): string {
    let out = html;
    for (const root of roots) {
      const resolved = path.resolve(root);
      let index = this.#roots.indexOf(resolved);
      if (index < 0) index = this.#roots.push(resolved) - 1;
      const href = pathToFileURL(resolved).href.replace(/\/?$/, '/');
      out = out.replaceAll(href, `${PREFIX}${index}/`);
    }
    return out;
  }

  serve(pathname: string, res: ServerResponse): void {
    const [index, ...rest] = pathname.slice(PREFIX.length).split('/');
    const root = this.#roots[Number(index)];
    const file = root ? path.resolve(root, ...rest) : null;
    const inside = root && file && !path.relative(root, file).startsWith('..') && fs.existsSync(file) && fs.statSync(file).isFile();
    if (!inside) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'Cache-Control': 'max-age=3600' });
    fs.createReadStream(file).pipe(res);
  }
}
