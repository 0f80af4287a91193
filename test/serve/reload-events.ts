/**
 * A client of the preview server's reload stream (src/serve/live-reload.ts): the keys of the
 * `reload` events it announces. Free of vitest, so that `npm run bench` times reloads with it too.
 */
import http from 'node:http';
import { EVENTS_PATH } from '../../src/serve/live-reload.ts';

export interface ReloadEvents {
  /**
   * Resolves once the server holds the stream: it announces only to streams it holds, so a save
   * made before then may never be announced here (a fixed pause was not enough on a busy machine).
   */
  connected: Promise<void>;
  /** Keys announced so far, oldest first; empty it to wait for a fresh announcement. */
  events: string[];
  /** Resolves once `key` is among `events` (at once when it already is). */
  next(key: string, timeoutMs?: number): Promise<void>;
  close(): void;
}

export function reloadEvents(serverUrl: string): ReloadEvents {
  const events: string[] = [];
  const waiters: Array<() => void> = [];
  let markConnected!: () => void;
  let failConnecting!: (error: Error) => void;
  const connected = new Promise<void>((resolve, reject) => {
    markConnected = resolve;
    failConnecting = reject;
  });
  const request = http.get(new URL(EVENTS_PATH, serverUrl), (res) => {
    // The server adds a stream to those it announces to before it answers (live-reload.ts).
    markConnected();
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const key = /^event: reload\ndata: (.*)$/.exec(buffer.slice(0, end))?.[1];
        buffer = buffer.slice(end + 2);
        if (key !== undefined) events.push(key);
        waiters.splice(0).forEach((w) => w());
      }
    });
  });
  request.on('error', failConnecting);
  // A caller that never waits for the connection is not failed by it (close() may end it too).
  connected.catch(() => undefined);
  return {
    connected,
    events,
    next(key, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no reload event for ${key}; got ${events.join(', ')}`)), timeoutMs);
        const check = () => {
          if (events.includes(key)) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () => request.destroy(),
  };
}
