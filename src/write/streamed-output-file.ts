/**
 * writeOutputFile for a file too large to hold as one string (the portal's tables.csv: about
 * 50 MB per thousand reports, beyond V8's longest string at a province's scale): the text comes in
 * chunks and is written to the staging folder as it comes, hashed on the way, then compared with
 * the current file by hash and moved in with one rename when it differs.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { makeDir } from './make-dir.ts';
import type { Staging } from './staging.ts';
import { guardWrite } from './write-failure.ts';

/** Text is gathered into writes of about this many characters. */
const WRITE_CHARS = 1 << 20;

async function fileHash(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Returns true when the file was written, false when it already held these bytes. */
export async function writeStreamedOutputFile(staging: Staging, name: string, chunks: Iterable<string>): Promise<boolean> {
  const target = path.join(staging.outDir, name);
  return guardWrite(target, async () => {
    const dir = await staging.makeDir('file');
    const temp = path.join(dir, path.basename(name));
    const hash = createHash('sha256');
    let bytes = 0;
    const handle = await fs.open(temp, 'w');
    try {
      let pending: string[] = [];
      let chars = 0;
      const flush = async () => {
        const buffer = Buffer.from(pending.join(''), 'utf8');
        pending = [];
        chars = 0;
        hash.update(buffer);
        bytes += buffer.byteLength;
        await handle.write(buffer);
      };
      for (const chunk of chunks) {
        pending.push(chunk);
        chars += chunk.length;
        if (chars >= WRITE_CHARS) await flush();
      }
      await flush();
    } finally {
      await handle.close();
    }
    const current = await fs.stat(target).catch(() => null);
    if (current?.size === bytes && (await fileHash(target)) === hash.digest('hex')) {
      await fs.rm(temp);
      return false;
    }
    await makeDir(path.dirname(target));
    await fs.rename(temp, target);
    return true;
  });
}
