/**
 * The narrative of sections 一, 五 and 六 in the Markdown subset: paragraphs separated by a blank
 * line, bold runs as the reader marked them (**一是**), item headings of their own line as `##`.
 * 一、总体情况 is split into its intro and the five sub-items （一）…（五）, block or run-in.
 */
import { OVERVIEW_ITEMS } from '../../format/index.ts';
import type { Overview } from '../../model/types.ts';
import type { Finding } from './findings.ts';
import { CLOSING_LINE, DATE_LINE, isSubhead } from './paragraphs.ts';
import { arabicDate, chineseNumber } from './text-forms.ts';

const ITEM = /^(\*\*)?（([一二三四五六七八九十]+)）\s*/;

/** Paragraphs as a Markdown narrative; a heading on a line of its own becomes `## …`. */
export const markdown = (paragraphs: readonly string[]): string =>
  paragraphs.map((p) => (isSubhead(p.replace(/\*\*/g, '')) ? `## ${p.replace(/\*\*/g, '')}` : p)).join('\n\n');

/** Splits a run-in item (（一）主动公开情况。正文…) into its title and text. */
function runIn(rest: string): { title: string; text: string } | null {
  const m = /^(.{2,30}?)(。|：|:)/.exec(rest);
  if (!m) return null;
  // 。 ends the title and is printed by the layout; ： belongs to the title as printed.
  return { title: m[2] === '。' ? m[1]! : `${m[1]}${m[2] === ':' ? '：' : m[2]}`, text: rest.slice(m[0].length).trim() };
}

export function readOverview(paragraphs: readonly string[], findings: Finding[]): Overview {
  const intro: string[] = [];
  const items = new Map<number, { title: string; text: string[]; block: boolean }>();
  let current: { title: string; text: string[]; block: boolean } | null = null;
  for (const p of paragraphs) {
    const plain = p.replace(/\*\*/g, '');
    const m = ITEM.exec(plain);
    const n = m ? chineseNumber(m[2]!) : null;
    if (m && n && n >= 1 && n <= OVERVIEW_ITEMS.length && !items.has(n)) {
      const rest = plain.slice(m[0].length).trim();
      const block = isSubhead(plain);
      const split = block ? null : runIn(rest);
      current = block || !split ? { title: rest.replace(/[。：:]$/, ''), text: [], block: true } : { title: split.title, text: split.text ? [split.text] : [], block: false };
      // A run-in item that opens with no title-like sentence keeps its paragraph whole.
      items.set(n, current);
      continue;
    }
    if (current) current.text.push(p);
    else intro.push(p);
  }
  const blocks = [...items.values()].filter((i) => i.block).length;
  const overview: Record<string, unknown> = {};
  if (intro.length) overview.intro = markdown(intro);
  overview.subheads = blocks * 2 >= items.size && items.size ? 'block' : 'runIn';
  OVERVIEW_ITEMS.forEach((item, i) => {
    const found = items.get(i + 1);
    if (!found) findings.push({ kind: 'missing', message: `一、总体情况中没有找到“${item.number}${item.title}”` });
    overview[item.key] = { title: found?.title || item.title, text: found ? markdown(found.text) : '' };
  });
  return overview as unknown as Overview;
}

export interface Ending {
  closing?: string;
  signature?: { name?: string; date?: string };
}

/** ISO date of a printed one: 2025年1月22日, 二〇二五年一月二十二日. */
export function isoDate(printed: string): string | null {
  const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(arabicDate(printed.replace(/\s+/g, '')));
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
}

/** Takes the closing (专此报告), the 署名 and the date off the end of the last section. */
export function takeEnding(paragraphs: string[]): Ending {
  const ending: Ending = {};
  const last = () => paragraphs[paragraphs.length - 1]?.replace(/\*\*/g, '').trim() ?? '';
  const isName = (text: string) => text.length > 0 && text.length <= 30 && !/[。，；：,;:]/.test(text);
  if (DATE_LINE.test(last())) {
    const date = isoDate(paragraphs.pop()!);
    ending.signature = date ? { date } : {};
    if (isName(last())) ending.signature.name = paragraphs.pop()!.trim();
  } else if (paragraphs.length >= 2 && isName(last()) && CLOSING_LINE.test(paragraphs[paragraphs.length - 2]!.replace(/\*\*/g, '').trim())) {
    // A 署名 printed without its date (the date is missing from the document) still ends the text.
    ending.signature = { name: paragraphs.pop()!.trim() };
  }
  if (CLOSING_LINE.test(last())) ending.closing = paragraphs.pop()!.trim();
  return ending;
}
