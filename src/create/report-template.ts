/**
 * The commented `<year>.yaml` that `nianbao new` writes: every table row of the 2021 format as a
 * row of zeros under a comment with its official label. Started from last year's file, it carries
 * 上年结转 over from last year's 结转下年度 and keeps the narrative and the letter/document set-up as
 * a draft, with every date cleared.
 */
import {
  APPEAL_GROUPS,
  APPEAL_OUTCOMES,
  APPEAL_OUTCOME_COUNT,
  APPLICANT_COLUMNS,
  APPLICANT_COUNT,
  OVERVIEW_ITEMS,
  PROACTIVE_BLOCKS,
  REQUEST_ROWS,
  RESULT_ROWS,
  RESULTS_TOTAL,
  SECTION_HEADINGS,
  type OverviewItemKey,
} from '../format/index.ts';
import type { AppealsData, Overview, OverviewItem, ProactiveData, RequestsData } from '../model/types.ts';
import { CommentedDocument, field, optional, type Field } from './commented-yaml.ts';
import { draftFields, type Draft } from './previous-year.ts';

const zeros = (n: number): number[] => Array.from({ length: n }, () => 0);
const APPLICANTS = APPLICANT_COLUMNS.map((c) => c.label).join('、');
const OUTCOMES = APPEAL_OUTCOMES.map((o) => o.label).join('、');

/** What a year file holds besides its letter and document set-up; absent parts are written empty. */
export interface ReportContent {
  preamble?: string;
  overview?: DeepPartialOverview;
  proactive?: ProactiveData;
  requests?: RequestsData;
  appeals?: AppealsData;
  problems?: string;
  otherMatters?: string;
}

type DeepPartialOverview = Partial<Omit<Overview, OverviewItemKey>> & Partial<Record<OverviewItemKey, Partial<OverviewItem>>>;

/**
 * The fields from `year` to `otherMatters`, every one under a comment with its official label;
 * tables in table order (zeros where `content` has none), narrative as literal blocks.
 * `note` is added to the comment of every narrative field; `carriedOverNote` to 上年结转's.
 */
export function reportFields(d: CommentedDocument, year: number, content: ReportContent, note = '', carriedOverNote = ''): Field[] {
  const overview = d.map([
    content.overview?.intro
      ? field('intro', `“（一）”之前的导语段落${note}`, d.text(content.overview.intro))
      : optional('intro', '“（一）”之前的导语段落（可选）', `${year}年，我单位认真贯彻落实《中华人民共和国政府信息公开条例》……\n`),
    field('subheads', '小标题样式：block 为“（一）……”单独成行；runIn 为“（一）……。”接排在段首', content.overview?.subheads ?? 'block'),
    ...OVERVIEW_ITEMS.map((item) =>
      field(
        item.key,
        `${item.number}${item.title}：${item.description}`,
        d.map([
          field('title', `小标题，默认为“${item.title}”`, d.string(content.overview?.[item.key]?.title ?? item.title)),
          field('text', `正文${note}`, d.text(content.overview?.[item.key]?.text)),
        ]),
      ),
    ),
  ]);

  const p = content.proactive as Record<string, number | number[]> | undefined;
  const proactive = d.map(
    PROACTIVE_BLOCKS.flatMap((block) =>
      block.rows.map((row) =>
        field(
          row.key,
          `${block.item} ${row.label}：${block.columns.join('、')}`,
          block.columns.length > 1 ? d.numbers((p?.[row.key] as number[] | undefined) ?? zeros(block.columns.length)) : (p?.[row.key] ?? 0),
        ),
      ),
    ),
  );

  const r = content.requests;
  const applicants = (values: readonly number[] | undefined) => d.numbers(values ?? zeros(APPLICANT_COUNT));
  const resultValues = r?.results as unknown as Record<string, number[] & Record<string, number[]>> | undefined;
  const results = d.map([
    ...RESULT_ROWS.map((row) =>
      row.kind === 'leaf'
        ? field(row.key, row.label, applicants(resultValues?.[row.key]))
        : field(row.key, row.label, d.map(row.children.map((c) => field(c.key, c.label, applicants(resultValues?.[row.key]?.[c.key]))))),
    ),
    ...(r?.results?.total ? [field(RESULTS_TOTAL.key, `${RESULTS_TOTAL.label}（原文印出的数字，与各项之和不符，请核对）`, applicants(r.results.total))] : []),
  ]);
  const requests = d.map([
    field('received', REQUEST_ROWS.received, applicants(r?.received)),
    field('carriedOver', REQUEST_ROWS.carriedOver + carriedOverNote, applicants(r?.carriedOver)),
    field('results', `${REQUEST_ROWS.results}（${RESULTS_TOTAL.label}由程序计算）`, results),
    field('carriedForward', REQUEST_ROWS.carriedForward, applicants(r?.carriedForward)),
  ]);

  const appeals = d.map(
    APPEAL_GROUPS.map((g) =>
      field(g.key, g.parent ? `${g.parent}：${g.label}` : g.label, d.numbers(content.appeals?.[g.key] ?? zeros(APPEAL_OUTCOME_COUNT))),
    ),
  );

  return [
    field('year', '报告年度', year),
    content.preamble
      ? field('preamble', `“一、总体情况”之前的段落${note}`, d.text(content.preamble))
      : optional('preamble', '“一、总体情况”之前的段落，如编制依据、报告期（可选）', `本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。\n`),
    field('overview', SECTION_HEADINGS.overview, overview),
    field('proactive', `${SECTION_HEADINGS.proactive}（件数为整数，收费金额单位为万元）`, proactive),
    field('requests', `${SECTION_HEADINGS.requests}\n每行六个数依次为：${APPLICANTS}（总计列由程序计算）`, requests),
    field('appeals', `${SECTION_HEADINGS.appeals}\n每行四个数依次为：${OUTCOMES}（总计由程序计算）`, appeals),
    field('problems', `${SECTION_HEADINGS.problems}${note}`, d.text(content.problems)),
    field('otherMatters', `${SECTION_HEADINGS.otherMatters}（含信息处理费的收取情况）${note}`, d.text(content.otherMatters)),
  ];
}

