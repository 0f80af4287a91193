/** Loads what one report depends on: its agency file, its year file and the previous year's file. */
import path from 'node:path';
import fs from 'node:fs/promises';
import { readSourceFile, type SourceFile } from './source-file.ts';
import { AGENCY_FILE } from './discover.ts';

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

const exists = (p: string) => fs.access(p).then(() => true, () => false);

export async function loadReportInput(agencyDir: string, year: number): Promise<ReportInput> {
  const agencyPath = path.join(agencyDir, AGENCY_FILE);
  const previousPath = path.join(agencyDir, `${year - 1}.yaml`);
  const [agency, report, previous] = await Promise.all([
    exists(agencyPath).then((ok) => (ok ? readSourceFile(agencyPath) : null)),
    readSourceFile(path.join(agencyDir, `${year}.yaml`)),
    exists(previousPath).then((ok) => (ok ? readSourceFile(previousPath) : null)),
  ]);
  return { agencyId: path.basename(agencyDir), year, agencyDir, agency, report, previous };
}
