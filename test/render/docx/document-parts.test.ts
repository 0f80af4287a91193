/**
 * The parts around the report: the red header (版头) of the numbered report with and without 签发人,
 * its 主送机关, 结束语, 署名 and 版记; the 函 in 信函格式; the plain portal report; and the
 * placement rules of 署名 and 成文日期 and of a long title's lines.
 */
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../../src/model/report-model.ts';
import { renderDocx } from '../../../src/render/docx/index.ts';
import { signatureIndents } from '../../../src/render/docx/signature-xml.ts';
import { balanceTitle } from '../../../src/render/docx/title-lines.ts';
import { loadExample, TEMPLATES_DIR } from '../html/example-reports.ts';
import { DocxParts, paragraphs, tables } from './docx-parts.ts';
import { fullNumberedReport, numberedLetter } from './variants.ts';

const render = async (model: ReportModel, agencyDir: string) =>
  renderDocx(model, { templatesDir: TEMPLATES_DIR, agencyDir });

describe('the numbered report (红头文件)', () => {
  it('opens with the red 发文机关标志, the 发文字号 centred above the red rule, the title and 主送机关', async () => {
    const { model, agencyDir } = loadExample('jinjie');
    const doc = new DocxParts((await render(model, agencyDir)).report);
    const [letterhead, number, title, recipient] = paragraphs(doc.document);
    expect(letterhead).toMatchObject({ style: 'Letterhead', text: '神木市锦界镇人民政府文件' });
    expect(number).toMatchObject({ style: 'DocNumber', text: '锦政字〔2024〕24号' });
    expect(doc.styles).toMatch(/w:styleId="DocNumber"[\s\S]*?<w:bottom w:val="single" [^>]*w:color="E60000"\/>/);
    expect(title).toMatchObject({ style: 'Title', text: '锦界镇人民政府关于报送锦界镇\n2023年政府信息公开工作的报告' });
    expect(recipient).toMatchObject({ style: 'Recipient', text: '神木市政府办：' });
    const all = paragraphs(doc.document);
    const at = all.findIndex((p) => p.text === '专此报告');
    expect(all[at]!.style).toBe('Closing');
    // 六's last paragraph, the 结束语 and the 署名 keep together: no page holds the 署名 alone.
    expect(all[at - 1]).toMatchObject({ style: 'BodyParagraph', text: '本年度未收取信息处理费' });
    expect(all[at - 1]!.xml).toContain('<w:keepNext/>');
    expect(doc.styles).toMatch(/w:styleId="Closing"[\s\S]*?<w:keepNext\/>[\s\S]*?<\/w:style>/);
    expect(doc.styles).toMatch(/w:styleId="Signature"[\s\S]*?<w:keepNext\/>[\s\S]*?<\/w:style>/);
    expect(all.filter((p) => p.xml.includes('<w:keepNext/>') && p.style === 'BodyParagraph')).toHaveLength(1);
    // No 版记 without 抄送 or 印发 data.
    expect(tables(doc.document).filter((t) => t.style === 'RecordTable')).toEqual([]);
  });

  it('puts 发文字号 and 签发人 on one line, and sets the 版记 between its rules', async () => {
    const { model, agencyDir } = fullNumberedReport();
    const doc = new DocxParts((await render(model, agencyDir)).report);
    const number = paragraphs(doc.document)[1]!;
    expect(number.style).toBe('DocNumberWithSigner');
    expect(number.text).toBe('锦政字〔2024〕24号签发人：王建国');
    expect(number.xml).toMatch(/<w:tab\/>[\s\S]*签发人：[\s\S]*<w:rStyle w:val="SignerName"\/>[\s\S]*王建国/);
    const [record] = tables(doc.document).filter((t) => t.style === 'RecordTable');
    expect(record!.rows.map((r) => r.cells[0]!.text)).toEqual([
      '抄送：榆林市人民政府办公室，神木市政务公开办公室。',
      '神木市锦界镇人民政府办公室2024年2月5日印发',
    ]);
    expect(record!.xml).toContain('w:tblpYSpec="bottom"');
    const paras = paragraphs(doc.document);
    const name = paras.find((p) => p.style === 'Signature')!;
    const date = paras.find((p) => p.style === 'SignatureDate')!;
    expect([name.text, date.text]).toEqual(['神木市锦界镇人民政府', '2024年2月5日']);
  });

  it('keeps a 版记 of 印发 alone, and drops the 抄送 row', async () => {
    const { model, agencyDir } = fullNumberedReport();
    const doc = new DocxParts((await render({ ...model, document: { ...model.document!, cc: [] } }, agencyDir)).report);
    const [record] = tables(doc.document).filter((t) => t.style === 'RecordTable');
    expect(record!.rows.map((r) => r.cells[0]!.text)).toEqual(['神木市锦界镇人民政府办公室2024年2月5日印发']);
  });

  it('shrinks a letterhead too wide for the type area, and leaves a short one at the template size', async () => {
    const { model, agencyDir } = loadExample('jinjie');
    const long = { ...model, document: { ...model.document!, letterhead: '某某省某某市某某区某某街道办事处人民政府文件' } };
    const [short, wide] = await Promise.all([render(model, agencyDir), render(long, agencyDir)]);
    const size = (bytes: Uint8Array) => /<w:sz w:val="(\d+)"/.exec(paragraphs(new DocxParts(bytes).document)[0]!.xml)?.[1];
    // 12 characters at 42 pt overrun 156 mm (442 pt): 36.5 pt; 22 characters: 20 pt.
    expect(size(short.report)).toBe('73');
    expect(size(wide.report)).toBe('40');
  });
});

