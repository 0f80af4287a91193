/**
 * Which reports a build covers: every agency and year found in the data folder, narrowed by
 * `--agency`, `--year` and `--shard`.
 *
 * Shards are a round-robin over the sorted ids of all agencies (before `--agency` narrows), so the
 * n shares are disjoint, cover every agency, differ in size by at most one and do not depend on
 * the machine or the order the filesystem lists folders in.
 */
import path from 'node:path';
import { agenciesNotFound, discoverData, type AgencyEntry } from '../load/discover.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { NianbaoOptions } from '../options.ts';

export interface PlannedReport {
  agencyId: string;
  agencyDir: string;
  year: number;
  /** Absolute path of the year file. */
  file: string;
}

export interface BuildPlan {
  /** Every agency of the data folder, for the portal index. */
  agencies: AgencyEntry[];
  /** The reports this build is responsible for, sorted by agency then year. */
  reports: PlannedReport[];
  /** Findings of discovery (bad folder names, a missing agency.yaml, no data folder) and `--agency` ids with no folder. */
  diagnostics: Diagnostic[];
  /** Agencies named by `--agency` that the data folder does not hold. */
  unknownAgencies: string[];
}

/** The agency ids of shard `index` (1-based) of `count`. */
export function shardAgencies(ids: readonly string[], index: number, count: number): string[] {
  return [...ids].sort().filter((_, i) => i % count === index - 1);
}

export async function planBuild(options: Pick<NianbaoOptions, 'dataDir' | 'agencies' | 'years' | 'shard'>): Promise<BuildPlan> {
  const data = await discoverData(options.dataDir);
  const ids = data.agencies.map((a) => a.id);
  let selected = new Set(ids);
  if (options.shard) selected = new Set(shardAgencies(ids, options.shard.index, options.shard.count));
  if (options.agencies.length) selected = new Set(options.agencies.filter((id) => selected.has(id)));
  const years = new Set(options.years);
  const reports: PlannedReport[] = [];
  for (const agency of data.agencies) {
    if (!selected.has(agency.id)) continue;
    for (const { year, file } of agency.years) {
      if (years.size && !years.has(year)) continue;
      reports.push({ agencyId: agency.id, agencyDir: agency.dir, year, file });
    }
  }
  // A narrowed build answers for its own agencies only, not for an unrelated bad folder; a missing
  // data folder concerns every build (and stands for the --agency ids it cannot hold).
  const narrowed = Boolean(options.shard || options.agencies.length);
  const selectedDirs = data.agencies.filter((a) => selected.has(a.id)).map((a) => a.dir + path.sep);
  const diagnostics = narrowed
    ? data.diagnostics.filter((d) => d.code === 'data-missing' || selectedDirs.some((dir) => path.resolve(d.file).startsWith(dir)))
    : data.diagnostics;
  return {
    agencies: data.agencies,
    reports,
    diagnostics: [...diagnostics, ...agenciesNotFound(data, options.agencies)],
    unknownAgencies: options.agencies.filter((id) => !ids.includes(id)),
  };
}
