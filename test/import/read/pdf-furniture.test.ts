/**
 * Page furniture in PDFs from Word and WPS exports: the running page numbers of their many
 * styles, and a header or footer repeated on every page, dropped; the same text in the body,
 * or only once, kept.
 */
import { describe, expect, it } from 'vitest';
import { dropFurniture, isPageNumber } from '../../../src/import/read/pdf-furniture.ts';
import { lineOf, type Line } from '../../../src/import/read/pdf-lines.ts';

const HEIGHT = 842;
const line = (str: string, y: number, size = 16): Line => lineOf([{ str, x: 80, y, width: str.length * size, size, bold: false }]);

describe('page furniture', () => {
  it.each(['— 3 —', '- 3 -', '－3－', '3', '第 3 页', '第3页 共8页', '共8页 第3页', '3/8', '3 / 8', 'Page 3 of 8'])('“%s” is a page number', (text) => {
    expect(isPageNumber(text)).toBe(true);
  });

  it.each(['2023年', '3.其他', '（三）', '35件', '一、总体情况'])('“%s” is not', (text) => {
    expect(isPageNumber(text)).toBe(false);
  });

  it('drops page numbers and a repeated header in the margins, keeps the body', () => {
    const pages = [1, 2, 3].map((n) => ({
      height: HEIGHT,
      lines: [line('某县人民政府2023年度政府信息公开工作年度报告', 800), line(`正文第${n}页的文字`, 500), line('3', 400), line(`第 ${n} 页 共 3 页`, 40)],
    }));
    pages[0]!.lines.push(line('只出现一次的页脚说明', 60));
    // The first page prints the title large where the running header repeats it small.
    pages[0]!.lines.unshift(line('某县人民政府2023年度政府信息公开工作年度报告', 760, 22));
    const kept = dropFurniture(pages).map((p) => p.map((l) => l.text));
    expect(kept).toEqual([
      ['某县人民政府2023年度政府信息公开工作年度报告', '正文第1页的文字', '3', '只出现一次的页脚说明'],
      ['正文第2页的文字', '3'],
      ['正文第3页的文字', '3'],
    ]);
  });
});
