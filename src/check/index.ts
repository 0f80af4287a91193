/**
 * The gate (`nianbao check`, and the first stage of every build): the schema of every data file,
 * then every 勾稽 rule on the parts the schema accepted. Nothing here prints; callers format.
 */
import { hasErrors, sortDiagnostics, uniqueDiagnostics, type Diagnostic, type FindingsReport } from '../diagnostics/diagnostic.ts';
import path from 'node:path';
import { checkGroups } from '../groups/group-file.ts';
import { agenciesNotFound, agencyMissing, discoverData } from '../load/discover.ts';
import { isSelected } from '../load/path-selection.ts';
import { loadReportInput, type ReportInput } from '../load/report-input.ts';
import { SourceCache } from '../load/source-cache.ts';
import { readSourceFile, type SourceFile } from '../load/source-file.ts';
import { buildReportModel, type ReportModel } from '../model/report-model.ts';
import type { AgencyFile, YearFile } from '../model/types.ts';
import type { NianbaoOptions } from '../options.ts';
import { validateSource, type FileKind } from '../validate/index.ts';
import { runFamilies, type CheckedFile, type ReportContext } from './report-context.ts';
import { RULE_FAMILIES } from './rules/index.ts';

export interface ReportCheck {
  diagnostics: Diagnostic[];
  /** Built only when there are no errors (warnings do not prevent it). */
  model: ReportModel | null;
  /** Errors, or warnings under options.strict. */
  failed: boolean;
}

/** What `nianbao check` found; printed by diagnostics/format.ts. */
export type CheckSummary = FindingsReport;

const isFailure = (diagnostics: readonly Diagnostic[], strict: boolean) =>
  hasErrors(diagnostics) || (strict && diagnostics.length > 0);

function checkedFile<T>(source: SourceFile, kind: FileKind): { file: CheckedFile<T> | null; diagnostics: Diagnostic[] } {
  const { diagnostics, soundness } = validateSource(source, kind);
  const parsed = source.data !== null && typeof source.data === 'object' && !Array.isArray(source.data);
  return { file: parsed ? { data: source.data as T, source, soundness } : null, diagnostics };
}

/** Checks one report (its year file with its agency.yaml and last year's file) and builds its model when clean. */
export async function checkReport(input: ReportInput, options: NianbaoOptions): Promise<ReportCheck> {
  const diagnostics: Diagnostic[] = [];
  const agency = input.agency ? checkedFile<AgencyFile>(input.agency, 'agency') : null;
  diagnostics.push(...(agency ? agency.diagnostics : [agencyMissing(input.agencyDir, input.agencyId)]));
  const report = checkedFile<YearFile>(input.report, 'report');
  diagnostics.push(...report.diagnostics);
  // Last year's findings belong to last year's check; here it only serves the cross-year rules.
  const previous = input.previous ? checkedFile<YearFile>(input.previous, 'report').file : null;

  if (report.file) {
    const ctx: ReportContext = { year: input.year, report: report.file, agency: agency?.file ?? null, previous };
    diagnostics.push(...runFamilies(RULE_FAMILIES, ctx));
  }
  sortDiagnostics(diagnostics);
  const clean = !hasErrors(diagnostics) && report.file && agency?.file;
  return {
    diagnostics,
    model: clean ? buildReportModel(input.agencyId, agency.file!.data, report.file!.data) : null,
    failed: isFailure(diagnostics, options.strict),
  };
}

/** Checks every selected agency and year of the data folder, reporting all findings at once. */
export async function check(options: NianbaoOptions): Promise<CheckSummary> {
  const folder = await discoverData(options.dataDir);
  const cache = new SourceCache();
  const sources: Record<string, string> = {};
  const remember = (source: SourceFile | null) => {
    if (source) sources[source.file] = source.text;
  };

  const picked = (id: string) => (!options.agencies.length || options.agencies.includes(id)) && isSelected(options.reports, id, null);
  // A narrowed check answers for what it was asked about, not for an unrelated bad folder (an
  // office's own agency beside the one being committed); a missing data folder concerns every run.
  const narrowed = options.agencies.length > 0 || options.reports.length > 0;
  const pickedDirs = [...new Set([...options.agencies, ...options.reports.map((r) => r.agencyId)])]
    .filter(picked)
    .map((id) => path.join(folder.root, id) + path.sep);
  const all: Diagnostic[] = narrowed
    ? folder.diagnostics.filter((d) => d.code === 'data-missing' || pickedDirs.some((dir) => path.resolve(d.file).startsWith(dir)))
    : [...folder.diagnostics];
  all.push(...agenciesNotFound(folder, [...new Set([...options.agencies, ...options.reports.map((r) => r.agencyId)])]));
  const agencies = folder.agencies.filter((a) => picked(a.id));
  for (const agency of agencies) {
    const years = agency.years.filter(
      (y) => (!options.years.length || options.years.includes(y.year)) && isSelected(options.reports, agency.id, y.year),
    );
    // Each report checks its agency.yaml; an agency with no (selected) year file yet is checked on its own.
    if (agency.agencyFile && !years.length) {
      const source = await readSourceFile(agency.agencyFile);
      remember(source);
      all.push(...validateSource(source, 'agency').diagnostics);
    }
    for (const { year, file } of years) {
      const input = await loadReportInput(agency.dir, year, cache, file);
      remember(input.report);
      remember(input.agency);
      all.push(...(await checkReport(input, options)).diagnostics);
    }
  }
  // Groups sum agencies: checked with the whole folder, not when --agency narrows the check.
  if (!options.agencies.length) {
    const groups = await checkGroups(options.dataDir, folder.agencies);
    groups.sources.forEach(remember);
    all.push(...groups.diagnostics);
  }
  // An agency file's findings come back with each of its reports.
  const diagnostics = sortDiagnostics(uniqueDiagnostics(all));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    diagnostics,
    failed: isFailure(diagnostics, options.strict),
    errors,
    warnings: diagnostics.length - errors,
    sources,
  };
}
