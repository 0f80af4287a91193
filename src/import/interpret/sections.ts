/**
 * Finds the six section headings (一、总体情况 … 六、其他需要报告的事项) in reading order. Published
 * headings vary (五、存在问题及下一步改进措施, 六、其它需要报告的事项), so a heading is a short line
 * with the section's numeral and one of its key words; the requests table's own 一、…四、 rows
 * never qualify, lacking the words.
 */
import { SECTION_HEADINGS, type SectionKey } from '../../format/index.ts';
import type { Line } from './lines.ts';
import { similarity } from './label-match.ts';
import { labelForm } from './text-forms.ts';

const KEYS = Object.keys(SECTION_HEADINGS) as SectionKey[];
const NUMERALS = ['一', '二', '三', '四', '五', '六'];

/** Words one of which every heading of the section carries. */
const KEY_WORDS: Record<SectionKey, RegExp> = {
  overview: /总体情况|基本情况|概述/,
  proactive: /主动公开/,
  requests: /(收到|处理).*申请|依申请/,
  appeals: /复议|诉讼/,
  problems: /问题|改进|不足/,
  otherMatters: /其[他它].*事项|需要报告/,
};

export interface Sections {
  /** Lines before 一、总体情况 (or before the first heading found). */
  front: Line[];
  /** Each section's lines after its heading; null when the heading was not found. */
  body: Record<SectionKey, Line[] | null>;
  /** The headings as printed. */
  headings: Partial<Record<SectionKey, string>>;
}

const headingText = (line: Line) => labelForm(line.text).replace(/^#+/, '');

function isHeading(line: Line, k: number): boolean {
  const t = headingText(line);
  const m = /^([一二三四五六七八九十]+)[、.,:：]?/.exec(t);
  if (!m || m[1] !== NUMERALS[k] || t.length > 48 || /[。；]$/.test(t)) return false;
  const key = KEYS[k]!;
  return KEY_WORDS[key].test(t) || similarity(t, labelForm(SECTION_HEADINGS[key])) > 0.6;
}

export function findSections(lines: readonly Line[]): Sections {
  const starts: Array<{ key: SectionKey; index: number }> = [];
  let k = 0;
  for (let i = 0; i < lines.length && k < KEYS.length; i++) {
    // A section may be missing: look for the next two.
    for (let j = k; j < Math.min(KEYS.length, k + 2); j++) {
      if (isHeading(lines[i]!, j)) {
        starts.push({ key: KEYS[j]!, index: i });
        k = j + 1;
        break;
      }
    }
  }
  const body = Object.fromEntries(KEYS.map((key) => [key, null])) as Sections['body'];
  const headings: Sections['headings'] = {};
  starts.forEach((s, n) => {
    body[s.key] = lines.slice(s.index + 1, starts[n + 1]?.index ?? lines.length);
    headings[s.key] = lines[s.index]!.text.replace(/^#+\s*/, '').trim();
  });
  return { front: lines.slice(0, starts[0]?.index ?? 0), body, headings };
}
