/** The print documents as HTML: which parts each report gets, escaping, overrides. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SECTION_HEADINGS } from '../../../src/format/index.ts';
import { buildReportModel } from '../../../src/model/report-model.ts';
import { clearTemplateCache } from '../../../src/render/html/handlebars.ts';
import { bodyText, renderPrintDocuments } from '../../../src/render/html/print-documents.ts';
import { IMPRINT_ID, recipientLine } from '../../../src/render/html/print-view.ts';
import { loadExample, TEMPLATES_DIR } from './example-reports.ts';

const render = (example: ReturnType<typeof loadExample>, agencyDir = example.agencyDir) =>
  renderPrintDocuments(example.model, { templatesDir: TEMPLATES_DIR, agencyDir });

/** The markup inside <body> (the head carries the style sheets). */
const bodyOf = (html: string) => /<body[^>]*>([\s\S]*)<\/body>/.exec(html)![1]!;

const temps: string[] = [];
afterAll(async () => {
  clearTemplateCache();
  await Promise.all(temps.map((t) => fs.rm(t, { recursive: true, force: true })));
});

describe('renderPrintDocuments', () => {
  it('makes the numbered report a red-header document around the whole annual report', async () => {
    const { report, letter } = await render(loadExample('jinjie'));
    expect(letter).toBeNull();
    expect(report.kind).toBe('report');
    const text = bodyText(report.html);
    expect(report.html).toContain('<p class="letterhead" style="--letterhead-chars: 12">神木市锦界镇人民政府文件</p>');
    expect(report.html).toContain('<p class="doc-number">锦政字〔2024〕24号</p>');
    expect(report.html).toContain('<p class="recipient">神木市政府办：</p>');
    expect(report.html).toContain('<p class="closing">专此报告</p>');
    expect(report.html).toContain('<p class="signature-name">神木市锦界镇人民政府</p>');
    for (const heading of Object.values(SECTION_HEADINGS)) expect(text).toContain(heading);
    // The title may wrap only between phrases.
    expect(report.html).toContain('锦界镇人民政府<wbr>关于报送<wbr>锦界镇<wbr>2023年<wbr>政府信息公开工作<wbr>的报告</h1>');
    expect(report.footId).toBeNull();
    expect(report.assetRoots.some((r) => r.endsWith(path.join('@fontsource', 'noto-serif-sc')))).toBe(true);
  });

  it('makes a plain report (no red header) when the year has no document, and a letter when it has one', async () => {
    const { report, letter } = await render(loadExample('shenmu'));
    expect(bodyOf(report.html)).not.toContain('red-header');
    expect(report.html).toContain('<h1 class="doc-title plain-title" id="nb-2023-title">神木市人民政府<wbr>2023年度<wbr>政府信息公开<wbr>工作报告</h1>');
    expect(letter).not.toBeNull();
    expect(letter!.kind).toBe('letter');
    expect(letter!.html).toContain('<p class="letterhead" style="--letterhead-chars: 10">神木市政府信息综合室</p>');
    expect(letter!.html).toContain('<p class="recipient">榆林市政府信息化服务中心：</p>');
    expect(bodyText(letter!.html)).toContain('现将《神木市人民政府2023年度政府信息公开工作报告》随文报来，请予审查。');
    expect(letter!.html).toContain('<time datetime="2024-02-02">2024年2月2日</time>');
  });

  it('signs the plain report when the data gives a 署名', async () => {
    const { report } = await render(loadExample('shuozhou-office'));
    expect(report.html).toContain('<p class="signature-name">朔州市人民政府办公室</p>');
    expect(report.html).toContain('2025年1月22日');
  });

  it('escapes every text of the data', async () => {
    const example = loadExample('jinjie');
    const data = structuredClone(example.data);
    data.problems = '<script>alert(1)</script> **<img src=x onerror=alert(1)>**';
    data.document!.closing = '</p><script>x</script>';
    const model = buildReportModel('jinjie', { name: '<b>机关</b>' }, data);
    const { report } = await renderPrintDocuments(model, { templatesDir: TEMPLATES_DIR, agencyDir: example.agencyDir });
    const body = bodyOf(report.html);
    expect(body).not.toMatch(/<script|<img|<b>/);
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).toContain('<strong>&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;</strong>');
  });

  it('adds the 版记 (抄送, 印发) and asks the printer to set it at the foot of the last page', async () => {
    const example = loadExample('jinjie');
    const data = structuredClone(example.data);
    data.document!.cc = ['神木市人民政府办公室', '市政务公开办。'];
    data.document!.printed = { by: '锦界镇党政办', date: '2024-02-02' };
    const model = buildReportModel('jinjie', { name: '神木市锦界镇人民政府', docNumberPrefix: '锦政字' }, data);
    const { report } = await renderPrintDocuments(model, { templatesDir: TEMPLATES_DIR, agencyDir: example.agencyDir });
    expect(report.footId).toBe(IMPRINT_ID);
    expect(report.html).toContain('<p class="imprint-cc">抄送：神木市人民政府办公室，市政务公开办。</p>');
    expect(report.html).toContain('<span>2024年2月2日印发</span>');
  });

  it('warns about characters no font has', async () => {
    const example = loadExample('xinxiang-office');
    const data = structuredClone(example.data);
    data.otherMatters = '本年度未收取信息处理费\u{E000}。';
    const model = buildReportModel('xinxiang-office', { name: '新乡市人民政府办公室' }, data);
    const { report } = await renderPrintDocuments(model, { templatesDir: TEMPLATES_DIR, agencyDir: example.agencyDir });
    expect(report.warnings).toEqual([expect.stringContaining('U+E000')]);
  });

  it("uses an agency's own copy of a print template", async () => {
    const example = loadExample('xinxiang-office');
    const agencyDir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-agency-'));
    temps.push(agencyDir);
    await fs.mkdir(path.join(agencyDir, 'templates', 'print'), { recursive: true });
    const css = await fs.readFile(path.join(TEMPLATES_DIR, 'print', 'report.css'), 'utf8');
    await fs.writeFile(path.join(agencyDir, 'templates', 'print', 'report.css'), `${css}\n.override-marker { color: red; }\n`);
    const { report } = await render(example, agencyDir);
    expect(report.html).toContain('.override-marker { color: red; }');
    expect(report.assetRoots).toContain(path.join(agencyDir, 'templates'));
  });
});

describe('recipientLine', () => {
  it('ends the 主送机关 with one full-width colon', () => {
    expect(recipientLine('神木市政府办')).toBe('神木市政府办：');
    expect(recipientLine('神木市政府办:')).toBe('神木市政府办：');
    expect(recipientLine(' 神木市政府办： ')).toBe('神木市政府办：');
    expect(recipientLine('')).toBe('');
  });
});
