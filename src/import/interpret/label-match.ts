/**
 * Fuzzy matching of printed labels against the official ones: edit distance on the folded form
 * (src/import/interpret/text-forms.ts), numbering written one way (（三） 三、 → 三); 1、 1． → 1.).
 * A label broken over cells or lines is matched on the joined pieces; words before it (a group
 * label, a repeated header) and after it (debris) are not part of it.
 */
import { distance } from 'fastest-levenshtein';
import { labelForm } from './text-forms.ts';

const CN = '[一二三四五六七八九十]+';

/** The compared form of a label: folded, numbering canonical. */
export function matchForm(s: string): string {
  return labelForm(s)
    .replace(new RegExp(`\\((${CN})\\)`, 'g'), '$1)')
    .replace(new RegExp(`(^|[^第${CN.slice(1, -2)}])(${CN})[、.,](?!\\d)`, 'g'), '$1$2)')
    .replace(/\((\d{1,2})\)/g, '$1.');
}

const NUMBERING = new RegExp(`^(?:${CN}\\)|\\d{1,2}\\.)`);
const core = (form: string) => form.replace(NUMBERING, '');

/** 1 for equal, falling with the edit distance relative to the longer string. */
export const similarity = (a: string, b: string): number =>
  a === b ? 1 : 1 - distance(a, b) / Math.max(a.length, b.length, 1);

/** How well the end of `text` reads as `label` (both in match form), and where the label starts. */
export function suffixScore(text: string, label: string): { score: number; start: number } {
  let best = { score: 0, start: text.length };
  const lo = Math.max(1, Math.floor(label.length * 0.6));
  const hi = Math.min(text.length, Math.ceil(label.length * 1.4));
  for (let len = lo; len <= hi; len++) {
    const s = text.slice(text.length - len);
    let score = similarity(s, label);
    // Reports that drop or change the numbering still name the row: compare what follows it.
    const c = core(label);
    if (c.length >= 4 && c !== label) score = Math.max(score, similarity(core(s), c) * 0.97);
    if (score > best.score || (score === best.score && len === label.length)) best = { score, start: text.length - len };
  }
  return best;
}

/** The score a label needs: short labels (规章, 行政许可) must be exact, longer ones may differ a little. */
export const threshold = (label: string): number => (core(label).length <= 4 ? 0.99 : 0.72);
