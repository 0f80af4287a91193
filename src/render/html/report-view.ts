/**
 * The render context of a report: ReportModel turned into what the shared partials draw. The web
 * page and the print documents both build it here, so the same data always reads the same way.
 */
import { OVERVIEW_ITEMS, SECTION_HEADINGS, type SectionKey } from '../../format/index.ts';
import type { Block } from '../../model/narrative.ts';
import type { DatedSignature, ReportModel } from '../../model/report-model.ts';
import { buildAppealsTable } from './appeals-table-view.ts';
import { buildNarrative, type BlockView } from './narrative-view.ts';
import { buildProactiveTable } from './proactive-table-view.ts';
import { buildRequestsTable } from './requests-table-view.ts';
import type { TableView } from './table-view.ts';

export interface SectionView {
  key: SectionKey;
  id: string;
  headingId: string;
  /** 一、总体情况 … as the 2021 format prints them. */
  heading: string;
  /** HTML level of `heading`. */
  headingLevel: number;
  /** Narrative (sections 一 intro, 五, 六); empty for the table sections. */
  blocks: BlockView[];
  table?: TableView;
}

export interface OverviewItemView {
  id: string;
  headingId: string;
  /** （一）主动公开情况 */
  heading: string;
  /** HTML level of `heading`, one below the section's. */
  headingLevel: number;
  /** Run-in: （一）主动公开情况。 opens `lead`, the item's first paragraph. */
  runIn: boolean;
  /** The first paragraph when run in; otherwise absent. */
  lead?: BlockView;
  /** The blocks after `lead` (all blocks when not run in). */
  blocks: BlockView[];
}

export interface ReportView {
  title: string;
  /** Base of every id in the markup, unique per report so a page may hold several. */
  idPrefix: string;
  agencyName: string;
  year: number;
  preamble: BlockView[];
  overview: SectionView & { items: OverviewItemView[]; runIn: boolean };
  proactive: SectionView & { table: TableView };
  requests: SectionView & { table: TableView };
  appeals: SectionView & { table: TableView };
  problems: SectionView;
  otherMatters: SectionView;
  /** The six sections in order, for templates that simply walk them. */
  sections: SectionView[];
  signature: DatedSignature | null;
}

export interface ReportViewOptions {
  /** Default `nb-<year>`; choose another when two reports of one year share a page. */
  idPrefix?: string;
  /** HTML level of the section headings (一、…); default 2, under the page's h1 title. */
  sectionLevel?: number;
}

/** 二、主动公开政府信息情况 → 主动公开政府信息情况 (the caption names the table, the heading numbers it). */
const captionOf = (heading: string) => heading.replace(/^[一二三四五六七八九十]+、/, '');

/** Sub-items run in end with 。 unless their wording already closes with a mark. */
const runInHeading = (heading: string) => (/[。：:！？]$/.test(heading) ? heading : `${heading}。`);

/**
 * The view of a model with the default options, made once: the web page and the print documents
 * of a report both start from it. Views are never changed once made (callers spread them).
 */
const defaultViews = new WeakMap<ReportModel, ReportView>();

export function buildReportView(model: ReportModel, options: ReportViewOptions = {}): ReportView {
  if (options.idPrefix !== undefined || options.sectionLevel !== undefined) return makeReportView(model, options);
  let view = defaultViews.get(model);
  if (!view) defaultViews.set(model, (view = makeReportView(model, options)));
  return view;
}

function makeReportView(model: ReportModel, options: ReportViewOptions): ReportView {
  const prefix = options.idPrefix ?? `nb-${model.year}`;
  const level = options.sectionLevel ?? 2;
  const section = (key: SectionKey, blocks: readonly Block[] = []): SectionView => ({
    key,
    id: `${prefix}-${key}`,
    headingId: `${prefix}-${key}-heading`,
    heading: SECTION_HEADINGS[key],
    headingLevel: level,
    blocks: buildNarrative(blocks, level + 1),
  });
  const runIn = model.overview.subheads === 'runIn';

  const items = model.overview.items.map((item, i): OverviewItemView => {
    const id = `${prefix}-overview-${OVERVIEW_ITEMS[i]!.key}`;
    const heading = `${item.number}${item.title}`;
    const blocks = buildNarrative(item.blocks, level + 2);
    const [first, ...rest] = blocks;
    const base = { id, headingId: `${id}-heading`, headingLevel: level + 1 };
    // Only a paragraph can carry a run-in sub-head; one opening with a heading stays a block.
    if (runIn && first && !first.heading) {
      return { ...base, heading: runInHeading(heading), runIn: true, lead: first, blocks: rest };
    }
    return { ...base, heading, runIn: false, blocks };
  });

  const caption = (key: SectionKey) => captionOf(SECTION_HEADINGS[key]);
  const overview = { ...section('overview', model.overview.intro), items, runIn };
  const proactive = { ...section('proactive'), table: buildProactiveTable(model.proactive, caption('proactive'), prefix) };
  const requests = { ...section('requests'), table: buildRequestsTable(model.requests, caption('requests'), prefix) };
  const appeals = { ...section('appeals'), table: buildAppealsTable(model.appeals, caption('appeals'), prefix) };
  const problems = section('problems', model.problems);
  const otherMatters = section('otherMatters', model.otherMatters);

  return {
    title: model.title,
    idPrefix: prefix,
    agencyName: model.agency.name,
    year: model.year,
    preamble: buildNarrative(model.preamble, level),
    overview,
    proactive,
    requests,
    appeals,
    problems,
    otherMatters,
    sections: [overview, proactive, requests, appeals, problems, otherMatters],
    signature: model.signature,
  };
}
