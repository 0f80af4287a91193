/** What the interpreter tells the user, in Chinese: what it could not read and what it guessed. */

export type FindingKind =
  /** A row or cell not found in the document; its value was written as 0. */
  | 'missing'
  /** Numbers found but not fitting the row (too many, too few, unreadable). */
  | 'unreadable'
  /** A label that matched its official one only loosely. */
  | 'loose-label'
  /** Something the interpreter assumed (blank cells as 0, a total it kept to be checked). */
  | 'assumed';

export interface Finding {
  kind: FindingKind;
  message: string;
}

export const FINDING_TITLES: Record<FindingKind, string> = {
  missing: '未找到或缺失（已按 0 写入，请核对原文）',
  unreadable: '无法完全读出',
  'loose-label': '标签与官方写法不同（已按官方标签读取）',
  assumed: '推定',
};
