/**
 * Everything the office needs about one group and year: each member's check, the 汇总 report
 * when it can be made, and the trend of the group's totals over this and earlier years.
 *
 * The summary is made only when every member that has a file for the year passes the gate: a sum
 * that silently left out a failing member would be wrong. Members with no file are left out and
 * named in the summary's preamble and on the dashboard.
 */
import type { AgencyEntry } from '../load/discover.ts';
import type { SourceCache } from '../load/source-cache.ts';
import type { NianbaoOptions } from '../options.ts';
import type { GroupData, GroupFile } from './group-file.ts';
import { memberReports, type MemberReport } from './member-reports.ts';
import { checkSummary, type SummaryReport } from './summary-report.ts';
import { trendPoint, type TrendPoint } from './trends.ts';

export interface GroupYear {
  groupId: string;
  group: GroupData;
  year: number;
  members: MemberReport[];
  /** Null when a member failed or no member has a file for the year. */
  summary: SummaryReport | null;
  /** The group's totals for every year up to this one that has at least one member's report. */
  trend: TrendPoint[];
}

/** The years any member has a file for, ascending. */
export function groupYears(group: GroupData, agencies: readonly AgencyEntry[]): number[] {
  const years = new Set<number>();
  for (const id of group.members) for (const y of agencies.find((a) => a.id === id)?.years ?? []) years.add(y.year);
  return [...years].sort((a, b) => a - b);
}

const counted = (members: readonly MemberReport[]) => members.filter((m) => m.model !== null);
const summable = (members: readonly MemberReport[]) =>
  !members.some((m) => m.status === 'failed') && counted(members).length > 0;

export async function groupYear(
  file: GroupFile & { data: GroupData },
  year: number,
  folder: string,
  agencies: readonly AgencyEntry[],
  options: NianbaoOptions,
  sources: SourceCache,
): Promise<GroupYear> {
  const group = file.data;
  const years = groupYears(group, agencies).filter((y) => y <= year);
  const byYear = new Map<number, MemberReport[]>();
  for (const y of new Set([...years, year, year - 1])) byYear.set(y, await memberReports(group.members, agencies, y, options, sources));
  const members = byYear.get(year)!;

  let summary: SummaryReport | null = null;
  if (summable(members)) {
    const included = counted(members);
    // Last year's sum of the same members carries over; without all of them there is nothing to compare with.
    const last = byYear.get(year - 1)!.filter((m) => included.some((i) => i.agencyId === m.agencyId));
    const previous = last.every((m) => m.model) ? last : null;
    const missing = members.filter((m) => m.status === 'missing');
    summary = await checkSummary(file.source.absolute, group, year, folder, included, missing, previous, options);
  }
  const trend = years
    .map((y) => trendPoint(y, byYear.get(y)!))
    .filter((p): p is TrendPoint => p !== null);
  return { groupId: file.id, group, year, members, summary, trend };
}
