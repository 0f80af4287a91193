import { describe, expect, it } from 'vitest';
import { documentParts } from '../../../src/check/rules/document-parts.ts';
import { contextOf, findings, messages, type ContextEdits } from './context.ts';

const NO_SIGNER = ['signer: 张三\n', ''] as const;
const NO_PRINTED = ['  printed:\n    by: 示例县人民政府办公室\n    date: 2024-01-19\n', ''] as const;
const CLOSING = '  closing: 专此报告。\n';
const NO_DOCUMENT = [
  'document:\n  number: { year: 2024, number: 5 }\n  closing: 专此报告。\n  signature:\n    date: 2024-01-18\n  printed:\n    by: 示例县人民政府办公室\n    date: 2024-01-19\n',
  '',
] as const;

describe('signer-missing and imprint-missing', () => {
  it.each<[string, ContextEdits, string[] | null]>([
    ['签发人 from agency.yaml and a 版记', {}, []],
    ['an upward report (its title ends in 报告) without 签发人', { agency: [NO_SIGNER] }, ['signer-missing@2023.yaml:8:1']],
    ['the 签发人 in the year file', { agency: [NO_SIGNER], report: [[CLOSING, `${CLOSING}  signer: 李四\n`]] }, []],
    ['declared downward: no 签发人 needed', { agency: [NO_SIGNER], report: [[CLOSING, `${CLOSING}  direction: downward\n`]] }, []],
    ['declared parallel: no 签发人 needed', { agency: [NO_SIGNER], report: [[CLOSING, `${CLOSING}  direction: parallel\n`]] }, []],
    [
      'a 通知 is not upward by its 文种',
      { agency: [NO_SIGNER, ['shortName: 示例县政府\n', "shortName: 示例县政府\ntitles:\n  document: '{机关名称}关于印发《{报告标题}》的通知'\n"]] },
      [],
    ],
    [
      'a 通知 declared upward needs one',
      {
        agency: [NO_SIGNER, ['shortName: 示例县政府\n', "shortName: 示例县政府\ntitles:\n  document: '{机关名称}关于印发《{报告标题}》的通知'\n"]],
        report: [[CLOSING, `${CLOSING}  direction: upward\n`]],
      },
      ['signer-missing@2023.yaml:8:1'],
    ],
    ['no 版记', { report: [NO_PRINTED] }, ['imprint-missing@2023.yaml:8:1']],
    ['neither', { agency: [NO_SIGNER], report: [NO_PRINTED] }, ['signer-missing@2023.yaml:8:1', 'imprint-missing@2023.yaml:8:1']],
    ['no red-header document at all', { agency: [NO_SIGNER], report: [NO_DOCUMENT] }, []],
    ['a direction the schema refuses', { report: [[CLOSING, `${CLOSING}  direction: sideways\n`]] }, null],
  ])('%s', (_, edits, expected) => {
    expect(findings(documentParts, contextOf(edits))).toEqual(expected);
  });

  it('names the field to fill and the clause of GB/T 9704, in Chinese', () => {
    expect(messages(documentParts, contextOf({ agency: [NO_SIGNER], report: [NO_PRINTED] }))).toEqual([
      expect.stringMatching(/^上行文红头文件没有签发人（GB\/T 9704-2012 7\.2\.4）：请在 document\.signer 中填写/),
      expect.stringMatching(/^红头文件没有版记的印发机关和印发日期（GB\/T 9704-2012 7\.4）：请在 document\.printed 中填写/),
    ]);
  });

  it('does not run without agency.yaml', () => {
    expect(findings(documentParts, { ...contextOf(), agency: null })).toBeNull();
  });
});
