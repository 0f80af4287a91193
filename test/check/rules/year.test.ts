import { describe, expect, it } from 'vitest';
import { yearMatchesFile } from '../../../src/check/rules/year.ts';
import { contextOf, findings, type ContextEdits } from './context.ts';

describe('year-mismatch', () => {
  it.each<[string, ContextEdits, string[] | null]>([
    ['the year of the file name', {}, []],
    ['another year', { report: [['year: 2023', 'year: 2022']] }, ['year-mismatch@2023.yaml:2:7']],
    ['a year the schema refused', { report: [['year: 2023', 'year: 1999']] }, null],
  ])('%s', (_, edits, expected) => {
    expect(findings(yearMatchesFile, contextOf(edits))).toEqual(expected);
  });
});
