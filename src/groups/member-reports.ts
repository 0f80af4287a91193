/**
 * Each member agency's report of one year through the gate, as the office reviewing the group
 * needs it: passed, passed with warnings, failed (with every finding) or missing (no file).
 */
import path from 'node:path';
import { checkReport } from '../check/index.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { AgencyEntry } from '../load/discover.ts';
import { agencyNameOf, loadReportInput } from '../load/report-input.ts';
import type { SourceCache } from '../load/source-cache.ts';
import type { ReportModel } from '../model/report-model.ts';
import type { NianbaoOptions } from '../options.ts';

export type MemberStatus = 'passed' | 'warnings' | 'failed' | 'missing';

export interface MemberReport {
  agencyId: string;
  agencyName: string;
  year: number;
  status: MemberStatus;
  diagnostics: Diagnostic[];
  /** The checked report; null when it failed or is missing. */
  model: ReportModel | null;
}

export async function memberReport(
  agency: AgencyEntry,
  year: number,
  options: NianbaoOptions,
  sources: SourceCache,
): Promise<MemberReport> {
  const base = { agencyId: agency.id, agencyName: agency.id, year, diagnostics: [] as Diagnostic[], model: null };
  if (agency.agencyFile) base.agencyName = agencyNameOf((await sources.readIfExists(agency.agencyFile))?.data, agency.id);
  if (!agency.years.some((y) => y.year === year)) return { ...base, status: 'missing' };
  const input = await loadReportInput(agency.dir, year, sources);
  const gate = await checkReport(input, options);
  const status: MemberStatus = !gate.model || gate.failed ? 'failed' : gate.diagnostics.length ? 'warnings' : 'passed';
  return { ...base, diagnostics: gate.diagnostics, model: status === 'failed' ? null : gate.model, status };
}

/** Every member's report of `year`, in the group's order; an id the data folder lacks counts as missing. */
export async function memberReports(
  members: readonly string[],
  agencies: readonly AgencyEntry[],
  year: number,
  options: NianbaoOptions,
  sources: SourceCache,
): Promise<MemberReport[]> {
  return Promise.all(
    members.map((id) => {
      const agency = agencies.find((a) => a.id === id) ?? { id, dir: path.join(options.dataDir, id), agencyFile: null, years: [] };
      return memberReport(agency, year, options, sources);
    }),
  );
}
