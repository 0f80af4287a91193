/**
 * Writes a single file directly under `out/` (the portal index, the open data) atomically: the
 * bytes go to the staging folder first and replace the old file with one rename. Unchanged
 * content is left alone, so a no-op build touches nothing.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { makeDir } from './make-dir.ts';
import type { Staging } from './staging.ts';
import { guardWrite } from './write-failure.ts';

/** Returns true when the file was written, false when it already held these bytes. */
export async function writeOutputFile(staging: Staging, name: string, content: string | Uint8Array): Promise<boolean> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  const target = path.join(staging.outDir, name);
  const current = await fs.readFile(target).catch(() => null);
  if (current?.equals(bytes)) return false;
  return guardWrite(target, async () => {
    const dir = await staging.makeDir('file');
    const temp = path.join(dir, path.basename(name));
    await fs.writeFile(temp, bytes);
    await makeDir(path.dirname(target));
    await fs.rename(temp, target);
    return true;
  });
}
