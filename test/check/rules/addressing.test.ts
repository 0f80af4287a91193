import { describe, expect, it } from 'vitest';
import { addressing } from '../../../src/check/rules/addressing.ts';
import { contextOf, findings, type ContextEdits } from './context.ts';

const NO_LETTER_DEFAULT = ['  letter: 示例市人民政府办公室\n', ''] as const;
const NO_DOCUMENT_DEFAULT = ['  document: 示例市人民政府\n', ''] as const;
const NO_PREFIX = ['docNumberPrefix: 示政字\n', ''] as const;

describe('recipient-missing and doc-number-prefix-missing', () => {
  it.each<[string, ContextEdits, string[] | null]>([
    ['defaults from agency.yaml', {}, []],
    ['no default recipient of the letter', { agency: [NO_LETTER_DEFAULT] }, ['recipient-missing@2023.yaml:4:1']],
    ['the letter names its own recipient', { agency: [NO_LETTER_DEFAULT], report: [['letter:\n', 'letter:\n  recipient: 示例市政务公开办\n']] }, []],
    ['no default recipient of the document', { agency: [NO_DOCUMENT_DEFAULT] }, ['recipient-missing@2023.yaml:8:1']],
    ['the document names its own recipient', { agency: [NO_DOCUMENT_DEFAULT], report: [['  closing: 专此报告。\n', '  closing: 专此报告。\n  recipient: 示例市人民政府\n']] }, []],
    ['no 机关代字 anywhere', { agency: [NO_PREFIX] }, ['doc-number-prefix-missing@2023.yaml:9:3']],
    ['the 机关代字 in the year file', { agency: [NO_PREFIX], report: [['number: { year: 2024', 'number: { prefix: 示政字, year: 2024']] }, []],
    ['no letter and no document need no recipients', { agency: [['recipients:\n  letter: 示例市人民政府办公室\n  document: 示例市人民政府\n', '']], report: [['letter:\n  signature:\n    date: 2024-01-20\n', ''], ['document:\n  number: { year: 2024, number: 5 }\n  closing: 专此报告。\n  signature:\n    date: 2024-01-18\n  printed:\n    by: 示例县人民政府办公室\n    date: 2024-01-19\n', '']] }, []],
    ['agency.yaml rejected by the schema', { agency: [['recipients:\n', 'recipients:\n  fax: 1\n']] }, []],
    ['recipients of the wrong type', { agency: [['recipients:\n  letter: 示例市人民政府办公室\n  document: 示例市人民政府\n', 'recipients: 示例市\n']] }, null],
  ])('%s', (_, edits, expected) => {
    expect(findings(addressing, contextOf(edits))).toEqual(expected);
  });

  it('does not run without agency.yaml', () => {
    expect(findings(addressing, { ...contextOf(), agency: null })).toBeNull();
  });
});
