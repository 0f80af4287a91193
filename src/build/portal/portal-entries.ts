/**
 * One line of the portal per agency and year of the data folder: what this build found, or, for a
 * report outside this build (narrowed by --agency/--year), what its manifest in `out/` says.
 */
import type { AgencyEntry } from '../../load/discover.ts';
import { readManifest, type ReportManifest } from '../../write/manifest.ts';
import { reportFolder } from '../../write/report-folder.ts';
import type { ReportResult } from '../report-job.ts';
import { entryOfManifest } from './published-reports.ts';

export type CheckStatus = 'passed' | 'warnings' | 'failed' | 'unknown';

export interface PortalEntry {
  agencyId: string;
  agencyName: string;
  year: number;
  check: CheckStatus;
  warnings: number;
  errors: number;
  /** What `out/` holds for the report; when the check failed, the last good output (if any). */
  manifest: ReportManifest | null;
}

export async function portalEntries(
  outDir: string,
  agencies: readonly AgencyEntry[],
  results: readonly ReportResult[],
): Promise<PortalEntry[]> {
  const byKey = new Map(results.map((r) => [`${r.agencyId}@${r.year}`, r]));
  const entries: PortalEntry[] = [];
  for (const agency of agencies) {
    for (const { year } of agency.years) {
      const result = byKey.get(`${agency.id}@${year}`);
      if (result) {
        const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
        const warnings = result.diagnostics.length - errors;
        const failed = result.status === 'failed' || result.status === 'interrupted';
        entries.push({
          agencyId: agency.id,
          agencyName: result.published?.agencyName ?? result.agencyName,
          year,
          check: failed ? 'failed' : warnings ? 'warnings' : 'passed',
          warnings,
          errors,
          manifest: result.published,
        });
        continue;
      }
      const manifest = await readManifest(reportFolder(outDir, agency.id, year));
      entries.push(
        manifest
          ? entryOfManifest(manifest)
          : { agencyId: agency.id, agencyName: agency.id, year, check: 'unknown', warnings: 0, errors: 0, manifest: null },
      );
    }
  }
  return entries;
}
