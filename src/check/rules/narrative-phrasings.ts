/**
 * The phrasings by which report texts state a number the tables also hold, as data: one entry per
 * quantity, with the regular expressions that recognise it (the number is the named group `n`).
 *
 * Conservative on purpose: a phrasing must put the number right after an unambiguous noun phrase
 * (“共收到依申请公开35件”, “行政复议案件1起”), so that 网站受理15件, 行政复议决定书65件 or
 * 信息400余条 never match. A false alarm costs more than a missed one.
 */
import {
  APPEAL_GROUPS,
  DOCUMENT_ROW_KEYS,
  LITIGATION_HEADER,
  PROACTIVE_BLOCKS,
  PROACTIVE_ROWS,
  REQUEST_ROWS,
  RESULTS_TOTAL,
  SECTION_HEADINGS,
  TOTAL_LABEL,
  appealGroupLabel,
} from '../../format/index.ts';
import type { DataPath } from '../../load/source-file.ts';
import { computeAppeals, computeRequests } from '../../model/report-model.ts';
import type { YearFile } from '../../model/types.ts';

export interface NarrativeQuantity {
  key: string;
  /** The table cell in words, for the message. */
  label: string;
  /** The table cell the number is compared with (the `related` position). */
  cell: DataPath;
  /** Parts of the year file the values are computed from (whole tables: the totals read every row); skipped unless sound. */
  needs: DataPath[];
  /** Values the stated number may take; more than one where the phrasing is ambiguous. */
  values(report: YearFile): number[];
  phrasings: RegExp[];
  /** Explains the accepted values when there are several. */
  describe?(values: readonly number[]): string;
  /** The match is skipped when the clause before it says this (清理规范性文件 is not 制发). */
  notAfter?: RegExp;
  /** The sentence up to the number must say this, or the number may count something else (办结 12345 工单). */
  inSentence?: RegExp;
}

const N = String.raw`\s*(?<n>\d+)\s*`;
const APPLICATION = String.raw`(?:依申请公开|政府信息公开)(?:政府信息)?(?:的)?(?:申请)?`;

const totalOf = (cells: readonly number[]) => cells[cells.length - 1]!;
const requests = (r: YearFile) => computeRequests(r.requests);
const rowLabel = (label: string) => `${SECTION_HEADINGS.requests}“${label}”的${TOTAL_LABEL}`;
const proactiveLabel = (key: string) => PROACTIVE_ROWS.find((r) => r.key === key)!.label;
/** A cell of table 二 in words: its row and the header of its `column`. */
const proactiveCellLabel = (key: string, column = 0) => {
  const block = PROACTIVE_BLOCKS.find((b) => b.rows.some((r) => r.key === key))!;
  return `${SECTION_HEADINGS.proactive}“${proactiveLabel(key)}”的${block.columns[column]}`;
};
const appealLabel = (key: string) => appealGroupLabel(APPEAL_GROUPS.find((g) => g.key === key)!);

/** Sentences about requests for disclosure, not petitions, hotline tickets or 复议 in general. */
const ABOUT_REQUESTS = /申请/;
const ABOUT_DISCLOSURE = /政府信息公开|依申请公开|信息公开申请/;

/** Clauses that speak of documents other than those issued this year. */
const OTHER_DOCUMENTS = /现行有效|废止|清理|审查|审核|备案|修订|修改|评估|解读|累计|截至|征求/;

