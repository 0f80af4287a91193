/**
 * Writes the portal files directly under `out/`: index.html, data.json, tables.csv and
 * tables.xlsx, each atomically and only when its content changed. A build writes them from its
 * results; `nianbao portal` (./assemble.ts) from the manifests of shard outputs.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AgencyEntry } from '../../load/discover.ts';
import { PACKAGE_ROOT } from '../../options.ts';
import { writeOutputFile } from '../../write/output-file.ts';
import { writeStreamedOutputFile } from '../../write/streamed-output-file.ts';
import type { Staging } from '../../write/staging.ts';
import type { ReportResult } from '../report-job.ts';
import type { IndexPageOptions } from './index-page.ts';
import { dataJson, tablesCsvChunks } from './open-data.ts';
import { portalEntries, type PortalEntry } from './portal-entries.ts';
import { PORTAL_MANIFEST, portalCurrent, portalInputs, portalManifestText } from './portal-manifest.ts';

const PORTAL_FILES = ['index.html', 'data.json', 'tables.csv'] as const;
const WORKBOOK = 'tables.xlsx';

const exists = (file: string) => fs.access(file).then(() => true, () => false);

async function allTablesWorkbook(entries: readonly PortalEntry[]): Promise<Uint8Array> {
  const { tablesWorkbook } = await import('../../export/xlsx/tables-workbook.ts');
  const published = entries.filter((e) => e.manifest);
  return tablesWorkbook(published.map((e) => ({ caption: `${e.agencyName} ${e.year}年度`, tables: e.manifest!.tables })));
}

async function generator(): Promise<string> {
  const pkg = JSON.parse(await fs.readFile(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return `nianbao ${pkg.version}`;
}

/** The portal of a build: this build's results, and what `out/` holds for the rest. Returns the names of the files that changed. */
export async function writePortal(
  staging: Staging,
  agencies: readonly AgencyEntry[],
  results: readonly ReportResult[],
  page: IndexPageOptions = {},
): Promise<string[]> {
  return writePortalFiles(staging, await portalEntries(staging.outDir, agencies, results), page);
}

/**
 * Writes the portal files of `entries`, one at a time (at a province's scale each is large), and
 * the portal's manifest; nothing when the manifest shows them current. Returns the names of the
 * files that changed.
 */
export async function writePortalFiles(staging: Staging, entries: readonly PortalEntry[], page: IndexPageOptions = {}): Promise<string[]> {
  const made = await generator();
  // The page options change index.html, so they are an input like the reports.
  const inputs = portalInputs(entries, page.review ? `${made} review` : made);
  if (await portalCurrent(staging.outDir, inputs, [...PORTAL_FILES, WORKBOOK])) return [];
  // The page's code (templates, charts) loads only for a portal that changed: a no-op build has none.
  const { indexPage } = await import('./index-page.ts');
  const contents: Record<(typeof PORTAL_FILES)[number], () => Iterable<string>> = {
    'index.html': () => [indexPage(entries, page)],
    'data.json': () => [dataJson(entries, made)],
    'tables.csv': () => tablesCsvChunks(entries),
  };
  const written: string[] = [];
  for (const name of PORTAL_FILES) {
    if (await writeStreamedOutputFile(staging, name, contents[name]())) written.push(name);
  }
  // The workbook holds what tables.csv holds: made (and exceljs loaded) only when that changed.
  if (written.includes('tables.csv') || !(await exists(path.join(staging.outDir, WORKBOOK)))) {
    if (await writeOutputFile(staging, WORKBOOK, await allTablesWorkbook(entries))) written.push(WORKBOOK);
  }
  await writeOutputFile(staging, PORTAL_MANIFEST, await portalManifestText(staging.outDir, inputs, [...PORTAL_FILES, WORKBOOK]));
  return written;
}
