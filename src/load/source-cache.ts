/**
 * The data files of one run (a check or a build), each read and parsed once: a year file serves as
 * its own report and as the next year's `previous`, and agency.yaml serves every year of its agency.
 * Made per run, never shared across runs, so that `serve` sees every edit.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { SourceFile } from './source-file.ts';

export class SourceCache {
  readonly #files = new Map<string, Promise<SourceFile | null>>();

  /** The parsed file at `file`, or null when there is none; I/O errors other than a missing file reject. */
  readIfExists(file: string): Promise<SourceFile | null> {
    const absolute = path.resolve(file);
    let source = this.#files.get(absolute);
    if (!source) {
      source = readIfExists(absolute);
      this.#files.set(absolute, source);
    }
    return source;
  }
}

/** Reads `absolute` without a cache, as {@link SourceCache.readIfExists} does. */
export const readIfExists = (absolute: string): Promise<SourceFile | null> =>
  fs.access(absolute).then(
    // The parser loads with the first file read, not with the build: a build whose reports are
    // all current reads none.
    () => import('./source-file.ts').then(({ readSourceFile }) => readSourceFile(absolute)),
    () => null,
  );