export function reportTemplate(schemaLine: string, year: number, previous: Draft | null): string {
  const d = new CommentedDocument([
    schemaLine,
    `${year}年度政府信息公开工作年度报告的数据（按国办公开办函〔2021〕30号格式）。`,
    '表格只填各行的明细数，合计、总计由程序计算；正文支持分段、**加粗**，以及 ## 或 ### 开头的小标题。',
    ...(previous ? [`本文件由 ${previous.year} 年度的数据生成：正文沿用上年内容作为草稿，表格数字已清零，日期已清空。`] : []),
  ]);
  const draftNote = previous ? '（沿用上年内容作为草稿，请按本年情况修改）' : '';
  const prev = previous?.data;
  const carriedOver = prev?.requests?.carriedForward && previous?.year === year - 1 ? prev.requests.carriedForward.slice(0, APPLICANT_COUNT) : null;
  const content: ReportContent = {
    preamble: prev?.preamble,
    overview: prev?.overview as DeepPartialOverview | undefined,
    problems: prev?.problems,
    otherMatters: prev?.otherMatters,
    ...(carriedOver ? { requests: { received: zeros(APPLICANT_COUNT), carriedOver, carriedForward: zeros(APPLICANT_COUNT) } as unknown as RequestsData } : {}),
  };
  const fields: Field[] = [
    ...reportFields(
      d,
      year,
      content,
      draftNote,
      carriedOver
        ? `（已按 ${year - 1} 年度“结转下年度继续办理”填入）`
        : previous
          ? `（缺少 ${year - 1} 年度的数据文件，未能自动填入：请按 ${year - 1} 年度报告的“结转下年度继续办理”填写）`
          : '',
    ),
    ...draftFields(d, prev ?? null, year),
  ];
  if (!prev?.letter) {
    fields.push(
      optional('letter', '报送函（信函格式，可选）：需要随报告生成报送上级机关的函时填写；主送机关不填则取 agency.yaml 的 recipients.letter', {
        signature: { date: `${year + 1}-01-20` },
      }),
    );
  }
  if (!prev?.document) {
    fields.push(
      optional('document', '红头文件（带发文字号的报告，可选）：number 为发文字号的年份和序号，机关代字取 agency.yaml 的 docNumberPrefix', {
        number: { year: year + 1, number: 1 },
        signature: { date: `${year + 1}-01-20` },
      }),
    );
  }
  return d.setRoot(fields).toString();
}
