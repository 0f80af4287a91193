/** Example models with the optional parts the five examples leave out. */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildReportModel, type ReportModel } from '../../../src/model/report-model.ts';
import type { AgencyFile, YearFile } from '../../../src/model/types.ts';
import { loadExample } from '../html/example-reports.ts';

/** test/fixtures/table-split-across-pages: 三 starts low on a page and must break. */
export function tableSplitReport(): { model: ReportModel; agencyDir: string } {
  const agencyDir = path.resolve(import.meta.dirname, '../../fixtures/table-split-across-pages/data/demo-county');
  const read = <T>(file: string) => parse(fs.readFileSync(path.join(agencyDir, file), 'utf8')) as T;
  return { agencyDir, model: buildReportModel('demo-county', read<AgencyFile>('agency.yaml'), read<YearFile>('2023.yaml')) };
}

/** The numbered example (jinjie) with 签发人, 抄送, 印发 and a dated 署名. */
export function fullNumberedReport(): { model: ReportModel; agencyDir: string } {
  const { model, agencyDir } = loadExample('jinjie');
  return {
    agencyDir,
    model: {
      ...model,
      document: {
        ...model.document!,
        signer: '王建国',
        cc: ['榆林市人民政府办公室', '神木市政务公开办公室'],
        printed: { by: '神木市锦界镇人民政府办公室', date: '2024年2月5日' },
        signature: { name: '神木市锦界镇人民政府', date: '2024年2月5日', isoDate: '2024-02-05' },
      },
    },
  };
}

/** The 函 example (shenmu) with a 发文字号 of its own. */
export function numberedLetter(): { model: ReportModel; agencyDir: string } {
  const { model, agencyDir } = loadExample('shenmu');
  return { agencyDir, model: { ...model, letter: { ...model.letter!, number: '神信函〔2024〕3号' } } };
}

/** A 函 with a body long enough to measure its running text against the page grid. */
export function longLetter(): { model: ReportModel; agencyDir: string } {
  const { model, agencyDir } = loadExample('shenmu');
  const paragraph = (text: string) => ({ type: 'paragraph' as const, runs: [{ text, bold: false }] });
  const body = [
    paragraph('现将《神木市人民政府二〇二三年度政府信息公开工作报告》随文报来，请予审查。报告按照国务院办公厅政府信息与政务公开办公室印发的年度报告格式编写，全面反映了本机关主动公开、依申请公开、政府信息管理、平台建设和监督保障等方面的情况。'),
    paragraph('报告中的统计数据已经逐项核对，各项数据之间的勾稽关系准确无误，文字部分与表格数据相互印证。如需进一步了解有关情况，请与本机关政府信息公开工作机构联系，我们将及时予以说明和补充。'),
  ];
  return { agencyDir, model: { ...model, letter: { ...model.letter!, body } } };
}
