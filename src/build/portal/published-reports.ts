/**
 * The reports an output folder holds, read from their manifests alone (`out/<agency>/<year>/
 * manifest.json`): what `nianbao portal` builds the index and the open data from, with no data
 * folder and no gate. Ordered as a build orders them: agencies by id, years ascending.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { AGENCY_ID_PATTERN } from '../../load/discover.ts';
import { readManifest, type ReportManifest } from '../../write/manifest.ts';
import type { PortalEntry } from './portal-entries.ts';

export interface PublishedReport {
  folder: string;
  manifest: ReportManifest;
}

const subfolders = async (dir: string): Promise<string[]> =>
  (await fs.readdir(dir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory()).map((e) => e.name);

/** Every `<agency>/<year>/` below `outDir` with a readable manifest that names that agency and year. */
export async function publishedReports(outDir: string): Promise<PublishedReport[]> {
  const agencies = (await subfolders(outDir)).filter((name) => AGENCY_ID_PATTERN.test(name)).sort((a, b) => a.localeCompare(b));
  const found: PublishedReport[] = [];
  for (const agencyId of agencies) {
    const years = (await subfolders(path.join(outDir, agencyId))).filter((n) => /^\d{4}$/.test(n)).map(Number).sort((a, b) => a - b);
    const manifests = await Promise.all(years.map((year) => readManifest(path.join(outDir, agencyId, String(year)))));
    manifests.forEach((manifest, i) => {
      if (manifest?.agencyId === agencyId && manifest.year === years[i]) {
        found.push({ folder: path.join(outDir, agencyId, String(manifest.year)), manifest });
      }
    });
  }
  return found;
}

/** A published report's line of the portal: it passed the check when it was built. */
export function entryOfManifest(manifest: ReportManifest): PortalEntry {
  return {
    agencyId: manifest.agencyId,
    agencyName: manifest.agencyName,
    year: manifest.year,
    check: manifest.warnings.length ? 'warnings' : 'passed',
    warnings: manifest.warnings.length,
    errors: 0,
    manifest,
  };
}
