/**
 * Builds every selected group's years: the dashboard always, and — when every member with a file
 * passes — the 汇总 report like any report (web page, PDF, DOCX) with its data file and the XLSX
 * of its tables. Skips a year whose inputs (the group file, its members' files up to that year,
 * the toolchain) are unchanged since its folder was written.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { AGENCY_FILE, groupsDir, type AgencyEntry } from '../load/discover.ts';
import type { SourceCache } from '../load/source-cache.ts';
import type { NianbaoOptions } from '../options.ts';
import { renderOutputs } from '../build/render-outputs.ts';
import { tablesOf } from '../model/report-tables.ts';
import type { BuildStages, Printer } from '../build/stages.ts';
import { tablesWorkbook } from '../export/xlsx/tables-workbook.ts';
import { filesPresent, sha256 } from '../write/manifest.ts';
import type { Staging } from '../write/staging.ts';
import { renderDashboard } from './dashboard.ts';
import { groupFolder, readGroupManifest, writeGroupFolder, type MemberCheck } from './group-folder.ts';
import { listGroups, loadGroup, type GroupData, type GroupFile } from './group-file.ts';
import { groupYear, groupYears } from './group-year.ts';
import { SUMMARY_DATA_FILE } from './summary-report.ts';

export type GroupStatus = 'built' | 'current' | 'failed';

export interface GroupResult {
  groupId: string;
  groupName: string;
  year: number;
  status: GroupStatus;
  /** Whether the folder holds a 汇总 report (false: the dashboard shows why not). */
  summary: boolean;
  written: string[];
  members: MemberCheck[];
  /** Findings of the summary's own gate (an error here means the sum broke a rule). */
  diagnostics: Diagnostic[];
  error: string | null;
}

export interface GroupContext {
  options: NianbaoOptions;
  stages: BuildStages;
  printer: Printer;
  staging: Staging;
  /** The toolchain part of the fingerprints (see src/build/fingerprint.ts). */
  toolchain: string;
  sources: SourceCache;
  agencies: readonly AgencyEntry[];
}

/** Each member's agency.yaml and year files up to `year`, with the group file and the toolchain. */
async function groupFingerprint(file: GroupFile, year: number, ctx: GroupContext): Promise<string> {
  const digest = (p: string) => fs.readFile(p).then(sha256, () => 'absent');
  const parts = [`group ${sha256(file.source.text)}`, `toolchain ${ctx.toolchain}`, `year ${year}`];
  for (const id of (file.data as GroupData).members) {
    const agency = ctx.agencies.find((a) => a.id === id);
    parts.push(`${id}/agency ${agency ? await digest(path.join(agency.dir, AGENCY_FILE)) : 'absent'}`);
    for (const y of agency?.years ?? []) if (y.year <= year) parts.push(`${id}/${y.year} ${await digest(y.file)}`);
  }
  return sha256(parts.join('\n'));
}

const utf8 = (text: string) => new TextEncoder().encode(text);

async function buildGroupYear(file: GroupFile & { data: GroupData }, year: number, ctx: GroupContext): Promise<GroupResult> {
  const { options } = ctx;
  const folder = groupFolder(options.outDir, file.id, year);
  const result: GroupResult = { groupId: file.id, groupName: file.data.name, year, status: 'failed', summary: false, written: [], members: [], diagnostics: [], error: null };
  const fingerprint = await groupFingerprint(file, year, ctx);
  const previous = await readGroupManifest(folder);
  if (!options.force && previous?.fingerprint === fingerprint && (await filesPresent(folder, previous))) {
    return Object.assign(result, { status: 'current', summary: previous.summary, members: previous.members });
  }
  try {
    const g = await groupYear(file, year, folder, ctx.agencies, options, ctx.sources);
    result.diagnostics = g.summary?.diagnostics ?? [];
    result.members = g.members.map(({ agencyId, agencyName, status, diagnostics }) => ({ agencyId, agencyName, status, diagnostics }));
    const dirs = { templatesDir: options.templatesDir, agencyDir: groupsDir(options.dataDir) };
    const files = new Map<string, Uint8Array>();
    const model = g.summary?.model ?? null;
    if (model) {
      const rendered = await renderOutputs(model, ctx.stages, ctx.printer, dirs, fingerprint);
      for (const [name, bytes] of rendered.files) files.set(name === 'index.html' ? 'report.html' : name, bytes);
      files.set(SUMMARY_DATA_FILE, utf8(g.summary!.source.text));
      const members = g.members.filter((m) => m.model).map((m) => ({ caption: `${m.agencyName} ${year}年度`, tables: tablesOf(m.model!) }));
      files.set('tables.xlsx', await tablesWorkbook([{ caption: `${model.title}`, tables: tablesOf(model) }, ...members]));
    }
    files.set('index.html', utf8(await renderDashboard(g, dirs)));
    const manifest = await writeGroupFolder(ctx.staging, files, {
      groupId: file.id,
      groupName: file.data.name,
      year,
      fingerprint,
      summary: model !== null,
      members: result.members,
    });
    const summaryBroken = g.summary !== null && model === null;
    return Object.assign(result, { status: summaryBroken ? 'failed' : 'built', summary: model !== null, written: Object.keys(manifest.files) });
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    return result;
  }
}

export interface GroupsOutcome {
  results: GroupResult[];
  /** Findings of the group files themselves (schema, unknown members, a group that does not exist). */
  diagnostics: Diagnostic[];
}

/** `ids` null: every group of data/groups/; `years` empty: every year of each group. */
export async function buildGroups(ctx: GroupContext, ids: readonly string[] | null, years: readonly number[]): Promise<GroupsOutcome> {
  const listed = await listGroups(ctx.options.dataDir);
  const diagnostics: Diagnostic[] = ids ? [] : [...listed.diagnostics];
  // Each group year is built as soon as its file is read; they print side by side.
  const results: Array<Promise<GroupResult>> = [];
  for (const id of ids ?? listed.ids) {
    const file = await loadGroup(ctx.options.dataDir, id, ctx.agencies);
    if (!('source' in file)) {
      diagnostics.push(file);
      continue;
    }
    diagnostics.push(...file.diagnostics);
    if (!file.data) continue;
    const clean = file as GroupFile & { data: GroupData };
    for (const year of groupYears(clean.data, ctx.agencies)) {
      if (years.length && !years.includes(year)) continue;
      results.push(buildGroupYear(clean, year, ctx));
    }
  }
  return { results: await Promise.all(results), diagnostics };
}
