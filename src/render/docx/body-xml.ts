/**
 * The generated body of the DOCX (`{@body}` in the templates): the same report view the HTML
 * draws, as paragraphs in the template's styles: 一、 in Heading1 (黑体), （一） in Heading2 (楷体),
 * 1. in Heading3, narrative in BodyParagraph (two-character indent), and the three tables.
 */
import type { Block } from '../../model/narrative.ts';
import { buildNarrative, type BlockView } from '../html/narrative-view.ts';
import type { OverviewItemView, ReportView, SectionView } from '../html/report-view.ts';
import type { TableView } from '../html/table-view.ts';
import { TYPE_AREA } from './page-geometry.ts';
import { tableXml, type TableLayout } from './table-xml.ts';
import { paragraph, textRuns } from './wordml.ts';

/** Heading styles by the narrative's own depth: （一）… is 楷体 whatever it sits under, 1.… 仿宋 bold. */
const HEADING_STYLES = { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3' } as const;

const runsXml = (runs: BlockView['runs']): string => runs.map((r) => textRuns(r.text, { bold: r.bold })).join('');

const blockXml = (block: BlockView, keepNext = false): string =>
  paragraph(
    { style: block.heading ? HEADING_STYLES[block.depth ?? 2] : 'BodyParagraph', properties: keepNext ? '<w:keepNext/>' : '' },
    runsXml(block.runs),
  );

/** Narrative straight from the model (the 函's body, the numbered report's opening). */
export const narrativeXml = (blocks: readonly Block[]): string => buildNarrative(blocks, 2).map((b) => blockXml(b)).join('');

function overviewItemXml(item: OverviewItemView): string {
  const rest = item.blocks.map((b) => blockXml(b)).join('');
  if (item.runIn && item.lead) {
    // The sub-head opens the paragraph in 楷体; the paragraph itself stays body text.
    const lead = textRuns(item.heading, { style: 'RunInHeading' }) + runsXml(item.lead.runs);
    return paragraph({ style: 'BodyParagraph' }, lead) + rest;
  }
  return paragraph({ style: HEADING_STYLES[2] }, textRuns(item.heading)) + rest;
}

/**
 * Column widths in twips by table, as the print PDF sizes them: fixed widths, and `null` for the
 * one column that takes what they leave of the 156 mm type area. A table not listed divides the
 * area evenly. Word's widths include the cell margins (0.8 mm a side).
 */
const COLUMN_WIDTHS: Record<string, (count: number) => (number | null)[]> = {
  // 信息内容 takes 34 %; three value columns share the rest.
  proactive: (count) => [Math.round(TYPE_AREA.width * 0.34), ...Array<null>(count - 1).fill(null)],
  // 三、本年度办理结果 (2.2 characters) | （三）不予公开 (3.2) | the leaf label | seven numbers of 10.5 mm.
  requests: (count) => [555, 763, null, ...Array<number>(count - 3).fill(595)],
};

function tableLayout(table: TableView): TableLayout {
  const count = table.colgroups.reduce((n, g) => n + g.span, 0);
  const widths = COLUMN_WIDTHS[table.kind]?.(count) ?? Array<null>(count).fill(null);
  const fixed = widths.reduce<number>((sum, w) => sum + (w ?? 0), 0);
  const flexible = widths.filter((w) => w === null).length;
  const share = Math.floor((TYPE_AREA.width - fixed) / flexible);
  let spare = TYPE_AREA.width - fixed - share * flexible;
  const columns = widths.map((w) => w ?? share + (spare-- > 0 ? 1 : 0));
  return { columns, labelsLeft: table.kind === 'requests' };
}

function sectionXml(section: SectionView, items: readonly OverviewItemView[] = [], keepLastWithNext = false): string {
  const last = section.blocks.length - 1;
  return [
    paragraph({ style: HEADING_STYLES[1] }, textRuns(section.heading)),
    // The last paragraph keeps with the 结束语 and 署名 below: a page never holds the 署名 alone (GB/T 9704 7.3.5).
    ...section.blocks.map((b, i) => blockXml(b, keepLastWithNext && i === last && !items.length && !section.table)),
    ...items.map(overviewItemXml),
    section.table ? tableXml(section.table, tableLayout(section.table)) : '',
  ].join('');
}

/**
 * The report from its preamble to 六、其他需要报告的事项; `opening` precedes it in a numbered report.
 * `closed`: a 结束语 or 署名 follows, and the last paragraph keeps with it.
 */
export function reportBodyXml(view: ReportView, opening: readonly Block[] = [], closed = false): string {
  const last = view.sections.at(-1);
  return [
    narrativeXml(opening),
    ...view.preamble.map((b) => blockXml(b)),
    ...view.sections.map((s) => sectionXml(s, s === view.overview ? view.overview.items : [], closed && s === last)),
  ].join('');
}
