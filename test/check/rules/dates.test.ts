import { describe, expect, it } from 'vitest';
import { dateWindow, documentDate } from '../../../src/check/rules/dates.ts';
import { contextOf, findings, messages, type Edit } from './context.ts';

const LETTER = 'date: 2024-01-20';
const DOCUMENT = 'date: 2024-01-18';
const PRINTED = 'date: 2024-01-19';
const SIGNED = ['otherMatters: |\n  本年度未收取信息处理费。\n', 'otherMatters: |\n  本年度未收取信息处理费。\n\nsignature:\n  date: 2024-02-01\n'] as const;

describe('date-window', () => {
  it.each<[string, Edit[], string[]]>([
    ['dates in the first quarter', [], []],
    ['the first and last day of the window', [[LETTER, 'date: 2024-01-01'], [DOCUMENT, 'date: 2024-03-31']], []],
    ['a letter dated after 31 March', [[LETTER, 'date: 2024-04-01']], ['date-window@2023.yaml:6:11']],
    ['a document dated in the report year', [[DOCUMENT, 'date: 2023-12-31']], ['date-window@2023.yaml:12:11']],
    ['a printing date a year late', [[PRINTED, 'date: 2025-01-19']], ['date-window@2023.yaml:15:11']],
    ['the plain report signed on time', [SIGNED], []],
    ['the plain report signed late', [[SIGNED[0], SIGNED[1].replace('2024-02-01', '2024-06-01')]], ['date-window@2023.yaml:88:9']],
    ['an impossible date is the schema gate’s', [[LETTER, 'date: 2024-02-30']], []],
  ])('%s', (_, report, expected) => {
    expect(findings(dateWindow, contextOf({ report }))).toEqual(expected);
  });

  it('gives the window in Chinese dates', () => {
    expect(messages(dateWindow, contextOf({ report: [[LETTER, 'date: 2024-04-01']] }))).toEqual([
      '函的日期 2024年4月1日 不在 2023 年度报告的报送期内（2024年1月1日至2024年3月31日）；请核对年份',
    ]);
  });
});

describe('document-date-missing', () => {
  it.each<[string, Edit[], string[]]>([
    ['a dated document', [], []],
    ['no red-header document at all', [['document:\n  number: { year: 2024, number: 5 }\n  closing: 专此报告。\n  signature:\n    date: 2024-01-18\n  printed:\n    by: 示例县人民政府办公室\n    date: 2024-01-19\n', '']], []],
    ['no signature', [['  signature:\n    date: 2024-01-18\n', '']], ['document-date-missing@2023.yaml:8:1']],
    ['a signature without a date', [['  signature:\n    date: 2024-01-18\n', '  signature:\n    name: 示例县人民政府\n']], ['document-date-missing@2023.yaml:11:3']],
  ])('%s', (_, report, expected) => {
    expect(findings(documentDate, contextOf({ report }))).toEqual(expected);
  });
});
