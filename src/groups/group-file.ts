/**
 * Roll-up groups: `data/groups/<group-id>.yaml` names a superior office and its member agencies.
 * Each file is checked like any data file (schema, file:line:col) and its members against the
 * agencies the data folder holds.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/rules.ts';
import { AGENCY_ID_PATTERN, groupsDir, type AgencyEntry } from '../load/discover.ts';
import { displayPath } from '../diagnostics/display-path.ts';
import { readSourceFile, type SourceFile } from '../load/source-file.ts';
import { validateSource } from '../validate/index.ts';

/** The parsed group file ({@link groupSchema}). */
export interface GroupData {
  name: string;
  office: string;
  members: string[];
}

export interface GroupFile {
  id: string;
  source: SourceFile;
  /** Null when the file has errors: a group is summed only from a clean definition. */
  data: GroupData | null;
  diagnostics: Diagnostic[];
}

const GROUP_FILE = /^(.+)\.ya?ml$/;

/** The ids of the groups in `data/groups/`, sorted; an unfit file name is a finding, not a group. */
export async function listGroups(dataDir: string): Promise<{ ids: string[]; diagnostics: Diagnostic[] }> {
  const dir = groupsDir(dataDir);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const ids: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of names.sort()) {
    const m = GROUP_FILE.exec(name);
    if (!m || name.startsWith('.')) continue;
    if (AGENCY_ID_PATTERN.test(m[1]!) && name.endsWith('.yaml')) ids.push(m[1]!);
    else diagnostics.push(diagnostic('group-id', { file: displayPath(path.join(dir, name)), line: 1, column: 1 }, `汇总组文件名“${name}”不合规：须为小写英文字母、数字和连字符加 .yaml，如 shenmu-city.yaml`));
  }
  return { ids, diagnostics };
}

/** Reads and checks one group; a group the folder lacks is an error at the groups folder. */
export async function loadGroup(dataDir: string, id: string, agencies: readonly AgencyEntry[]): Promise<GroupFile | Diagnostic> {
  const file = path.join(groupsDir(dataDir), `${id}.yaml`);
  const exists = await fs.access(file).then(() => true, () => false);
  if (!exists) {
    return diagnostic('group-not-found', { file: displayPath(groupsDir(dataDir)), line: 1, column: 1 }, `没有汇总组 ${id}（应有文件 ${displayPath(file)}）`);
  }
  const source = await readSourceFile(file);
  const { diagnostics } = validateSource(source, 'group');
  const schemaClean = !diagnostics.some((d) => d.severity === 'error');
  if (schemaClean) diagnostics.push(...memberFindings(source, agencies));
  const clean = !diagnostics.some((d) => d.severity === 'error');
  return { id, source, data: clean ? (source.data as GroupData) : null, diagnostics };
}

function memberFindings(source: SourceFile, agencies: readonly AgencyEntry[]): Diagnostic[] {
  const members = (source.data as GroupData).members;
  const known = new Set(agencies.filter((a) => a.agencyFile).map((a) => a.id));
  const findings: Diagnostic[] = [];
  members.forEach((id, i) => {
    const at = source.locate(['members', i]);
    const first = members.indexOf(id);
    if (first < i) {
      const firstAt = source.locate(['members', first]);
      findings.push(diagnostic('group-member-duplicate', at, `成员机关 ${id} 重复（第一次出现在第 ${firstAt.line} 行），会被重复计入汇总；只保留一个`));
    } else if (!known.has(id)) {
      findings.push(diagnostic('group-member-unknown', at, `数据目录中没有机关 ${id}（应有 ${id}/agency.yaml）`));
    }
  });
  return findings;
}

/** The findings of every group file, for `nianbao check`. */
export async function checkGroups(dataDir: string, agencies: readonly AgencyEntry[]): Promise<{ diagnostics: Diagnostic[]; sources: SourceFile[] }> {
  const { ids, diagnostics } = await listGroups(dataDir);
  const sources: SourceFile[] = [];
  for (const id of ids) {
    const group = await loadGroup(dataDir, id, agencies);
    if ('source' in group) {
      diagnostics.push(...group.diagnostics);
      sources.push(group.source);
    } else diagnostics.push(group);
  }
  return { diagnostics, sources };
}
