/**
 * The character-level forms published text comes in: full-width and half-width punctuation,
 * spaces that PDF extraction puts around numbers and inside words, Chinese numerals. Labels are
 * compared in one folded form; narrative keeps the document's punctuation but loses the spaces.
 */

/** Full-width ASCII forms (Ａ１，：（） …) and the ideographic space folded to ASCII. */
export const foldWidth = (s: string): string =>
  s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

const QUOTES: Record<string, string> = { '“': '"', '”': '"', '‘': "'", '’': "'", '「': '"', '」': '"', '〈': '<', '〉': '>', '《': '<', '》': '>' };

/**
 * The form labels are compared in: widths folded, no whitespace, one kind of quote and dash,
 * `1、` `1．` written `1.`.
 */
export function labelForm(s: string): string {
  return foldWidth(s)
    .replace(/[“”‘’「」〈〉《》]/g, (c) => QUOTES[c]!)
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '')
    .replace(/\*\*/g, '')
    .replace(/(\d)[、．]/g, '$1.');
}

const CJK = String.raw`\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’《》〈〉【】…—`;

/**
 * Removes the spaces text extraction leaves beside Chinese characters (“2023 年”, “100% 解读”,
 * “情况。 严格”); spaces next to a Latin word stay (微信 APP).
 */
export function closeCjkSpaces(s: string): string {
  return s
    .replace(/[ \t\u00a0\u3000]+/g, ' ')
    .replace(new RegExp(`([${CJK}]) (?=[^A-Za-z\\s])`, 'g'), '$1')
    .replace(new RegExp(`([^A-Za-z\\s]) (?=[${CJK}])`, 'g'), '$1')
    .trim();
}

const NUMERALS = '〇零一二三四五六七八九';

/** 一 … 九十九 as a number (two-digit Chinese numerals), null otherwise. */
export function chineseNumber(s: string): number | null {
  if (!/^[〇零一二三四五六七八九十]+$/.test(s)) return null;
  if (!s.includes('十')) return [...s].reduce((n, c) => n * 10 + (NUMERALS.indexOf(c) % 10 === -1 ? 0 : Math.max(0, NUMERALS.indexOf(c) - 1)), 0);
  const [tens, ones] = s.split('十');
  const digit = (c: string | undefined) => (c ? NUMERALS.indexOf(c) - 1 : 0);
  return (tens ? digit(tens) : 1) * 10 + digit(ones);
}

/** Digits of a date written in Chinese numerals (二〇二五年一月二十二日) as Arabic ones. */
export function arabicDate(s: string): string {
  return s.replace(/[〇零一二三四五六七八九十]+/g, (run) => {
    if (run.length === 4 && !run.includes('十')) return [...run].map((c) => String(Math.max(0, NUMERALS.indexOf(c) - 1))).join('');
    const n = chineseNumber(run);
    return n === null ? run : String(n);
  });
}
