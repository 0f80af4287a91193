/**
 * The interpreter: one general reading of any imported document, driven by the 2021 format's
 * labels and row order (src/format). Sections are found by their headings, tables by their row
 * labels, the narrative and the parts around it by their forms; what could not be read is said.
 */
import { SECTION_HEADINGS, type SectionKey } from '../../format/index.ts';
import { DEFAULT_TITLE_PATTERNS } from '../../model/titles.ts';
import type { AgencyFile, DocumentData, LetterData, YearFile } from '../../model/types.ts';
import type { ImportedDocument } from '../document.ts';
import { nameInTitle, readContact, readPortal, yearInText, yearInTitle } from './agency-facts.ts';
import { regionCells } from './cells.ts';
import type { Finding } from './findings.ts';
import { readFrontMatter } from './front-matter.ts';
import { documentLines, type Line } from './lines.ts';
import { markdown, readOverview, takeEnding } from './narrative.ts';
import { readAppeals, readProactive } from './other-tables.ts';
import { joinParagraphs, punctuationFolded, tidyParagraphs } from './paragraphs.ts';
import { readRequests } from './requests-reader.ts';
import { findSections } from './sections.ts';

/** A year file as far as a published report shows it: the 函 and 版头 parts may be incomplete. */
export type ImportedReport = Omit<YearFile, 'year' | 'letter' | 'document'> & {
  letter?: Partial<LetterData>;
  document?: Partial<DocumentData>;
};

export interface Interpretation {
  source: string;
  /** Inferred from the title or the text; null when nothing states it. */
  year: number | null;
  /** What the document says about the agency; `name` may be missing. */
  agency: Partial<AgencyFile>;
  report: ImportedReport;
  findings: Finding[];
  /** Rows found per table (四 counts as one row when its numbers were found). */
  rowsFound: { proactive: number; requests: number; appeals: number };
  /** Section headings found. */
  sectionsFound: SectionKey[];
}

const texts = (lines: readonly Line[] | null) => (lines ?? []).map((l) => l.text);

export function interpret(doc: ImportedDocument): Interpretation {
  const lines = documentLines(doc);
  const sections = findSections(lines);
  const findings: Finding[] = [];
  const sectionsFound = (Object.keys(SECTION_HEADINGS) as SectionKey[]).filter((k) => sections.body[k]);
  for (const key of Object.keys(SECTION_HEADINGS) as SectionKey[]) {
    if (!sections.body[key]) findings.push({ kind: 'missing', message: `没有找到“${SECTION_HEADINGS[key]}”这一部分` });
  }

  // Without its heading a table is looked for everywhere: its row labels are specific enough.
  const proactive = readProactive(regionCells(sections.body.proactive ?? lines));
  const requests = readRequests(regionCells(sections.body.requests ?? lines));
  const appeals = readAppeals(regionCells(sections.body.appeals ?? []));
  findings.push(...proactive.findings, ...requests.findings, ...appeals.findings);

  const raw = {
    overview: joinParagraphs(texts(sections.body.overview)),
    problems: joinParagraphs(texts(sections.body.problems)),
    otherMatters: joinParagraphs(texts(sections.body.otherMatters)),
  };
  const front = readFrontMatter(texts(sections.front));
  const preamble = joinParagraphs(front.preamble);
  const opening = front.document?.opening ? joinParagraphs(front.document.opening.split('\n\n')) : [];
  const folded = punctuationFolded([...raw.overview, ...raw.problems, ...raw.otherMatters, ...preamble]);
  const tidy = (ps: string[]) => tidyParagraphs(ps, folded);
  const other = tidy(raw.otherMatters);
  const problems = tidy(raw.problems);
  const ending = takeEnding(other.length ? other : problems);

  const agencyName =
    front.document?.letterhead?.replace(/文件$/, '') ??
    (front.title ? nameInTitle(front.title) : null) ??
    (front.letter ? nameInTitle(texts(sections.front).join('')) : null) ??
    ending.signature?.name ??
    null;
  const allText = lines.map((l) => l.text).join('\n');
  const year =
    (front.title ? yearInTitle(front.title) : null) ??
    yearInText([...preamble, ...raw.overview].join('\n')) ??
    (ending.signature?.date ? Number(ending.signature.date.slice(0, 4)) - 1 : null);

  const report: ImportedReport = {
    overview: readOverview(tidy(raw.overview), findings),
    proactive: proactive.data,
    requests: requests.data,
    appeals: appeals.data,
    problems: markdown(problems),
    otherMatters: markdown(other),
  };
  if (preamble.length) report.preamble = markdown(tidy(preamble));
  const signature = ending.signature ? { ...ending.signature, ...(ending.signature.name === agencyName ? { name: undefined } : {}) } : undefined;
  if (signature && !signature.name) delete signature.name;

  const agency: Partial<AgencyFile> = {};
  if (agencyName) agency.name = agencyName;
  if (front.letter?.letterhead) agency.letterhead = { letter: front.letter.letterhead };
  if (front.document?.letterhead) agency.letterhead = { ...agency.letterhead, document: front.document.letterhead };
  if (front.document?.number?.prefix) agency.docNumberPrefix = front.document.number.prefix;
  if (front.letter?.recipient || front.document?.recipient) {
    agency.recipients = { ...(front.letter?.recipient ? { letter: front.letter.recipient } : {}), ...(front.document?.recipient ? { document: front.document.recipient } : {}) };
  }
  const portal = readPortal(allText);
  if (portal) agency.portal = portal;
  const contact = readContact(other.join('\n') || allText, agencyName);
  if (contact) agency.contact = contact;
  const titlePattern = front.title && year ? patternOf(front.title, agencyName, year) : null;
  const titleKind = front.document ? 'document' : 'report';
  if (titlePattern && titlePattern !== DEFAULT_TITLE_PATTERNS[titleKind]) agency.titles = { [titleKind]: titlePattern };

  if (front.letter) {
    const { letterhead: _l, recipient: _r, ...letter } = front.letter;
    report.letter = letter;
  }
  if (front.document) {
    const { letterhead: _l, recipient: _r, opening: _o, number, ...rest } = front.document;
    const document: Partial<DocumentData> = { ...rest };
    if (number) document.number = { year: number.year, number: number.number };
    if (opening.length) document.opening = markdown(tidy(opening));
    if (ending.closing) document.closing = ending.closing;
    if (signature) document.signature = signature;
    report.document = document;
  } else {
    if (signature && (signature.date || signature.name)) report.signature = signature;
    if (ending.closing) report.otherMatters = [report.otherMatters, ending.closing].filter(Boolean).join('\n\n');
  }
  return {
    source: doc.source,
    year,
    agency,
    report,
    findings,
    rowsFound: { proactive: proactive.rowsFound, requests: requests.rowsFound, appeals: appeals.rowsFound },
    sectionsFound,
  };
}

/** The printed title as a pattern: the agency's name and the year as placeholders. */
function patternOf(title: string, name: string | null, year: number): string {
  const withName = name && title.includes(name) ? title.replace(name, '{机关名称}') : title;
  return withName.replace(String(year), '{年度}');
}
