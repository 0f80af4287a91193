/**
 * Finds the agencies and years under a data folder: `data/<agency-id>/agency.yaml` and
 * `data/<agency-id>/<year>.yaml`. Folder names that are not valid ids are reported, not skipped silently.
 */
import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/rules.ts';
import { displayPath } from '../diagnostics/display-path.ts';
import { showInvisible } from './text-characters.ts';

export const AGENCY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Four digits without a leading zero, so that a year and its file name map onto each other exactly (0000.yaml is no year). */
const YEAR_FILE = /^([1-9]\d{3})\.yaml$/;
export const AGENCY_FILE = 'agency.yaml';
/** `data/groups/` holds the roll-up groups (src/groups), never an agency; no agency may take the name. */
export const GROUPS_FOLDER = 'groups';

/** Where a data folder keeps its group files (data/groups/). */
export const groupsDir = (dataDir: string): string => path.join(path.resolve(dataDir), GROUPS_FOLDER);

/** The year a data file's name stands for (2024.yaml → 2024), or null for any other name. */
export const yearOfFile = (name: string): number | null => {
  const m = YEAR_FILE.exec(name);
  return m ? Number(m[1]) : null;
};
/** Sub-folders an agency may hold besides its data files. */
const AGENCY_SUBFOLDERS = new Set(['templates']);

export interface AgencyEntry {
  id: string;
  dir: string;
  /** Absolute path of agency.yaml, or null when it is missing. */
  agencyFile: string | null;
  /** Years in ascending order with their absolute file paths. */
  years: Array<{ year: number; file: string }>;
}

export interface DataFolder {
  root: string;
  agencies: AgencyEntry[];
  diagnostics: Diagnostic[];
}

export async function discoverData(dataDir: string): Promise<DataFolder> {
  const root = path.resolve(dataDir);
  const diagnostics: Diagnostic[] = [];
  let entries: Dirent[];
  try {
    // Listings are synchronous: a few hundred small folders are listed in milliseconds, where
    // promise-based listings one after another took longer than the rest of a no-op build.
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    diagnostics.push(diagnostic('data-missing', start(root), `找不到数据目录 ${displayPath(root)}（用 --data 指定数据目录）`));
    return { root, agencies: [], diagnostics };
  }
  const agencies: AgencyEntry[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || entry.name === GROUPS_FOLDER) continue;
    const dir = path.join(root, entry.name);
    // Tool folders (.git, .vscode) are skipped; a dot folder holding data files is a misnamed agency.
    if (entry.name.startsWith('.') && !(await holdsDataFiles(dir))) continue;
    if (!AGENCY_ID_PATTERN.test(entry.name)) {
      diagnostics.push(diagnostic('agency-id', start(dir), `机关目录名“${showInvisible(entry.name)}”不合规：须为小写英文字母、数字和连字符组成的标识（如 shenmu 或 xinxiang-office）${idHint(entry.name)}`));
      continue;
    }
    agencies.push(await readAgencyFolder(entry.name, dir, diagnostics));
  }
  return { root, agencies, diagnostics };
}

async function readAgencyFolder(id: string, dir: string, diagnostics: Diagnostic[]): Promise<AgencyEntry> {
  const files = readdirSync(dir, { withFileTypes: true });
  const years: AgencyEntry['years'] = [];
  let agencyFile: string | null = null;
  for (const f of files) {
    if (f.name.startsWith('.')) continue;
    const full = path.join(dir, f.name);
    if (f.isDirectory()) {
      if (!AGENCY_SUBFOLDERS.has(f.name)) unexpected(full, '不认识的子目录（机关目录下只能有 agency.yaml、<年度>.yaml 和 templates/）', diagnostics);
      continue;
    }
    const year = yearOfFile(f.name);
    if (f.name === AGENCY_FILE) agencyFile = full;
    else if (year !== null) years.push({ year, file: full });
    else if (/^\d+\.ya?ml$/i.test(f.name)) unexpected(full, '文件名不是有效的年度：年度文件名应为四位年度加 .yaml（如 2024.yaml），且不以 0 开头', diagnostics);
    else if (/\.ya?ml$/i.test(f.name)) unexpected(full, '数据文件名应为 agency.yaml 或四位年度加 .yaml（如 2024.yaml）', diagnostics);
  }
  if (!agencyFile && years.length) diagnostics.push(agencyMissing(dir, id));
  years.sort((a, b) => a.year - b.year);
  return { id, dir, agencyFile, years };
}

async function holdsDataFiles(dir: string): Promise<boolean> {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // unreadable: not a data folder
  }
  return names.some((n) => /\.ya?ml$/i.test(n));
}

function unexpected(file: string, message: string, diagnostics: Diagnostic[]) {
  diagnostics.push(diagnostic('unexpected-file', start(file), `${path.basename(file)}：${message}`));
}

const start = (file: string) => ({ file: displayPath(file), line: 1, column: 1 });

/** Found by discovery, and again by the gate, which checks one report without discovery's findings. */
export const agencyMissing = (agencyDir: string, id: string): Diagnostic =>
  diagnostic(
    'agency-missing',
    start(path.join(agencyDir, AGENCY_FILE)),
    `机关目录 ${id} 缺少 agency.yaml（机关名称、发文机关标志、主送机关等），年度报告无法生成`,
  );

/**
 * `--agency` ids the data folder has no folder for, one finding each; none when the data folder
 * itself is missing, which discovery has already reported.
 */
export function agenciesNotFound(folder: DataFolder, ids: readonly string[]): Diagnostic[] {
  if (folder.diagnostics.some((d) => d.code === 'data-missing')) return [];
  return ids
    .filter((id) => !folder.agencies.some((a) => a.id === id))
    .map((id) => diagnostic('agency-not-found', start(folder.root), `数据目录中没有机关 ${id}（应有子目录 ${id}/）`));
}

/** Suggests the id the folder name probably meant (upper case, underscores, spaces). */
function idHint(name: string): string {
  const guess = name.toLowerCase().replace(/[\s_]+/g, '-').replace(/[^a-z0-9-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return guess && guess !== name && AGENCY_ID_PATTERN.test(guess) ? `；可改名为 ${guess}` : '';
}
