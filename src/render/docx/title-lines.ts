/**
 * A long 2号 title wrapped into lines of even length (GB/T 9704 7.3.1: 回行时…排列对称，长短适宜),
 * as the print PDF does with `text-wrap: balance`: the fewest lines the type area allows, each as
 * short as that count permits. Runs of Latin letters and digits stay whole with the unit after
 * them (2023年度), and no line starts with closing punctuation or ends with opening punctuation.
 */
import { emWidth } from './text-width.ts';

/** 2号 (22 pt) characters in the 156 mm type area. */
export const TITLE_EMS_PER_LINE = 20;

/** A run of half-width characters with the unit that reads with it, or one other character. */
const TOKEN = /[\u0020-\u007e]+(?:年度|年|月|日|号)?|[^\u0020-\u007e]/gu;
const CLOSING = /^[，。、；：！？）》」』”’〕】]/;
const OPENING = /[（《「『“‘〔【]$/;

/** Greedy wrapping at `limit` ems that keeps the punctuation rules. */
function wrap(tokens: readonly string[], limit: number): string[][] {
  const lines: string[][] = [[]];
  let width = 0;
  for (const token of tokens) {
    const line = lines[lines.length - 1]!;
    if (width + emWidth(token) > limit && line.length > 0 && !CLOSING.test(token)) {
      // An opening mark at the end of the full line moves down with the token it opens.
      const carried = OPENING.test(line[line.length - 1]!) && line.length > 1 ? [line.pop()!] : [];
      lines.push([...carried, token]);
      width = [...carried, token].reduce((w, t) => w + emWidth(t), 0);
    } else {
      line.push(token);
      width += emWidth(token);
    }
  }
  return lines;
}

/** The title with `\n` where its lines break; a title that fits one line comes back unchanged. */
export function balanceTitle(title: string, emsPerLine = TITLE_EMS_PER_LINE): string {
  const tokens = title.match(TOKEN) ?? [];
  const total = tokens.reduce((w, t) => w + emWidth(t), 0);
  const count = wrap(tokens, emsPerLine).length;
  if (count === 1) return title;
  for (let limit = Math.ceil(total / count); limit < emsPerLine; limit += 0.5) {
    const lines = wrap(tokens, limit);
    if (lines.length <= count) return lines.map((l) => l.join('')).join('\n');
  }
  return wrap(tokens, emsPerLine).map((l) => l.join('')).join('\n');
}
