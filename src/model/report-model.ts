/**
 * The report as the renderers see it: defaults resolved, titles computed, narrative parsed and
 * every total of the tables computed from the leaf cells. Built only from data the gate accepted.
 */
import {
  APPEAL_GROUPS,
  APPLICANT_COUNT,
  APPEAL_OUTCOME_COUNT,
  OVERVIEW_ITEMS,
  RESULT_LEAVES,
  type AppealGroupKey,
  type OverviewItemKey,
} from '../format/index.ts';
import { parseNarrative, type Block } from './narrative.ts';
import { formatChineseDate } from './dates.ts';
import { isUpward } from './direction.ts';
import { computeTitles } from './titles.ts';
import type { AgencyFile, Contact, ProactiveData, YearFile } from './types.ts';

/** A table row with its total appended: six applicant columns + 总计, or four outcomes + 总计. */
export type Cells = number[];

export interface RequestsModel {
  received: Cells;
  carriedOver: Cells;
  /** Keyed by the leaf's path below `requests.results`, joined with '.': `disclosed`, `withheld.stateSecret`. */
  results: Record<string, Cells>;
  /** （七）总计 */
  resultsTotal: Cells;
  carriedForward: Cells;
}

export interface DatedSignature {
  name: string;
  /** 2024年2月2日, or undefined when the data gives no date. */
  date?: string;
  isoDate?: string;
}

export interface LetterModel {
  letterhead: string;
  recipient: string;
  number?: string;
  title: string;
  body: Block[];
  signature: Required<DatedSignature>;
}

export interface DocumentModel {
  /** 发文机关标志, e.g. 神木市锦界镇人民政府文件 */
  letterhead: string;
  /** 锦政字〔2024〕24号 */
  number: string;
  /** 上行文: its 版头 carries the 签发人 (src/model/direction.ts). */
  upward: boolean;
  /** 签发人, set on a 上行文 only. */
  signer?: string;
  title: string;
  recipient: string;
  opening: Block[];
  closing?: string;
  signature: DatedSignature;
  cc: string[];
  printed?: { by: string; date: string };
}

export interface OverviewItemModel {
  key: OverviewItemKey;
  /** （一） */
  number: string;
  title: string;
  blocks: Block[];
}

export interface ReportModel {
  agencyId: string;
  year: number;
  agency: { name: string; shortName: string; portal?: string; contact?: Contact };
  /** The report's title, e.g. 神木市人民政府2023年度政府信息公开工作报告 */
  title: string;
  preamble: Block[];
  overview: { intro: Block[]; subheads: 'block' | 'runIn'; items: OverviewItemModel[] };
  proactive: ProactiveData;
  requests: RequestsModel;
  appeals: Record<AppealGroupKey, Cells>;
  problems: Block[];
  otherMatters: Block[];
  /** 署名 and date of the plain report; null when the published report carries none. */
  signature: DatedSignature | null;
  letter: LetterModel | null;
  document: DocumentModel | null;
  /** A date derived from the data (never the clock) for file metadata: YYYY-MM-DD. */
  issuedOn: string;
}

/** Appends the sum of the first `width` numbers; a total the user wrote is checked elsewhere, not used. */
export const withTotal = (row: readonly number[], width: number): Cells => {
  const cells = row.slice(0, width);
  return [...cells, cells.reduce((a, b) => a + b, 0)];
};

const sumColumns = (rows: readonly Cells[], width: number): Cells =>
  Array.from({ length: width }, (_, i) => rows.reduce((a, r) => a + (r[i] ?? 0), 0));

export function computeRequests(requests: YearFile['requests']): RequestsModel {
  const w = APPLICANT_COUNT;
  const results: Record<string, Cells> = {};
  for (const leaf of RESULT_LEAVES) {
    const row = leaf.path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], requests.results) as number[];
    results[leaf.path.join('.')] = withTotal(row, w);
  }
  return {
    received: withTotal(requests.received, w),
    carriedOver: withTotal(requests.carriedOver, w),
    results,
    resultsTotal: sumColumns(Object.values(results), w + 1),
    carriedForward: withTotal(requests.carriedForward, w),
  };
}

export function computeAppeals(appeals: YearFile['appeals']): Record<AppealGroupKey, Cells> {
  return Object.fromEntries(
    APPEAL_GROUPS.map((g) => [g.key, withTotal(appeals[g.key], APPEAL_OUTCOME_COUNT)]),
  ) as Record<AppealGroupKey, Cells>;
}

const dated = (name: string, isoDate: string | undefined): DatedSignature =>
  isoDate ? { name, date: formatChineseDate(isoDate), isoDate } : { name };

export const formatDocNumber = (prefix: string, year: number, number: number): string =>
  `${prefix}〔${year}〕${number}号`;

export function buildReportModel(agencyId: string, agency: AgencyFile, data: YearFile): ReportModel {
  const titles = computeTitles(agency, data.year);
  const letter = data.letter;
  const doc = data.document;
  const letterhead = letter?.letterhead ?? agency.letterhead?.letter ?? agency.name;
  const dates = [data.signature?.date, letter?.signature.date, doc?.signature?.date, doc?.printed?.date].filter(
    (d): d is string => Boolean(d),
  );
  return {
    agencyId,
    year: data.year,
    agency: { name: agency.name, shortName: agency.shortName ?? agency.name, portal: agency.portal, contact: agency.contact },
    title: titles.report,
    preamble: parseNarrative(data.preamble),
    overview: {
      intro: parseNarrative(data.overview.intro),
      subheads: data.overview.subheads ?? 'block',
      items: OVERVIEW_ITEMS.map((item) => ({
        key: item.key,
        number: item.number,
        title: data.overview[item.key].title ?? item.title,
        blocks: parseNarrative(data.overview[item.key].text),
      })),
    },
    proactive: data.proactive,
    requests: computeRequests(data.requests),
    appeals: computeAppeals(data.appeals),
    problems: parseNarrative(data.problems),
    otherMatters: parseNarrative(data.otherMatters),
    signature: data.signature ? dated(data.signature.name ?? agency.name, data.signature.date) : null,
    letter: letter
      ? {
          letterhead,
          recipient: letter.recipient ?? agency.recipients?.letter ?? '',
          number: letter.number,
          title: titles.letter,
          body: parseNarrative(letter.body ?? `现将《${titles.report}》随文报来，请予审查。`),
          signature: dated(letter.signature.name ?? letterhead, letter.signature.date) as Required<DatedSignature>,
        }
      : null,
    document: doc
      ? {
          letterhead: agency.letterhead?.document ?? `${agency.name}文件`,
          number: formatDocNumber(doc.number.prefix ?? agency.docNumberPrefix ?? '', doc.number.year, doc.number.number),
          upward: isUpward(doc.direction, titles.document),
          signer: isUpward(doc.direction, titles.document) ? (doc.signer ?? agency.signer) : undefined,
          title: titles.document,
          recipient: doc.recipient ?? agency.recipients?.document ?? '',
          opening: parseNarrative(doc.opening),
          closing: doc.closing,
          signature: dated(doc.signature?.name ?? agency.name, doc.signature?.date),
          cc: doc.cc ?? [],
          printed: doc.printed ? { by: doc.printed.by, date: formatChineseDate(doc.printed.date) } : undefined,
        }
      : null,
    issuedOn: dates.sort().at(-1) ?? `${data.year + 1}-01-01`,
  };
}
