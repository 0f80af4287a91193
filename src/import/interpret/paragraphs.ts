/**
 * Narrative paragraphs from lines. Text copied from a PDF breaks paragraphs at page ends and
 * sometimes at every line: a line that does not end a sentence runs on into the next, unless the
 * next opens a new item (（二）, 2., 一、) or the line is itself a heading, a date or a closing.
 */
import { closeCjkSpaces, foldWidth } from './text-forms.ts';

const ENDS_SENTENCE = /[。！？!?；;：:）)]$|[。！？]["”’」』]$/;
const OPENS_ITEM = /^(\*\*)?(（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d{1,2}[.、．](?!\d)|（\d{1,2}）|\(\d{1,2}\)|第[一二三四五六七八九十]+[部分条章节])/;
export const DATE_LINE = /^(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日$/;
export const CLOSING_LINE = /^(专此|特此)(报告|报送|函告|说明)[。.]?$/;

/** A short line that opens an item and says no sentence: （一）主动公开政府信息情况. */
export const isSubhead = (text: string): boolean => OPENS_ITEM.test(text) && text.length <= 40 && !/[。；;！？]/.test(text.replace(/[。]$/, ''));

const standsAlone = (text: string) => DATE_LINE.test(text) || CLOSING_LINE.test(text) || isSubhead(text);

export function joinParagraphs(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const line = closeCjkSpaces(raw);
    if (!line) continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && !ENDS_SENTENCE.test(prev.replace(/\*\*$/, '')) && !OPENS_ITEM.test(line) && !standsAlone(prev) && !standsAlone(line)) {
      out[out.length - 1] = closeCjkSpaces(`${prev}${/[A-Za-z0-9]$/.test(prev) && /^[A-Za-z]/.test(line) ? ' ' : ''}${line}`);
    } else {
      out.push(line);
    }
  }
  return out;
}

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》〈〉]/;
const ASCII_PUNCT: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '<': '〈', '>': '〉' };

/**
 * Whether the document's punctuation was turned into ASCII as a whole (some PDF tools do that):
 * more ASCII commas next to Chinese text than Chinese commas. An isolated ASCII comma in an
 * otherwise Chinese text is the author's and stays.
 */
export function punctuationFolded(paragraphs: readonly string[]): boolean {
  const text = paragraphs.join('\n');
  const ascii = [...text.matchAll(/[\u3400-\u9fff],|,[\u3400-\u9fff]/g)].length;
  const chinese = [...text.matchAll(/，/g)].length;
  return ascii > 2 && ascii > chinese;
}

/** Restores Chinese punctuation next to Chinese text (and brackets around or beside it). */
export function restorePunctuation(text: string): string {
  let s = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const beside = CJK.test(text[i - 1] ?? '') || CJK.test(text[i + 1] ?? '');
    s += ASCII_PUNCT[c] && beside ? ASCII_PUNCT[c] : c;
  }
  // Bracket pairs: Chinese ones when anything inside or beside them is Chinese.
  let prev = '';
  while (prev !== s) {
    prev = s;
    s = s.replace(/(.?)\(([^()（）]*)\)(.?)/gu, (m, before: string, inner: string, after: string) =>
      CJK.test(before) || CJK.test(inner) || CJK.test(after) ? `${before}（${inner}）${after}` : m.replace('(', '\u0000').replace(')', '\u0001'),
    );
  }
  return s.replace(/\u0000/g, '(').replace(/\u0001/g, ')');
}

/** A paragraph's opening item number in Chinese brackets: (一) → （一）. */
export const fullWidthItem = (text: string): string => text.replace(/^\(([一二三四五六七八九十]+)\)\s*/, '（$1）');

/** Paragraphs as the narrative keeps them: spaces closed, item numbers and (if folded) punctuation restored. */
export function tidyParagraphs(paragraphs: readonly string[], folded: boolean): string[] {
  return paragraphs.map((p) => fullWidthItem(folded ? restorePunctuation(p) : p));
}

export const isBlankish = (s: string) => !foldWidth(s).trim();
