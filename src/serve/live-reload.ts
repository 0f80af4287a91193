/**
 * Live reload for the preview: pages served by `nianbao serve` carry a tiny script that listens
 * to a Server-Sent Events stream and reloads when its report (or everything) was rebuilt. The
 * script exists only in served pages, never in built output.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const EVENTS_PATH = '/__nianbao/events';
/** Sent for changes that concern every page (built-in templates, the list of reports). */
export const EVERYTHING = '*';

export interface LiveReload {
  /** Handles a request for the event stream. */
  connect(req: IncomingMessage, res: ServerResponse): void;
  /** Tells pages of `key` (`<agency>/<year>`, or EVERYTHING) to reload. */
  reload(key: string): void;
  /** Ends every open stream (the server is closing). */
  close(): void;
  readonly clients: number;
}

/** Keeps proxies and browsers from dropping an idle stream. */
const HEARTBEAT_MS = 25_000;

export function createLiveReload(): LiveReload {
  const clients = new Set<ServerResponse>();
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': keep-alive\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    connect(req, res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write('retry: 500\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
    },
    reload(key) {
      for (const res of clients) res.write(`event: reload\ndata: ${key}\n\n`);
    },
    close() {
      clearInterval(heartbeat);
      for (const res of clients) res.end();
      clients.clear();
    },
    get clients() {
      return clients.size;
    },
  };
}

/** Inserts the reload script for `key` before `</body>` (or at the end of a fragment). */
export function injectReloadScript(html: string, key: string): string {
  const script = `<script>(() => {
  const key = ${JSON.stringify(key)};
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener('reload', (e) => { if (e.data === key || e.data === ${JSON.stringify(EVERYTHING)}) location.reload(); });
})();</script>`;
  const at = html.lastIndexOf('</body>');
  return at < 0 ? `${html}\n${script}\n` : `${html.slice(0, at)}${script}\n${html.slice(at)}`;
}
