/** Titles are computed from patterns and data, never typed twice. */
import type { AgencyFile } from './types.ts';

export const TITLE_PLACEHOLDERS = ['{机关名称}', '{简称}', '{年度}', '{报告标题}'] as const;

export const DEFAULT_TITLE_PATTERNS = {
  report: '{机关名称}{年度}年政府信息公开工作年度报告',
  letter: '关于报送《{报告标题}》的函',
  document: '{机关名称}关于报送《{报告标题}》的报告',
} as const;

export type TitleKind = keyof typeof DEFAULT_TITLE_PATTERNS;

export function fillTitle(pattern: string, values: { agency: AgencyFile; year: number; reportTitle?: string }): string {
  return pattern
    .replaceAll('{机关名称}', values.agency.name)
    .replaceAll('{简称}', values.agency.shortName ?? values.agency.name)
    .replaceAll('{年度}', String(values.year))
    .replaceAll('{报告标题}', values.reportTitle ?? '');
}

export function computeTitles(agency: AgencyFile, year: number): Record<TitleKind, string> {
  const pattern = (kind: TitleKind) => agency.titles?.[kind] ?? DEFAULT_TITLE_PATTERNS[kind];
  const report = fillTitle(pattern('report'), { agency, year });
  return {
    report,
    letter: fillTitle(pattern('letter'), { agency, year, reportTitle: report }),
    document: fillTitle(pattern('document'), { agency, year, reportTitle: report }),
  };
}
