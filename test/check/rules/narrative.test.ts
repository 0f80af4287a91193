import { describe, expect, it } from 'vitest';
import { narrativeNumbers } from '../../../src/check/rules/narrative.ts';
import { contextOf, findings, type Edit } from './context.ts';

const ON_REQUEST =
  '      2023年，我县共收到政府信息公开申请10件，上年结转申请2件，办结11件，结转下年度办理1件。\n      因政府信息公开申请引发行政复议1件，未发生行政诉讼。\n';
const sayOnRequest = (sentence: string): Edit => [ON_REQUEST, `      ${sentence}\n`];

/** Column of the first character of `number` in the line `      ${sentence}`. */
const columnOf = (sentence: string, number: string) => 7 + sentence.indexOf(number);

// The table says: 新收 10, 上年结转 2, （七）总计 11, 结转下年度 1, 行政复议 1, 行政诉讼 0,
// 行政许可 120, 行政处罚 35, 行政强制 2, 规章 [0, 0, 0], 行政规范性文件 [3, 1, 40].
describe('narrative-mismatch', () => {
  it.each<[sentence: string, wrong: string | null]>([
    ['共收到依申请公开10件。', null],
    ['共收到依申请公开12件。', '12'],
    ['全年共收到政府信息公开申请 9 件。', '9'],
    ['共受理政府信息公开申请10件。', null],
    ['共受理政府信息公开申请12件（含上年结转）。', null],
    ['共受理政府信息公开申请11件。', '11'],
    ['上年结转申请3件。', '3'],
    ['上年结转政府信息公开申请3件。', '3'],
    ['申请办结11件，结转2024年1件。', null],
    ['办结政府信息公开申请9件。', '9'],
    ['申请结转下年度继续办理2件。', '2'],
    ['共收到申请10件，结转2024年2件。', '2件'],
    ['因政府信息公开申请引发行政复议案件2起。', '2'],
    ['因依申请公开被申请行政复议1件，行政诉讼1件。', '1件。'],
    ['作出行政处罚决定35件，行政许可121件。', '121'],
    ['采取行政强制措施3件。', '3'],
    ['制发规章1件。', '1'],
    ['印发行政规范性文件4件。', '4'],
    ['现行有效行政规范性文件41件。', '41'],
    ['现行有效规范性文件40件。', null],
  ])('%s', (sentence, wrong) => {
    const ctx = contextOf({ report: [sayOnRequest(sentence)] });
    const column = wrong === null ? null : columnOf(sentence, wrong);
    expect(findings(narrativeNumbers, ctx)).toEqual(column === null ? [] : [`narrative-mismatch@2023.yaml:26:${column}`]);
  });

  it.each([
    ['another channel', '其中网站受理4件，信函受理6件。'],
    ['another year', '2022年共收到政府信息公开申请3件。'],
    ['a comparison', '同比增长20%，去年共收到依申请公开8件。'],
    ['a year after 结转 that is not next year', '结转2025年3件。'],
    ['other documents', '公开行政复议决定书65件，清理规范性文件12件，审查规章2件。'],
    ['an approximate number', '主动公开行政处罚等信息400余条，行政许可约100件。'],
    ['something else counted in 件', '办理人大代表建议15件，政府信息公开申请办理率100%。'],
    ['another kind of 办结', '办理12345热线工单，办结1200件。'],
    ['行政复议 in general', '全年办理行政复议案件120件，行政诉讼应诉45件。'],
  ])('stays silent on %s', (_, sentence) => {
    expect(findings(narrativeNumbers, contextOf({ report: [sayOnRequest(sentence)] }))).toEqual([]);
  });

  it('points inside folded and quoted scalars, with the table cell as related', () => {
    const ctx = contextOf({
      report: [
        ['problems: |\n  信息公开的及时性有待提高。\n', 'problems: >\n  信息公开的及时性有待提高，\n  全年办结申请9件。\n'],
        ['otherMatters: |\n  本年度未收取信息处理费。\n', 'otherMatters: "本年度共收到政府信息公开申请\\u0031件，未收取信息处理费。因政府信息公开行政诉讼2件。"\n'],
      ],
    });
    const found = narrativeNumbers.run(ctx);
    // 83:9 is the 9 of the folded scalar; in the quoted one, the escaped \u0031 ends at column 35.
    expect(found.map((d) => `${d.line}:${d.column}`)).toEqual(['83:9', '85:35', '85:58']);
    expect(found[0]!.message).toBe('正文写的是“办结申请9件”，但三、收到和处理政府信息公开申请情况“三、本年度办理结果”的（七）总计为 11');
    expect(found[0]!.related).toEqual([{ file: '2023.yaml', line: 48, column: 5, message: '三、收到和处理政府信息公开申请情况“三、本年度办理结果”的（七）总计：11' }]);
  });

  it('skips quantities whose table the schema rejected', () => {
    const ctx = contextOf({ report: [sayOnRequest('共收到依申请公开12件，引发行政复议2件。'), ['review: [1, 0, 0, 0]', 'review: [1, 0]']] });
    expect(findings(narrativeNumbers, ctx)).toEqual(['narrative-mismatch@2023.yaml:26:15']);
  });
});

describe('narrative-mismatch across wrapped lines', () => {
  it('keeps the year of a sentence wrapped onto the next line', () => {
    const ctx = contextOf({ report: [sayOnRequest('2022年，\n      共收到政府信息公开申请3件。')] });
    expect(findings(narrativeNumbers, ctx)).toEqual([]);
  });
});
