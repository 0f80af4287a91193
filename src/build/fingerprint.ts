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
import fs from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../options.ts';
import { AGENCY_FILE } from '../load/discover.ts';
import { OVERRIDES_FOLDER } from '../render/html/template-files.ts';
import { sha256 as digest } from '../write/manifest.ts';

type Entry = [label: string, digest: string];

const combine = (entries: Entry[]): string =>
  digest(entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e.join(' ')).join('\n'));

const fileDigest = (file: string): Promise<string> => fs.readFile(file).then(digest, () => 'absent');

async function fileEntry(label: string, file: string): Promise<Entry> {
  return [label, await fileDigest(file)];
}

/** Every file below `dir` (none when it does not exist), labelled by its path relative to `dir`. */
async function folderEntries(label: string, dir: string): Promise<Entry[]> {
  const names = await fs.readdir(dir, { recursive: true }).catch(() => [] as string[]);
  const entries = await Promise.all(
    names.map(async (name): Promise<Entry | null> => {
      const full = path.join(dir, name);
      const stat = await fs.stat(full).catch(() => null);
      if (!stat?.isFile()) return null;
      return [`${label}/${name.split(path.sep).join('/')}`, digest(await fs.readFile(full))];
    }),
  );
  return entries.filter((e): e is Entry => e !== null);
}

async function fontPackageEntries(): Promise<Entry[]> {
  const scope = path.join(PACKAGE_ROOT, 'node_modules', '@fontsource');
  const names = await fs.readdir(scope).catch(() => [] as string[]);
  return Promise.all(names.map((name) => fileEntry(`font:${name}`, path.join(scope, name, 'package.json'))));
}

/** The toolchain part of every fingerprint; computed once per build. */
export async function toolchainFingerprint(templatesDir: string): Promise<string> {
  const parts = await Promise.all([
    fileEntry('package.json', path.join(PACKAGE_ROOT, 'package.json')).then((e) => [e]),
    fileEntry('package-lock.json', path.join(PACKAGE_ROOT, 'package-lock.json')).then((e) => [e]),
    folderEntries('src', path.join(PACKAGE_ROOT, 'src')),
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
