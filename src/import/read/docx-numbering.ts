/**
 * Word's automatic numbering, rendered as text: a heading typed as 总体情况 with the list
 * level "%1、" in Chinese counting prints as 一、总体情况, and the interpreter needs what is
 * printed. Counters run per abstract numbering in document order, deeper levels restarting.
 */
import type { Element } from '@xmldom/xmldom';
import type { DocxStyles } from './docx-styles.ts';
import { child, children, isW, val, W } from './docx-xml.ts';

interface Level {
  start: number;
  format: string;
  text: string;
}

export class DocxNumbering {
  private readonly abstractOf = new Map<string, string>();
  private readonly levels = new Map<string, Map<number, Level>>();
  private readonly counters = new Map<string, number[]>();

  constructor(root: Element | undefined) {
    if (!root) return;
    for (const e of children(root)) {
      if (isW(e, 'abstractNum')) {
        const levels = new Map<number, Level>();
        for (const lvl of children(e).filter((l) => isW(l, 'lvl'))) {
          levels.set(Number(lvl.getAttributeNS(W, 'ilvl') ?? 0), {
            start: Number(val(child(lvl, 'start')) ?? 1),
            format: val(child(lvl, 'numFmt')) ?? 'decimal',
            text: val(child(lvl, 'lvlText')) ?? '',
          });
        }
        this.levels.set(e.getAttributeNS(W, 'abstractNumId') ?? '', levels);
      } else if (isW(e, 'num')) {
        const abstract = val(child(e, 'abstractNumId'));
        if (abstract !== undefined) this.abstractOf.set(e.getAttributeNS(W, 'numId') ?? '', abstract);
      }
    }
  }

  /** The label a paragraph's numbering prints before its text, or '' for none or a bullet. */
  label(pPr: Element | undefined, styles: DocxStyles, style: string | undefined): string {
    const numPr = child(pPr, 'numPr') ?? styles.numberingOf(style);
    const numId = val(child(numPr, 'numId'));
    if (!numId || numId === '0') return '';
    const abstract = this.abstractOf.get(numId);
    const levels = abstract !== undefined ? this.levels.get(abstract) : undefined;
    if (!abstract || !levels) return '';
    const ilvl = Number(val(child(numPr, 'ilvl')) ?? 0) || 0;
    const counters = this.counters.get(abstract) ?? [];
    for (let l = 0; l <= ilvl; l++) if (counters[l] === undefined) counters[l] = (levels.get(l)?.start ?? 1) - 1;
    counters[ilvl]! += 1;
    counters.length = ilvl + 1;
    this.counters.set(abstract, counters);
    const level = levels.get(ilvl);
    if (!level || level.format === 'bullet' || level.format === 'none') return '';
    return level.text.replace(/%(\d)/gu, (_, n: string) => {
      const l = Number(n) - 1;
      return formatNumber(counters[l] ?? levels.get(l)?.start ?? 1, levels.get(l)?.format ?? 'decimal');
    });
  }
}

const DIGITS = '〇一二三四五六七八九';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const STEMS = '甲乙丙丁戊己庚辛壬癸';

function chinese(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? DIGITS[tens] : ''}${tens > 0 ? '十' : ''}${ones > 0 ? DIGITS[ones] : ''}`;
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, letters] of table) for (; n >= value; n -= value) out += letters;
  return out;
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return chinese(n);
    case 'ideographTraditional':
      return STEMS[n - 1] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'decimalFullWidth':
      return String(n).replace(/\d/gu, (d) => String.fromCharCode(0xff10 + Number(d)));
    default:
      return String(n);
  }
}