export const NARRATIVE_QUANTITIES: readonly NarrativeQuantity[] = [
  {
    key: 'received',
    label: rowLabel(REQUEST_ROWS.received),
    cell: ['requests', 'received'],
    needs: [['requests']],
    values: (r) => [totalOf(requests(r).received)],
    phrasings: [new RegExp(String.raw`(?:收到|新收)(?:了)?${APPLICATION}(?:共)?${N}件`, 'dg')],
  },
  {
    // 受理 is used both for 新收 (新乡: 受理222件) and for 新收 + 上年结转 (朔州: 共受理15件 = 13 + 2).
    key: 'accepted',
    label: rowLabel(REQUEST_ROWS.received),
    cell: ['requests', 'received'],
    needs: [['requests']],
    values: (r) => {
      const m = requests(r);
      return [totalOf(m.received), totalOf(m.received) + totalOf(m.carriedOver)];
    },
    describe: ([received, withCarried]) => `${received}（连同上年结转为 ${withCarried}）`,
    phrasings: [new RegExp(String.raw`受理(?:了)?${APPLICATION}(?:共)?${N}件`, 'dg')],
  },
  {
    key: 'carriedOver',
    inSentence: ABOUT_REQUESTS,
    label: rowLabel(REQUEST_ROWS.carriedOver),
    cell: ['requests', 'carriedOver'],
    needs: [['requests']],
    values: (r) => [totalOf(requests(r).carriedOver)],
    phrasings: [new RegExp(String.raw`上年度?结转(?:的)?(?:政府信息公开)?(?:申请)?${N}件`, 'dg')],
  },
  {
    key: 'carriedForward',
    inSentence: ABOUT_REQUESTS,
    label: rowLabel(REQUEST_ROWS.carriedForward),
    cell: ['requests', 'carriedForward'],
    needs: [['requests']],
    values: (r) => [totalOf(requests(r).carriedForward)],
    // 结转下年度办理12件; 结转2025年2件 (the group `y` must then be the following year).
    phrasings: [new RegExp(String.raw`结转(?:至|到)?(?:下一?年度?|(?<y>\d{4})年度?)(?:继续)?(?:办理)?(?:的)?(?:申请)?${N}件`, 'dg')],
  },
  {
    key: 'resultsTotal',
    inSentence: ABOUT_REQUESTS,
    label: `${SECTION_HEADINGS.requests}“${REQUEST_ROWS.results}”的${RESULTS_TOTAL.label}`,
    cell: ['requests', 'results'],
    needs: [['requests']],
    values: (r) => [totalOf(requests(r).resultsTotal)],
    phrasings: [new RegExp(String.raw`办结(?:了)?(?:${APPLICATION}|申请)?${N}件`, 'dg')],
  },
  {
    key: 'review',
    inSentence: ABOUT_DISCLOSURE,
    label: `${SECTION_HEADINGS.appeals}“${appealLabel('review')}”的${TOTAL_LABEL}`,
    cell: ['appeals', 'review'],
    needs: [['appeals']],
    values: (r) => [totalOf(computeAppeals(r.appeals).review)],
    phrasings: [new RegExp(String.raw`行政复议(?:案件|申请)?${N}(?:件|起)`, 'dg')],
  },
  {
    key: 'litigation',
    inSentence: ABOUT_DISCLOSURE,
    label: `${SECTION_HEADINGS.appeals}“${LITIGATION_HEADER}”两组的${TOTAL_LABEL}之和`,
    cell: ['appeals', 'litigationDirect'],
    needs: [['appeals']],
    values: (r) => {
      const a = computeAppeals(r.appeals);
      return [totalOf(a.litigationDirect) + totalOf(a.litigationAfterReview)];
    },
    phrasings: [new RegExp(String.raw`行政诉讼(?:案件)?${N}(?:件|起)`, 'dg')],
  },
  ...(['licensing', 'punishment', 'coercion'] as const).map(
    (key): NarrativeQuantity => ({
      key,
      label: proactiveCellLabel(key),
      cell: ['proactive', key],
      needs: [['proactive', key]],
      values: (r) => [r.proactive[key]],
      phrasings: [new RegExp(String.raw`${proactiveLabel(key)}(?:决定|案件|措施)?${N}(?:件|起)`, 'dg')],
    }),
  ),
  ...DOCUMENT_ROW_KEYS.map(
    (key): NarrativeQuantity => ({
      key: `${key}Issued`,
      label: proactiveCellLabel(key, 0),
      cell: ['proactive', key, 0],
      needs: [['proactive', key]],
      values: (r) => [r.proactive[key][0]],
      phrasings: [new RegExp(String.raw`(?:制发|印发|出台)?${key === 'regulations' ? '规章' : '(?:行政)?规范性文件'}${N}件`, 'dg')],
      notAfter: OTHER_DOCUMENTS,
    }),
  ),
  {
    key: 'normativeDocumentsInForce',
    label: proactiveCellLabel('normativeDocuments', 2),
    cell: ['proactive', 'normativeDocuments', 2],
    needs: [['proactive', 'normativeDocuments']],
    values: (r) => [r.proactive.normativeDocuments[2]],
    phrasings: [new RegExp(String.raw`现行有效(?:的)?(?:行政)?规范性文件${N}件`, 'dg')],
  },
];

/** A sentence that speaks of another period (2022年…, 同比…) does not state this year's figures. */
export const OTHER_PERIOD = /同比|较上年|上年同期|去年|上一年度|以来/;
