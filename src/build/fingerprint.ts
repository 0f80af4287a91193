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
import { createHash } from 'node:crypto';
import { PACKAGE_ROOT } from '../options.ts';
import { AGENCY_FILE } from '../load/discover.ts';

type Entry = [label: string, digest: string];

const digest = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

const combine = (entries: Entry[]): string =>
  digest(entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e.join(' ')).join('\n'));

async function fileEntry(label: string, file: string): Promise<Entry> {
  const bytes = await fs.readFile(file).catch(() => null);
  return [label, bytes ? digest(bytes) : 'absent'];
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

export async function reportFingerprint(toolchain: string, agencyDir: string, year: number): Promise<string> {
  const parts = await Promise.all([
    fileEntry('agency', path.join(agencyDir, AGENCY_FILE)).then((e) => [e]),
    fileEntry('report', path.join(agencyDir, `${year}.yaml`)).then((e) => [e]),
    fileEntry('previous', path.join(agencyDir, `${year - 1}.yaml`)).then((e) => [e]),
    folderEntries('agency-templates', path.join(agencyDir, 'templates')),
  ]);
  const entries = parts.flat();
  entries.push(['toolchain', toolchain], ['year', String(year)]);
  return combine(entries);
}
