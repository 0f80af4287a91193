/**
 * The HTML reader on a saved portal page in GB2312 with the usual site chrome around the
 * article (logo, search, menu, breadcrumb, 发布时间/阅读次数, share bar, related links,
 * footer), scripts and styles, a layout table around everything, br-separated lines, bold
 * runs, hidden text, and a data table with rowspan and colspan.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentBlock } from '../../../src/import/document.ts';
import { readHtml } from '../../../src/import/read/html.ts';
import { sniffFormat } from '../../../src/import/read/index.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'portal-page-gbk', 'index.html');
const gbk = new Uint8Array(fs.readFileSync(FIXTURE));

const EXPECTED: DocumentBlock[] = [
  { kind: 'paragraph', text: '某县人民政府2023年度政府信息公开工作年度报告' },
  { kind: 'paragraph', text: '本报告依据《中华人民共和国政府信息公开条例》编制。' },
  { kind: 'paragraph', text: '一、总体情况' },
  { kind: 'paragraph', text: '2023年，我县认真贯彻落实《条例》，全面推进政务公开。**一是**加强组织领导。**二是**完善制度。' },
  { kind: 'paragraph', text: '（一）主动公开' },
  { kind: 'paragraph', text: '全年主动公开信息1200条。' },
  { kind: 'paragraph', text: '其中政策文件56件。' },
  { kind: 'paragraph', text: '三、收到和处理政府信息公开申请情况' },
  {
    kind: 'table',
    rows: [
      ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况', ''],
      ['', '', '', '自然人', '总计'],
      ['一、本年新收政府信息公开申请数量', '', '', '5', '5'],
      ['三、本年度办理结果', '（一）予以公开', '', '3', '3'],
      ['', '（三）不予公开', '1.属于国家秘密', '', '0'],
      ['', '', '2.其他法律行政法规禁止公开', '0', '0'],
    ],
  },
  { kind: 'paragraph', text: '六、其他需要报告的事项' },
  { kind: 'paragraph', text: '本年度未收取信息处理费。' },
];

describe('the HTML reader', () => {
  it('decodes a GB2312 page and keeps only the article', async () => {
    expect(sniffFormat('index.html', gbk)).toBe('html');
    const doc = await readHtml('index.html', gbk);
    expect(doc.format).toBe('html');
    expect(doc.blocks).toEqual(EXPECTED);
  });

  it('finds the article by its share of the text when no known container names it', async () => {
    const page = new TextDecoder('gbk').decode(gbk).replace('charset=gb2312', 'charset=utf-8').replace('class="TRS_Editor"', 'class="zw"');
    const bytes = new TextEncoder().encode(page);
    // Saved without an extension: the bytes still say it is a page.
    expect(sniffFormat('report', bytes)).toBe('html');
    const doc = await readHtml('report', bytes);
    expect(doc.blocks).toEqual(EXPECTED);
  });

  it('reads a GBK page with no usable declaration as GB18030, not as mojibake', async () => {
    // Swapping ASCII inside the bytes leaves the GBK text as it was.
    const latin1 = Buffer.from(gbk).toString('latin1').replace('charset=gb2312', 'charset=x-none');
    const doc = await readHtml('index.html', new Uint8Array(Buffer.from(latin1, 'latin1')));
    expect(doc.blocks).toEqual(EXPECTED);
  });
});
