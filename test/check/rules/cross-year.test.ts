import { describe, expect, it } from 'vitest';
import { carryover, inForceDrift } from '../../../src/check/rules/cross-year.ts';
import { contextOf, findings, messages, type ContextEdits } from './context.ts';

const LAST_FORWARD = 'carriedForward: [2, 0, 0, 0, 0, 0]';

describe('carryover-mismatch', () => {
  it.each<[string, ContextEdits, string[] | null]>([
    ['last year’s 结转 carried over', {}, []],
    ['no file for last year', { previous: null }, null],
    ['自然人 differs', { previous: [[LAST_FORWARD, 'carriedForward: [3, 0, 0, 0, 0, 0]']] }, ['carryover-mismatch@2023.yaml:46:17']],
    ['two columns differ', { previous: [[LAST_FORWARD, 'carriedForward: [2, 0, 1, 0, 0, 4]']] }, ['carryover-mismatch@2023.yaml:46:23', 'carryover-mismatch@2023.yaml:46:32']],
    ['last year’s row rejected', { previous: [[LAST_FORWARD, 'carriedForward: [2, 0, 0]']] }, null],
  ])('%s', (_, edits, expected) => {
    expect(findings(carryover, contextOf(edits))).toEqual(expected);
  });

  it('names last year and points at its cell', () => {
    const [d] = carryover.run(contextOf({ previous: [[LAST_FORWARD, 'carriedForward: [3, 0, 0, 0, 0, 0]']] }));
    expect(d!.message).toBe('自然人：上年结转写的是 2，但 2022 年报告的结转下年度继续办理为 3，相差 1');
    expect(d!.related).toEqual([{ file: '2022.yaml', line: 53, column: 20, message: '2022 年报告：四、结转下年度继续办理·自然人 3' }]);
  });
});

describe('in-force-drift', () => {
  it.each<[string, ContextEdits, string[] | null]>([
    ['38 + 3 − 1 = 40', {}, []],
    ['no file for last year', { previous: null }, null],
    ['现行有效 too high', { report: [['normativeDocuments: [3, 1, 40]', 'normativeDocuments: [3, 1, 41]']] }, ['in-force-drift@2023.yaml:37:30']],
    ['规章 issued but not in force', { report: [['regulations: [0, 0, 0]', 'regulations: [2, 0, 0]']] }, ['in-force-drift@2023.yaml:36:23']],
    ['last year’s row rejected', { previous: [['normativeDocuments: [2, 0, 38]', 'normativeDocuments: [2, 0, -38]']] }, null],
  ])('%s', (_, edits, expected) => {
    expect(findings(inForceDrift, contextOf(edits))).toEqual(expected);
  });

  it('shows the reckoning', () => {
    expect(messages(inForceDrift, contextOf({ report: [['normativeDocuments: [3, 1, 40]', 'normativeDocuments: [3, 1, 41]']] }))).toEqual([
      '行政规范性文件：现行有效件数写的是 41，按上年现行有效件数 38 + 本年制发件数 3 − 本年废止件数 1 推算应为 40，相差 1（文件到期失效也会造成差异，请核实）',
    ]);
  });
});
