/**
 * The 汇总 report of a group and year as a data file of its own (`summary.yaml`): the summed
 * tables, a narrative skeleton for the office to complete, and the office as 署名. It goes through
 * the same gate as any report, so every 勾稽 rule (and the carry-over from last year's sum) is
 * checked on the sum, not assumed.
 */
import path from 'node:path';
import { Document, isScalar, visit } from 'yaml';
import { checkReport } from '../check/index.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { displayPath } from '../diagnostics/display-path.ts';
import { parseSource, type SourceFile } from '../load/source-file.ts';
import type { ReportModel } from '../model/report-model.ts';
import type { AgencyFile, YearFile } from '../model/types.ts';
import type { NianbaoOptions } from '../options.ts';
import { schemaLine } from '../validate/schema/index.ts';
import type { GroupData } from './group-file.ts';
import type { MemberReport } from './member-reports.ts';
import { sumTables, type SummedTables } from './sum-tables.ts';

export const SUMMARY_DATA_FILE = 'summary.yaml';
export const SUMMARY_TITLE_PATTERN = '{机关名称}{年度}年政府信息公开工作年度报告（汇总）';
/** Marks every passage the office still has to write. */
export const TO_COMPLETE = '【待填写】';

export interface SummaryReport {
  /** The summary's data file as written beside its outputs. */
  source: SourceFile;
  diagnostics: Diagnostic[];
  /** Null when the gate found an error in the sum. */
  model: ReportModel | null;
}

const total = (row: readonly number[]) => row.reduce((a, b) => a + b, 0);

export function summaryAgency(group: GroupData): AgencyFile {
  return { name: group.name, shortName: group.name, titles: { report: SUMMARY_TITLE_PATTERN } };
}

function skeleton(group: GroupData, year: number, included: readonly MemberReport[], missing: readonly MemberReport[], tables: SummedTables): YearFile {
  const names = included.map((m) => m.agencyName).join('、');
  const absent = missing.length ? `${missing.map((m) => m.agencyName).join('、')}未报送${year}年度报告，未计入本汇总。` : '';
  const todo = (what: string) => `${TO_COMPLETE}${what}`;
  return {
    year,
    preamble: `本报告由${group.office}根据${names}共${included.length}个机关的${year}年度政府信息公开工作年度报告汇总编制，表格中的数字为各机关相应数字之和。${absent}`,
    overview: {
      intro: todo(`概述${year}年${group.name}政府信息公开工作的总体情况：贯彻落实《中华人民共和国政府信息公开条例》的主要举措、工作机制和取得的成效，以及各成员机关工作的共同特点。`),
      subheads: 'block',
      proactive: { text: todo('汇总说明各机关主动公开政府信息的情况：公开的主要内容和数量、重点领域信息公开、政策解读和回应关切的做法，可引用下表中的数字。') },
      onRequest: {
        text: `${year}年，各机关共收到政府信息公开申请${total(tables.requests.received)}件。${todo('说明依申请公开的受理渠道、办理时限和答复质量，以及对申请集中事项的分析。')}`,
      },
      management: { text: todo('说明政府信息管理制度的建立与执行情况：公开前保密审查、公开属性源头认定、政策文件清理和信息发布后的归档管理等。') },
      platform: { text: todo('说明政府信息公开平台建设情况：政府门户网站、政务新媒体、公开专栏和线下查阅场所的建设与运行维护。') },
      oversight: { text: todo('说明监督保障情况：工作考核、社会评议、责任追究、业务培训和对下级机关的指导检查。') },
    },
    ...tables,
    problems: todo('汇总各机关政府信息公开工作存在的主要问题，逐项写明上年度问题的整改情况和本年度的改进措施。'),
    otherMatters: todo('写明其他需要报告的事项，包括各机关收取信息处理费的情况；没有收费的，写明本年度未收取信息处理费。'),
    signature: { name: group.office },
  };
}

/** Table rows on one line each, as in the agencies' own files. */
function yamlText(kind: 'agency' | 'report', data: unknown, note: string): string {
  const doc = new Document(data);
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item) && typeof item.value === 'number')) node.flow = true;
    },
  });
  return `${schemaLine(kind)}\n# ${note}\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}

/** The summary's year file; `folder` is where it is written (its diagnostics name that file). */
export function summaryYearText(group: GroupData, year: number, included: readonly MemberReport[], missing: readonly MemberReport[]): string {
  const data = skeleton(group, year, included, missing, sumTables(included.map((m) => m.model!)));
  return yamlText('report', data, `${group.name}${year}年度汇总：表格由 nianbao 按成员机关的报告相加得出；请补全正文中的${TO_COMPLETE}部分。`);
}

export async function checkSummary(
  groupFile: string,
  group: GroupData,
  year: number,
  folder: string,
  included: readonly MemberReport[],
  missing: readonly MemberReport[],
  previous: readonly MemberReport[] | null,
  options: NianbaoOptions,
): Promise<SummaryReport> {
  const file = path.join(folder, SUMMARY_DATA_FILE);
  const source = parseSource(displayPath(file), file, summaryYearText(group, year, included, missing));
  const agency = parseSource(displayPath(groupFile), groupFile, yamlText('agency', summaryAgency(group), '汇总报告的主体'));
  const prior = previous
    ? parseSource(`${displayPath(groupFile)}（${year - 1}年度汇总）`, file, summaryYearText(group, year - 1, previous, []))
    : null;
  const gate = await checkReport(
    { agencyId: path.basename(groupFile, '.yaml'), year, agencyDir: path.dirname(groupFile), agency, report: source, previous: prior },
    options,
  );
  return { source, diagnostics: gate.diagnostics, model: gate.failed ? null : gate.model };
}
