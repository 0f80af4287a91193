/** `serve`: from saving a data file to the preview's reload event, for a page that is open. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveOptions } from '../../src/options.ts';
import { serve } from '../../src/serve/index.ts';
import { reloadEvents } from '../../test/serve/reload-events.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureReloads(dataDir: string, agencyId: string, year: number, runs: number): Promise<number[]> {
  const server = await serve(resolveOptions({ dataDir, serve: { port: 0 } }));
  const events = reloadEvents(server.url);
  const key = `${agencyId}/${year}`;
  const samples: number[] = [];
  try {
    // Viewed once, so that a save rebuilds it, as it does for an open browser tab.
    await (await fetch(`${server.url}${key}/`)).text();
    const file = path.join(dataDir, agencyId, `${year}.yaml`);
    const original = await fs.readFile(file, 'utf8');
    await events.connected;
    await pause(200);
    for (let run = 1; run <= runs; run++) {
      events.events.length = 0;
      const started = performance.now();
      await fs.writeFile(file, `${original}\n# bench ${run}\n`);
      await events.next(key, 60_000); // a slow reload is a slow figure, not a crash
      samples.push(performance.now() - started);
      await pause(200);
    }
    await fs.writeFile(file, original);
  } finally {
    events.close();
    await server.close();
  }
  return samples;
}
