/**
 * Where an imported report goes: `data/<agency>/<year>.yaml`. The agency is the one the flags
 * name, else the agency of the data folder with the name the report states; the year is the
 * flag's, else the one the title or text states.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { AGENCY_FILE, discoverData } from '../load/discover.ts';

/** The agencies of a data folder by their full name. */
export async function agenciesByName(dataDir: string): Promise<Map<string, string>> {
  const folder = await discoverData(dataDir);
  const byName = new Map<string, string>();
  for (const agency of folder.agencies) {
    if (!agency.agencyFile) continue;
    const data = await fs.readFile(agency.agencyFile, 'utf8').then((t) => parse(t) as { name?: unknown }, () => null);
    if (data && typeof data.name === 'string') byName.set(data.name, agency.id);
  }
  return byName;
}

export interface Target {
  agencyId: string;
  year: number;
  agencyDir: string;
  yearFile: string;
  agencyFile: string;
}

export type TargetResult = { ok: true; target: Target } | { ok: false; need: 'agency' | 'year'; message: string };

export function resolveTarget(
  dataDir: string,
  flags: { agency?: string; year?: number },
  found: { name: string | null; year: number | null },
  known: ReadonlyMap<string, string>,
): TargetResult {
  const agencyId = flags.agency ?? (found.name ? known.get(found.name) : undefined);
  if (!agencyId) {
    const said = found.name ? `文件中的机关名称是“${found.name}”，数据目录中没有同名的机关` : '文件中找不到机关名称';
    return { ok: false, need: 'agency', message: `无法确定机关：${said}。请用 --agency <机关标识> 指定（如 --agency my-county）` };
  }
  const year = flags.year ?? found.year;
  if (!year) return { ok: false, need: 'year', message: '无法从标题或正文中识别报告年度。请用 --year <年度> 指定（如 --year 2024）' };
  const agencyDir = path.join(dataDir, agencyId);
  return { ok: true, target: { agencyId, year, agencyDir, yearFile: path.join(agencyDir, `${year}.yaml`), agencyFile: path.join(agencyDir, AGENCY_FILE) } };
}
