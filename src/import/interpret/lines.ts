/**
 * The document as lines in reading order: a paragraph is one line, a table row is one line whose
 * cells are known. Lines of page-break debris (running page numbers, portal chrome) are dropped
 * here, wherever they fall, so that a table interrupted by a page break reads on.
 */
import type { ImportedDocument } from '../document.ts';
import { foldWidth } from './text-forms.ts';

export interface Line {
  text: string;
  /** The cells when the line is a table row or a row flattened with tabs or `|`; null for prose. */
  cells: string[] | null;
}

const CELL_SEPARATOR = /\t|[|｜│]/;

const PAGE_NUMBER = [
  /^[-—–－―~～]+\s*\d{1,4}\s*[-—–－―~～]+$/,
  /^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页$/,
  /^(page\s*)?\d{1,4}\s*(\/|of)\s*\d{1,4}$/i,
];

/** Lines a portal page puts around (and, copied in pieces, inside) the report. */
const CHROME = [
  /^(发布时间|发布日期|发文日期|成文日期|阅读次数|浏览次数|访问次数|点击数|点击量|来源|信息来源|文章来源|作者|编辑|责任编辑|索引号|主题分类|发布机构|字号|字体|当前位置|您的位置|您当前的位置)\s*[:：]/,
  /字号\s*[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小/,
  /^[【\[]?\s*(打印(本页|此页)?|关闭(本页|窗口)?|返回顶部|收藏|分享到?|扫一扫.*)\s*[】\]]?(\s*[【\[]?\s*(打印(本页|此页)?|关闭(本页|窗口)?|返回顶部|收藏|分享到?)\s*[】\]]?)*$/,
];

/** Whether a line is page or portal debris rather than report content. */
export function isDebris(text: string): boolean {
  const t = foldWidth(text).replace(/\*\*/g, '').trim();
  if (!t) return true;
  if (PAGE_NUMBER.some((re) => re.test(t))) return true;
  return t.length <= 80 && CHROME.some((re) => re.test(t));
}

export function documentLines(doc: ImportedDocument): Line[] {
  const lines: Line[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'table') {
      for (const row of block.rows) {
        if (row.every((c) => isDebris(c))) continue;
        lines.push({ text: row.join('\t'), cells: [...row] });
      }
    } else if (!isDebris(block.text)) {
      const cells = CELL_SEPARATOR.test(block.text) ? block.text.split(CELL_SEPARATOR) : null;
      lines.push({ text: block.text, cells });
    }
  }
  return lines;
}
