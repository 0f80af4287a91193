/** What a printed report must say, derived from its model: paragraphs and table rows as text. */
import { APPEAL_GROUPS, PROACTIVE_BLOCKS, REQUEST_ROWS, RESULT_LEAVES, RESULTS_TOTAL } from '../../src/format/index.ts';
import type { Block } from '../../src/model/narrative.ts';
import type { ReportModel } from '../../src/model/report-model.ts';
import { formatNumber } from '../../src/render/html/number-format.ts';

export const squash = (text: string) => text.replace(/\s+/g, '');
const blockTexts = (blocks: readonly Block[]) => blocks.map((b) => squash(b.runs.map((r) => r.text).join('')));
const numbers = (cells: readonly number[], unit: 'count' | 'money' = 'count') => cells.map((c) => formatNumber(c, unit)).join('');

/** Every paragraph and sub-head of the model, white space removed. */
export function narrativeOf(model: ReportModel): string[] {
  return [
    ...blockTexts(model.preamble),
    ...blockTexts(model.overview.intro),
    ...model.overview.items.flatMap((i) => [squash(i.title), ...blockTexts(i.blocks)]),
    ...blockTexts(model.problems),
    ...blockTexts(model.otherMatters),
    ...(model.document ? [...blockTexts(model.document.opening), squash(model.document.closing ?? '')] : []),
  ].filter(Boolean);
}

/** Each table row as its label followed by its numbers, as the PDF text reads them. */
export function tableRowsOf(model: ReportModel): string[] {
  const rows: string[] = [];
  for (const block of PROACTIVE_BLOCKS) {
    for (const row of block.rows) {
      const value = model.proactive[row.key as keyof ReportModel['proactive']];
      rows.push(squash(row.label) + (Array.isArray(value) ? numbers(value) : formatNumber(value, row.unit)));
    }
  }
  for (const key of ['received', 'carriedOver', 'carriedForward'] as const) rows.push(squash(REQUEST_ROWS[key]) + numbers(model.requests[key]));
  for (const leaf of RESULT_LEAVES) rows.push(squash(leaf.label) + numbers(model.requests.results[leaf.path.join('.')]!));
  rows.push(squash(RESULTS_TOTAL.label) + numbers(model.requests.resultsTotal));
  rows.push(`尚未审结总计${APPEAL_GROUPS.map((g) => numbers(model.appeals[g.key])).join('')}`);
  return rows;
}
