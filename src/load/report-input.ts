/** Loads what one report depends on: its agency file, its year file and the previous year's file. */
import path from 'node:path';
import { AGENCY_FILE } from './discover.ts';
import { readIfExists, type SourceCache } from './source-cache.ts';
import { readSourceFile, type SourceFile } from './source-file.ts';

export interface ReportInput {
  agencyId: string;
  year: number;
  /** Absolute folder of the agency (for per-agency templates). */
  agencyDir: string;
  /** Null when agency.yaml is missing (reported by discovery). */
  agency: SourceFile | null;
  report: SourceFile;
  /** Last year's file, for the cross-year rules, when it exists. */
  previous: SourceFile | null;
}

/**
 * `sources` shares the files between the reports of one run (agency.yaml, a year file that is the
 * next year's `previous`); without it every file is read afresh.
 */
/**
 * The name an agency.yaml's data gives, read before the file is checked so that messages can name
 * the agency even when its file fails; `fallback` when it gives none.
 */
export const agencyNameOf = (data: unknown, fallback: string): string => {
  const name = (data as { name?: unknown } | null | undefined)?.name;
  return typeof name === 'string' && name ? name : fallback;
};

export async function loadReportInput(agencyDir: string, year: number, sources?: SourceCache, reportFile?: string): Promise<ReportInput> {
  const read = (file: string) => (sources ? sources.readIfExists(file) : readIfExists(file));
  // The file discovery found, when known: a name is never rebuilt from the year it stands for.
  const reportPath = reportFile ?? path.join(agencyDir, `${year}.yaml`);
  const [agency, report, previous] = await Promise.all([
    read(path.join(agencyDir, AGENCY_FILE)),
    // A missing year file fails with the read's own error (ENOENT), as without a cache.
    read(reportPath).then((source) => source ?? readSourceFile(reportPath)),
    read(path.join(agencyDir, `${year - 1}.yaml`)),
  ]);
  return { agencyId: path.basename(agencyDir), year, agencyDir, agency, report, previous };
}
