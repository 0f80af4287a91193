/**
 * What a reader must recover from one of our own outputs, derived from the example's model:
 * every table row as its official label and its numbers cell by cell, every narrative
 * paragraph with its bold runs.
 */
import { expect } from 'vitest';
import type { DocumentBlock, ImportedDocument } from '../../../src/import/document.ts';
import { APPEAL_GROUPS, PROACTIVE_BLOCKS, REQUEST_ROWS, RESULT_LEAVES, RESULTS_TOTAL } from '../../../src/format/index.ts';
import type { Block } from '../../../src/model/narrative.ts';
import type { ReportModel } from '../../../src/model/report-model.ts';
import { formatNumber } from '../../../src/render/html/number-format.ts';

export interface ExpectedRow {
  /** The official label, white space removed; '' for the appeals row, which has none. */
  label: string;
  values: string[];
}

export const squash = (text: string) => text.replace(/\s+/gu, '');

export function expectedRows(model: ReportModel): ExpectedRow[] {
  const rows: ExpectedRow[] = [];
  for (const block of PROACTIVE_BLOCKS) {
    for (const row of block.rows) {
      const value = model.proactive[row.key as keyof ReportModel['proactive']];
      const cells = Array.isArray(value) ? value : [value];
      rows.push({ label: squash(row.label), values: cells.map((v) => formatNumber(v as number, row.unit)) });
    }
  }
  const counts = (cells: readonly number[]) => cells.map((c) => formatNumber(c, 'count'));
  for (const key of ['received', 'carriedOver', 'carriedForward'] as const) rows.push({ label: squash(REQUEST_ROWS[key]), values: counts(model.requests[key]) });
  for (const leaf of RESULT_LEAVES) rows.push({ label: squash(leaf.label), values: counts(model.requests.results[leaf.path.join('.')]!) });
  rows.push({ label: squash(RESULTS_TOTAL.label), values: counts(model.requests.resultsTotal) });
  rows.push({ label: '', values: APPEAL_GROUPS.flatMap((g) => counts(model.appeals[g.key])) });
  return rows;
}

const isNumber = (cell: string) => /^-?\d+(\.\d+)?$/u.test(cell);

/** Every table row the document holds, as its last label cell and the numbers after it. */
export function recoveredRows(blocks: readonly DocumentBlock[]): ExpectedRow[] {
  return blocks.flatMap((b) => (b.kind === 'table' ? b.rows : [])).map((row) => {
    const cells = row.map(squash);
    const firstNumber = cells.findIndex(isNumber);
    const labels = (firstNumber < 0 ? cells : cells.slice(0, firstNumber)).filter(Boolean);
    const values = firstNumber < 0 ? [] : cells.slice(firstNumber).filter(Boolean);
    return { label: labels.at(-1) ?? '', values };
  });
}

/** Asserts every row of the model's tables is in the document with exactly its numbers. */
export function expectTables(doc: ImportedDocument, model: ReportModel): void {
  for (const table of doc.blocks.filter((b) => b.kind === 'table')) {
    const width = table.rows[0]!.length;
    expect(table.rows.every((r) => r.length === width), 'every row of a grid is as wide as the first').toBe(true);
  }
  const recovered = recoveredRows(doc.blocks);
  for (const row of expectedRows(model)) {
    const found = recovered.filter((r) => (row.label === '' ? r.label === '' || r.label.endsWith('总计') : r.label === row.label) && r.values.length === row.values.length);
    expect(found.map((r) => r.values), `${doc.format}: 行“${row.label || '行政复议、行政诉讼'}”`).toContainEqual(row.values);
  }
}

const marked = (block: Block) => block.runs.map((r) => (r.bold && r.text.trim() ? `**${r.text}**` : r.text)).join('');
const SUBHEAD = /^（[一二三四五六七八九十]+）/u;

/** The model's narrative paragraphs with bold marked, white space removed. */
export function expectedParagraphs(model: ReportModel, withDocument: boolean): string[] {
  return [
    ...model.preamble.map(marked),
    ...model.overview.intro.map(marked),
    ...model.overview.items.flatMap((i) => i.blocks.map(marked)),
    ...model.problems.map(marked),
    ...model.otherMatters.map(marked),
    ...(model.document && withDocument ? model.document.opening.map(marked) : []),
  ]
    .map(squash)
    .filter(Boolean);
}

/**
 * Asserts each paragraph of the model is one paragraph of the document, on its own or run in
 * after its sub-head （一）…, and each sub-head of section 一 opens a paragraph.
 */
export function expectNarrative(doc: ImportedDocument, model: ReportModel): void {
  // The portal page shows the report, not the numbered document's opening.
  const withDocument = doc.format !== 'html';
  const paragraphs = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [squash(b.text)] : []));
  for (const expected of expectedParagraphs(model, withDocument)) {
    const runIn = (p: string) => SUBHEAD.test(p) && p.endsWith(expected) && model.overview.items.some((i) => p.slice(0, -expected.length).includes(squash(i.title)));
    expect(paragraphs.some((p) => p === expected || runIn(p)), `${doc.format}: 段落“${expected.slice(0, 40)}…”`).toBe(true);
  }
  for (const item of model.overview.items) {
    const title = squash(item.title);
    expect(paragraphs.some((p) => p.replace(SUBHEAD, '').startsWith(title)), `${doc.format}: 小标题“${title}”`).toBe(true);
  }
}
