/**
 * What the paths of `nianbao check <path>…` stand for, as a pre-commit hook or an editor task
 * passes them: a year file (that report: it is checked with its agency.yaml and last year's
 * file), an agency.yaml, an agency folder or a file inside one (every year of that agency), or a
 * data folder (everything in it). The data folder is the one given with --data, else the one the
 * paths lie in; all paths must lie in the same one.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ReportSelector } from '../options.ts';
import { AGENCY_FILE, yearOfFile } from './discover.ts';

/** A path the user gave that names no data; the message is for the user (wrong usage, exit code 2). */
export class PathSelectionError extends Error {
  override name = 'PathSelectionError';
}

export interface PathSelection {
  dataDir: string;
  /** Empty when a path named the whole data folder. */
  reports: ReportSelector[];
}

const isDataFile = (name: string) => name === AGENCY_FILE || yearOfFile(name) !== null;

/** Whether `dir` looks like an agency folder: it holds agency.yaml or a year file. */
function isAgencyFolder(dir: string): boolean {
  try {
    return fs.readdirSync(dir).some(isDataFile);
  } catch {
    return false;
  }
}

/** Whether `dir` holds agency folders. */
function isDataFolder(dir: string): boolean {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).some((e) => e.isDirectory() && isAgencyFolder(path.join(dir, e.name)));
  } catch {
    return false;
  }
}

/**
 * The data folder a path outside the default one lies in: the parent of the nearest agency folder
 * at or above it, or the folder itself when it holds agency folders; null when it is neither.
 */
function dataFolderOf(target: string, isDir: boolean): string | null {
  for (let dir = isDir ? target : path.dirname(target); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (isAgencyFolder(dir)) return path.dirname(dir);
  }
  return isDir && isDataFolder(target) ? target : null;
}

function selectorIn(dataDir: string, target: string): ReportSelector | null {
  const rel = path.relative(dataDir, target);
  if (rel === '') return null;
  const [agencyId, second, ...rest] = rel.split(path.sep);
  const year = second !== undefined && rest.length === 0 ? yearOfFile(second) : null;
  return { agencyId: agencyId!, year };
}

const inside = (dir: string, target: string) => {
  const rel = path.relative(dir, target);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
};

/**
 * `dataDir` is the data folder of the options; when it was not given explicitly (--data), paths
 * outside it may name another data folder (a fixture, a second checkout).
 */
export function selectPaths(paths: readonly string[], cwd: string, data: { dataDir: string; explicit: boolean }): PathSelection {
  let folder: string | null = null;
  const reports: ReportSelector[] = [];
  let everything = false;
  const shown = (dir: string) => path.relative(cwd, dir) || '.';
  for (const given of paths) {
    const target = path.resolve(cwd, given);
    const stat = fs.statSync(target, { throwIfNoEntry: false });
    if (!stat) throw new PathSelectionError(`找不到 ${given}`);
    if (folder === null) {
      folder = data.explicit || inside(data.dataDir, target) ? data.dataDir : dataFolderOf(target, stat.isDirectory());
      if (folder === null) throw new PathSelectionError(`${given} 不在数据目录 ${shown(data.dataDir)} 中，也不是机关目录或其中的文件`);
    }
    if (!inside(folder, target)) {
      throw new PathSelectionError(
        data.explicit
          ? `${given} 不在数据目录 ${shown(folder)} 中`
          : `${given} 与前面的路径不在同一个数据目录（${shown(folder)}）中；请分开检查，或用 --data 指定数据目录`,
      );
    }
    if (stat.isFile() && path.dirname(target) === folder) throw new PathSelectionError(`${given} 不在机关目录中：数据文件应放在 ${shown(folder)}/<机关标识>/ 下`);
    const selector = selectorIn(folder, target);
    if (selector) reports.push(selector);
    else everything = true;
  }
  if (folder === null) throw new PathSelectionError('没有给出要检查的路径');
  return { dataDir: folder, reports: everything ? [] : reports };
}

/** Whether a report (or, with year null, an agency as a whole) is among the selected. */
export function isSelected(reports: readonly ReportSelector[], agencyId: string, year: number | null): boolean {
  if (!reports.length) return true;
  return reports.some((r) => r.agencyId === agencyId && (year === null || r.year === null || r.year === year));
}