describe('the 函 (信函格式)', () => {
  it('puts the red letterhead over its double rule in the first-page header, with no page number there', async () => {
    const { model, agencyDir } = loadExample('shenmu');
    const doc = new DocxParts((await render(model, agencyDir)).letter!);
    expect(doc.document).toContain('<w:titlePg/>');
    const header = doc.part('word/header-first.xml');
    expect(paragraphs(header)[0]).toMatchObject({ style: 'LetterLetterhead', text: '神木市政府信息综合室' });
    expect(doc.styles).toMatch(/w:styleId="LetterLetterhead"[\s\S]*?w:val="thickThinSmallGap"/);
    const first = doc.part('word/footer-first.xml');
    expect(first).not.toContain('PAGE');
    expect(paragraphs(first)[0]!.style).toBe('LetterFootRule');
    expect(doc.styles).toMatch(/w:styleId="LetterFootRule"[\s\S]*?w:val="thinThickSmallGap"/);
    const texts = paragraphs(doc.document).map((p) => [p.style, p.text]);
    expect(texts).toEqual([
      ['Title', '关于报送《神木市人民政府2023年度\n政府信息公开工作报告》的函'],
      ['Recipient', '榆林市政府信息化服务中心：'],
      ['BodyParagraph', '现将《神木市人民政府2023年度政府信息公开工作报告》随文报来，请予审查。'],
      ['Signature', '神木市政府信息综合室'],
      ['SignatureDate', '2024年2月2日'],
    ]);
  });

  it('prints an optional 发文字号 flush right under the rule', async () => {
    const { model, agencyDir } = numberedLetter();
    const doc = new DocxParts((await render(model, agencyDir)).letter!);
    expect(paragraphs(doc.document)[0]).toMatchObject({ style: 'LetterNumber', text: '神信函〔2024〕3号' });
  });
});

describe('the plain portal report', () => {
  it('starts with its title, without a red header, and has no 函', async () => {
    const { model, agencyDir } = loadExample('shuozhou-office');
    const docs = await render(model, agencyDir);
    expect(docs.letter).toBeNull();
    const paras = paragraphs(new DocxParts(docs.report).document);
    expect(paras[0]).toMatchObject({ style: 'Title', text: '朔州市人民政府办公室2024年\n政府信息公开工作年度报告' });
    expect(paras.some((p) => p.style === 'Letterhead' || p.style?.startsWith('DocNumber'))).toBe(false);
    expect(paras.filter((p) => p.style === 'Signature' || p.style === 'SignatureDate').map((p) => p.text)).toEqual([
      model.signature!.name,
      model.signature!.date,
    ]);
  });
});

describe('署名 and 成文日期 (GB/T 9704 7.3.5.2)', () => {
  it('sets the date two characters right of the 署名, or keeps the date 右空二字 when it is longer', () => {
    // 2024年2月2日 takes 7 grid characters: 2024 two, each lone digit one.
    expect(signatureIndents('神木市政府信息综合室', '2024年2月2日')).toEqual({ name: 2, date: 3 });
    expect(signatureIndents('某某局', '2024年12月25日')).toEqual({ name: 8, date: 2 });
    expect(signatureIndents('某某局', undefined)).toEqual({ name: 2, date: 2 });
  });
});

describe('title lines', () => {
  it('balances a long title, keeping 2023年 whole and punctuation at the right line ends', () => {
    expect(balanceTitle('神木市人民政府2023年度政府信息公开工作报告')).toBe('神木市人民政府2023年度\n政府信息公开工作报告');
    expect(balanceTitle('关于报送《神木市人民政府2023年度政府信息公开工作报告》的函')).toBe(
      '关于报送《神木市人民政府2023年度\n政府信息公开工作报告》的函',
    );
    expect(balanceTitle('短标题')).toBe('短标题');
    for (const line of balanceTitle('关于报送《某某市某某区某某街道办事处二〇二三年度政府信息公开工作年度报告》的函').split('\n')) {
      expect(line).not.toMatch(/^[》，。、]|《$/);
    }
  });
});
