/**
 * The fingerprint of a report: a hash of everything its outputs depend on. Equal fingerprints
 * mean the outputs in `out/` are current and the report can be skipped.
 *
 * Inputs: the report's year file, the previous year's file (cross-year rules), agency.yaml, the
 * agency's template overrides, and a toolchain part shared by all reports — nianbao's version and
 * sources, the built-in templates (with their CSS and fonts), the locked dependency versions and
 * the versions of the font packages (hashing their hundreds of megabytes would cost more than it
 * tells). Contents only, never paths or times, so fingerprints agree across machines.
 */
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../options.ts';
import { AGENCY_FILE } from '../load/discover.ts';
import { OVERRIDES_FOLDER } from '../render/html/template-files.ts';
import { sha256 as digest } from '../write/manifest.ts';

type Entry = [label: string, digest: string];

const combine = (entries: Entry[]): string =>
  digest(entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e.join(' ')).join('\n'));

// Reads here are synchronous: the inputs are small local files, read once per build, and a
// synchronous read takes microseconds where a promise-based one makes four trips through libuv's
// thread pool. A build whose reports are all current does little else.
const fileDigest = async (file: string): Promise<string> => {
  try {
    return digest(readFileSync(file));
  } catch {
    return 'absent';
  }
};

async function fileEntry(label: string, file: string): Promise<Entry> {
  return [label, await fileDigest(file)];
}

/** Every file below `dir` (none when it does not exist), labelled by its path relative to `dir`. */
async function folderEntries(label: string, dir: string): Promise<Entry[]> {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  const entries: Entry[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    if (!statSync(full, { throwIfNoEntry: false })?.isFile()) continue;
    entries.push([`${label}/${name.split(path.sep).join('/')}`, digest(readFileSync(full))]);
  }
  return entries;
}

/** The bundle the running code comes from (dist/<stamp>/), or null when it runs from src/. */
const BUNDLE_DIR = path.dirname(import.meta.dirname) === path.join(PACKAGE_ROOT, 'dist') ? import.meta.dirname : null;

const isEntryList = (value: unknown): value is Entry[] =>
  Array.isArray(value) && value.every((e) => Array.isArray(e) && e.length === 2 && e.every((part) => typeof part === 'string'));

/**
 * The entries of src/. A bundle's stamp changes with every file of src/, so the digests of the
 * source it was made from are kept in its folder: the first build from a bundle hashes src/, the
 * others read one file. Where the folder cannot be written, every build hashes src/.
 */
async function sourceEntries(): Promise<Entry[]> {
  const cache = BUNDLE_DIR && path.join(BUNDLE_DIR, 'src-digests.json');
  if (cache) {
    try {
      const kept: unknown = JSON.parse(readFileSync(cache, 'utf8'));
      if (isEntryList(kept)) return kept;
    } catch {
      // not written yet, or unreadable: hash src/
    }
  }
  const entries = await folderEntries('src', path.join(PACKAGE_ROOT, 'src'));
  if (cache) {
    try {
      writeFileSync(`${cache}.${process.pid}`, JSON.stringify(entries));
      renameSync(`${cache}.${process.pid}`, cache);
    } catch {
      // a read-only install
    }
  }
  return entries;
}

async function fontPackageEntries(): Promise<Entry[]> {
  const scope = path.join(PACKAGE_ROOT, 'node_modules', '@fontsource');
  let names: string[] = [];
  try {
    names = readdirSync(scope);
  } catch {
    // no font packages installed
  }
  return Promise.all(names.map((name) => fileEntry(`font:${name}`, path.join(scope, name, 'package.json'))));
}

/** The toolchain part of every fingerprint; computed once per build. */
export async function toolchainFingerprint(templatesDir: string): Promise<string> {
  const parts = await Promise.all([
    fileEntry('package.json', path.join(PACKAGE_ROOT, 'package.json')).then((e) => [e]),
    fileEntry('package-lock.json', path.join(PACKAGE_ROOT, 'package-lock.json')).then((e) => [e]),
    sourceEntries(),
    folderEntries('templates', templatesDir),
    fontPackageEntries(),
  ]);
  const entries = parts.flat();
  return combine(entries);
}

/**
 * Everything besides a report's own files that its outputs depend on: the toolchain and the font
 * files chosen, so another font file for a role rebuilds the reports. `fixed` replaces the
 * toolchain part (tests: edits to src/ meanwhile must not count).
 */
export async function buildInputsFingerprint(templatesDir: string, fontDigest: string, fixed?: string): Promise<string> {
  return `${fixed ?? (await toolchainFingerprint(templatesDir))} fonts:${fontDigest}`;
}

function memoize<T>(work: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const started = new Map<string, Promise<T>>();
  return (key) => {
    let result = started.get(key);
    if (!result) started.set(key, (result = work(key)));
    return result;
  };
}

export type ReportFingerprint = (agencyDir: string, year: number) => Promise<string>;

/**
 * The report fingerprints of one build. Reports share inputs — every year of an agency its
 * agency.yaml and templates, the next year each year file — so each is read and hashed once per build.
 */
export function reportFingerprints(toolchain: string): ReportFingerprint {
  const file = memoize(fileDigest);
  const folder = memoize((dir) => folderEntries('agency-templates', dir));
  return async (agencyDir, year) => {
    const [agency, report, previous, templates] = await Promise.all([
      file(path.join(agencyDir, AGENCY_FILE)),
      file(path.join(agencyDir, `${year}.yaml`)),
      file(path.join(agencyDir, `${year - 1}.yaml`)),
      folder(path.join(agencyDir, OVERRIDES_FOLDER)),
    ]);
    return combine([
      ['agency', agency],
      ['report', report],
      ['previous', previous],
      ...templates,
      ['toolchain', toolchain],
      ['year', String(year)],
    ]);
  };
}
