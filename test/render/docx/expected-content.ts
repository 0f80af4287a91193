/**
 * What a rendered document must hold, read from the model independently of the renderer: every
 * paragraph of the narrative and every row of numbers, walked from the 2021 format (src/format).
 */
import { APPEAL_GROUPS, PROACTIVE_BLOCKS, RESULT_LEAVES } from '../../../src/format/index.ts';
import { blocksText, type Block } from '../../../src/model/narrative.ts';
import type { ReportModel } from '../../../src/model/report-model.ts';
import { formatNumber } from '../../../src/render/html/number-format.ts';

/** Every narrative paragraph and sub-head of the report (with the numbered report's opening). */
export function reportParagraphs(model: ReportModel): string[] {
  const blocks: Block[] = [
    ...(model.document?.opening ?? []),
    ...model.preamble,
    ...model.overview.intro,
    ...model.overview.items.flatMap((i) => i.blocks),
    ...model.problems,
    ...model.otherMatters,
  ];
  return [
    ...blocks.map((b) => blocksText([b])),
    ...model.overview.items.map((i) => `${i.number}${i.title}`),
    ...(model.document?.closing ? [model.document.closing] : []),
  ];
}

/** The numbers of each table row, as printed, in table order. */
export function tableRows(model: ReportModel): string[][] {
  const count = (n: number) => formatNumber(n, 'count');
  const proactive = PROACTIVE_BLOCKS.flatMap((block) =>
    block.rows.map((row) => {
      const value = model.proactive[row.key as keyof ReportModel['proactive']];
      return (Array.isArray(value) ? value : [value]).map((v) => formatNumber(v, row.unit));
    }),
  );
  const r = model.requests;
  const requests = [
    r.received,
    r.carriedOver,
    ...RESULT_LEAVES.map((leaf) => r.results[leaf.path.join('.')]!),
    r.resultsTotal,
    r.carriedForward,
  ].map((cells) => cells.map(count));
  const appeals = [APPEAL_GROUPS.flatMap((g) => model.appeals[g.key].map(count))];
  return [...proactive, ...requests, ...appeals];
}

/** Whitespace removed: LibreOffice's grid and pdftotext add spaces and line breaks of their own. */
export const squeeze = (text: string): string => text.replace(/\s+/g, '');
