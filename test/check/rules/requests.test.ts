import { describe, expect, it } from 'vitest';
import { requestsBalance, requestsResultsTotal } from '../../../src/check/rules/requests-balance.ts';
import { appealTotals, requestRowTotals } from '../../../src/check/rules/row-totals.ts';
import { contextOf, findings, messages, type Edit } from './context.ts';

const RECEIVED = 'received: [8, 1, 0, 0, 1, 0]';
const OVER = 'carriedOver: [2, 0, 0, 0, 0, 0]';
const FORWARD = 'carriedForward: [1, 0, 0, 0, 0, 0]';
const LAST_LEAF = '      other: [0, 0, 0, 0, 0, 0]\n';
const withTotal = (total: string): Edit => [LAST_LEAF, `${LAST_LEAF}    total: ${total}\n`];

describe('requests-balance', () => {
  it.each<[string, Edit[], string[] | null]>([
    ['a clean table', [], []],
    ['上年结转 one too many for 自然人', [[OVER, 'carriedOver: [3, 0, 0, 0, 0, 0]']], ['requests-balance@2023.yaml:45:14', 'requests-balance@2023.yaml:45:13']],
    ['社会公益组织 received without a result', [[RECEIVED, 'received: [8, 1, 0, 1, 1, 0]']], ['requests-balance@2023.yaml:45:23', 'requests-balance@2023.yaml:45:13']],
    ['two columns that cancel in 总计', [[RECEIVED, 'received: [7, 2, 0, 0, 1, 0]']], ['requests-balance@2023.yaml:45:14', 'requests-balance@2023.yaml:45:17']],
    ['a column balanced through 结转下年度', [[RECEIVED, 'received: [8, 1, 1, 0, 1, 0]'], [FORWARD, 'carriedForward: [1, 0, 1, 0, 0, 0]']], []],
    ['written totals that agree', [[RECEIVED, 'received: [8, 1, 0, 0, 1, 0, 10]'], [FORWARD, 'carriedForward: [1, 0, 0, 0, 0, 0, 1]']], []],
    ['a table the schema rejected', [[OVER, "carriedOver: ['2', 0, 0, 0, 0, 0]"]], null],
  ])('%s', (_, report, expected) => {
    expect(findings(requestsBalance, contextOf({ report }))).toEqual(expected);
  });

  it('states the numbers that disagree', () => {
    expect(messages(requestsBalance, contextOf({ report: [[OVER, 'carriedOver: [3, 0, 0, 0, 0, 0]']] }))).toEqual([
      '自然人：本年新收 8 + 上年结转 3 = 11，办理结果总计 9 + 结转下年度 1 = 10，相差 1',
      '总计：本年新收 10 + 上年结转 3 = 13，办理结果总计 11 + 结转下年度 1 = 12，相差 1',
    ]);
  });

  it('points at 结转下年度 as the related cell', () => {
    const [d] = requestsBalance.run(contextOf({ report: [[OVER, 'carriedOver: [3, 0, 0, 0, 0, 0]']] }));
    expect(d!.related).toEqual([{ file: '2023.yaml', line: 73, column: 20, message: '四、结转下年度继续办理·自然人：1' }]);
  });
});

describe('requests-results-total', () => {
  it.each<[string, Edit[], string[]]>([
    ['（七）总计 not written', [], []],
    ['（七）总计 written right', [withTotal('[9, 1, 0, 0, 1, 0]')], []],
    ['（七）总计 written right with its own 总计', [withTotal('[9, 1, 0, 0, 1, 0, 11]')], []],
    ['（七）总计 wrong for 自然人', [withTotal('[10, 1, 0, 0, 1, 0]')], ['requests-results-total@2023.yaml:73:13']],
    ['（七）总计 wrong in two columns', [withTotal('[9, 0, 0, 0, 1, 1]')], ['requests-results-total@2023.yaml:73:16', 'requests-results-total@2023.yaml:73:28']],
  ])('%s', (_, report, expected) => {
    expect(findings(requestsResultsTotal, contextOf({ report }))).toEqual(expected);
  });
});

describe('requests-row-total', () => {
  it.each<[string, Edit[], string[]]>([
    ['no written totals', [], []],
    ['a right 总计', [[RECEIVED, 'received: [8, 1, 0, 0, 1, 0, 10]']], []],
    ['a wrong 总计 on 本年新收', [[RECEIVED, 'received: [8, 1, 0, 0, 1, 0, 11]']], ['requests-row-total@2023.yaml:45:32']],
    ['a wrong 总计 on a result leaf', [['notHeld: [2, 0, 0, 0, 1, 0]', 'notHeld: [2, 0, 0, 0, 1, 0, 2]']], ['requests-row-total@2023.yaml:60:35']],
    ['a wrong 总计 on （七）总计', [withTotal('[9, 1, 0, 0, 1, 0, 12]')], ['requests-row-total@2023.yaml:73:31']],
  ])('%s', (_, report, expected) => {
    expect(findings(requestRowTotals, contextOf({ report }))).toEqual(expected);
  });

  it('shows the sum', () => {
    expect(messages(requestRowTotals, contextOf({ report: [[RECEIVED, 'received: [8, 1, 0, 0, 1, 0, 11]']] }))).toEqual([
      '一、本年新收政府信息公开申请数量：总计写的是 11，但 自然人 8 + 商业企业 1 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 1 + 其他 0 = 10，相差 1（总计可以不写，由工具计算）',
    ]);
  });
});

describe('appeals-total', () => {
  it.each<[string, Edit[], string[] | null]>([
    ['no written totals', [], []],
    ['right totals', [['review: [1, 0, 0, 0]', 'review: [1, 0, 0, 0, 1]']], []],
    ['行政复议', [['review: [1, 0, 0, 0]', 'review: [1, 0, 0, 0, 2]']], ['appeals-total@2023.yaml:77:24']],
    ['未经复议直接起诉', [['litigationDirect: [0, 0, 0, 0]', 'litigationDirect: [0, 1, 1, 0, 1]']], ['appeals-total@2023.yaml:78:34']],
    ['复议后起诉', [['litigationAfterReview: [0, 0, 0, 0]', 'litigationAfterReview: [0, 0, 0, 3, 0]']], ['appeals-total@2023.yaml:79:39']],
    ['a rejected table', [['review: [1, 0, 0, 0]', 'review: [1, 0, 0]']], null],
  ])('%s', (_, report, expected) => {
    expect(findings(appealTotals, contextOf({ report }))).toEqual(expected);
  });

  it('names the outcomes', () => {
    expect(messages(appealTotals, contextOf({ report: [['review: [1, 0, 0, 0]', 'review: [1, 0, 0, 0, 2]']] }))).toEqual([
      '行政复议：总计写的是 2，但 结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 0 = 1，相差 1（总计可以不写，由工具计算）',
    ]);
  });
});
