/** Titles are computed from patterns and data, never typed twice. */
import { stripInvisible } from '../load/text-characters.ts';
import type { AgencyFile } from './types.ts';

export const TITLE_PLACEHOLDERS = ['{机关名称}', '{简称}', '{年度}', '{报告标题}'] as const;
type Placeholder = (typeof TITLE_PLACEHOLDERS)[number];

export const DEFAULT_TITLE_PATTERNS = {
  report: '{机关名称}{年度}年政府信息公开工作年度报告',
  letter: '关于报送《{报告标题}》的函',
  document: '{机关名称}关于报送《{报告标题}》的报告',
} as const;

export type TitleKind = keyof typeof DEFAULT_TITLE_PATTERNS;

export function computeTitles(agency: AgencyFile, year: number): Record<TitleKind, string> {
  const fill = (kind: TitleKind, reportTitle = '') => {
    const values: Record<Placeholder, string> = {
      '{机关名称}': agency.name,
      '{简称}': agency.shortName ?? agency.name,
      '{年度}': String(year),
      '{报告标题}': reportTitle,
    };
    const pattern = agency.titles?.[kind] ?? DEFAULT_TITLE_PATTERNS[kind];
    // Invisible characters (U+202E…) could make a title read as something else: the gate warns, titles drop them.
    return stripInvisible(TITLE_PLACEHOLDERS.reduce((title, p) => title.replaceAll(p, values[p]), pattern));
  };
  const report = fill('report');
  return { report, letter: fill('letter', report), document: fill('document', report) };
}
