import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import {
  APPEAL_GROUPS,
  APPEAL_OUTCOMES,
  APPLICANT_COLUMNS,
  APPLICANT_HEADER,
  DOCUMENT_COLUMNS,
  LEGAL_PERSON_HEADER,
  LITIGATION_HEADER,
  PROACTIVE_BLOCKS,
  PROACTIVE_CONTENT_LABEL,
  REQUEST_ROWS,
  REQUESTS_CORNER_NOTE,
  RESULT_ROWS,
  RESULTS_TOTAL,
  SECTION_HEADINGS,
  TOTAL_LABEL,
} from '../../../src/format/index.ts';
import { buildReportModel } from '../../../src/model/report-model.ts';
import type { AgencyFile, YearFile } from '../../../src/model/types.ts';
import { mainContent, renderWebPage } from '../../../src/render/html/web-page.ts';
import { exampleAgencyIds, loadExample, TEMPLATES_DIR } from './example-reports.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // The phone link keeps its hyphen breakable in the text and unbroken by CSS (white-space: nowrap).
    'tel-non-breaking': ['error', { ignoreClasses: ['contact-tel'] }],
  },
});
// The fragment exists to carry inline styles: a CMS editor keeps neither <style> nor classes.
const fragmentValidator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': 'off' } });

const messages = async (v: HtmlValidate, html: string) =>
  (await v.validateString(html)).results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const textOf = (html: string) => html.replace(/<[^>]*>/g, '').replace(/\s+/g, '');

/** Every label the 2021 format prints, read from src/format. */
const FORMAT_LABELS = [
  ...Object.values(SECTION_HEADINGS),
  ...PROACTIVE_BLOCKS.flatMap((b) => [b.item, ...b.columns, ...b.rows.map((r) => r.label)]),
  ...DOCUMENT_COLUMNS.map((c) => c.label),
  PROACTIVE_CONTENT_LABEL,
  REQUESTS_CORNER_NOTE,
  APPLICANT_HEADER,
  LEGAL_PERSON_HEADER,
  TOTAL_LABEL,
  ...APPLICANT_COLUMNS.map((c) => c.label),
  ...Object.values(REQUEST_ROWS),
  ...RESULT_ROWS.flatMap((r) => [r.label, ...(r.kind === 'group' ? r.children.map((c) => c.label) : [])]),
  RESULTS_TOTAL.label,
  ...APPEAL_OUTCOMES.map((o) => o.label),
  ...APPEAL_GROUPS.map((g) => g.label),
  LITIGATION_HEADER,
];

const LINKS = { reportPdf: 'report.pdf', reportDocx: 'report.docx', letterPdf: 'letter.pdf' };

describe.each(exampleAgencyIds())('web page of %s', (agencyId) => {
  const example = loadExample(agencyId);
  const rendered = renderWebPage(example.model, { templatesDir: TEMPLATES_DIR, agencyDir: example.agencyDir, links: LINKS });

  it('is a valid standalone HTML document', async () => {
    const { indexHtml } = await rendered;
    expect(await messages(validator, indexHtml)).toEqual([]);
    expect(indexHtml).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(indexHtml).toContain('<meta charset="utf-8">');
    expect(indexHtml).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(indexHtml).toContain(`<title>${escapeHtml(example.model.title)}</title>`);
    expect(indexHtml).toContain('@media print');
  });

  it('asks for nothing from outside: no scripts, stylesheets, images or fonts', async () => {
    const { indexHtml } = await rendered;
    expect(indexHtml).not.toMatch(/<(script|link|img|iframe|object|embed|source)\b/i);
    expect(indexHtml).not.toMatch(/\bsrc=|@import|url\(|@font-face/i);
  });

  it('prints every label of the 2021 format verbatim, and every heading once', async () => {
    const { indexHtml } = await rendered;
    for (const label of FORMAT_LABELS) expect(indexHtml, label).toContain(escapeHtml(label));
    for (const heading of Object.values(SECTION_HEADINGS)) expect(indexHtml.split(`>${heading}</h2>`)).toHaveLength(2);
  });

  it('prints the narrative text in full', async () => {
    const { indexHtml } = await rendered;
    const text = textOf(indexHtml);
    for (const item of example.model.overview.items) {
      for (const block of item.blocks) expect(text).toContain(block.runs.map((r) => escapeHtml(r.text)).join('').replace(/\s+/g, ''));
    }
  });

  it('links only to the outputs it was given', async () => {
    const { indexHtml } = await rendered;
    expect(indexHtml).toContain('<a class="download-link" href="report.pdf" type="application/pdf">年度报告（PDF）</a>');
    expect(indexHtml).toContain('href="report.docx"');
    expect(indexHtml).toContain('href="letter.pdf"');
    expect(indexHtml).not.toContain('submission');
  });

  it('has a fragment with the same body, styled inline, ready for a CMS', async () => {
    const { indexHtml, fragmentHtml } = await rendered;
    expect(await messages(fragmentValidator, fragmentHtml)).toEqual([]);
    expect(fragmentHtml).not.toMatch(/<(html|head|body|main|style|script|link)\b|\sclass=/i);
    expect(fragmentHtml).toMatch(/^<div style="[^"]*font-family:/);
    expect(fragmentHtml).toMatch(/<th [^>]*style="[^"]*border: 1px solid/);
    expect(textOf(fragmentHtml)).toBe(textOf(mainContent(indexHtml)));
  });
});

describe('web page contents', () => {
  it('shows the contact block with tel: and mailto: links and the portal', async () => {
    const example = loadExample('shuozhou-office');
    const { indexHtml } = await renderWebPage(example.model, { templatesDir: TEMPLATES_DIR, agencyDir: example.agencyDir, links: {} });
    expect(indexHtml).toContain('<a class="contact-link contact-tel" href="tel:0349-2021918">0349-2021918</a>');
    expect(indexHtml).toContain('<a class="contact-link contact-email" href="mailto:szzfxxgkk@126.com">szzfxxgkk@126.com</a>');
    expect(indexHtml).toContain('href="https://www.shuozhou.gov.cn"');
    expect(indexHtml).toContain('朔州市人民政府办公室政府信息公开科');
    expect(indexHtml).not.toContain('class="downloads"');
    expect(indexHtml).toContain('<time datetime="2025-01-22">2025年1月22日</time>');
  });

  it('leaves out the contact block and the signature when the data has none', async () => {
    const example = loadExample('shenmu');
    const { indexHtml } = await renderWebPage(example.model, { templatesDir: TEMPLATES_DIR, agencyDir: example.agencyDir, links: {} });
    expect(indexHtml).not.toContain('class="contact"');
    expect(indexHtml).not.toContain('class="signature"');
    expect(indexHtml).toContain('<td class="cell-number" headers="nb-2023-proactive-b4-item nb-2023-proactive-b4-col-1 nb-2023-proactive-b4-row-fees" colspan="3">11.42</td>');
  });

  it('refuses a download link that is not a plain relative file name', async () => {
    const example = loadExample('shenmu');
    for (const href of ['javascript:alert(1)', 'https://example.com/x.pdf', '/etc/passwd', '../x.pdf']) {
      await expect(
        renderWebPage(example.model, { templatesDir: TEMPLATES_DIR, agencyDir: example.agencyDir, links: { reportPdf: href } }),
      ).rejects.toThrow(/相对文件名/);
    }
  });

  it('escapes everything the data says: markup and template syntax come out as text', async () => {
    const example = loadExample('shuozhou-office');
    const hostile = '<script>alert(1)</script> {{x}} {{{y}}} "引号" & <b>粗</b>';
    const agency: AgencyFile = {
      name: '<i>某</i>机关',
      portal: 'javascript:alert(1)',
      contact: { phone: '<b>1</b>', email: 'a"@b.cn', office: '{{office}}' },
    };
    const data: YearFile = {
      ...example.data,
      preamble: `**加粗**${hostile}`,
      problems: `## 小标题 ${hostile}\n\n${hostile}\n\n第一行<br>  \n第二行`,
      overview: { ...example.data.overview, proactive: { title: hostile, text: hostile } },
    };
    const model = buildReportModel('x', agency, data);
    const { indexHtml, fragmentHtml } = await renderWebPage(model, { templatesDir: TEMPLATES_DIR, agencyDir: example.agencyDir, links: {} });
    for (const html of [indexHtml, fragmentHtml]) {
      expect(html).not.toMatch(/<script|<b>|<i>|href="javascript:/);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; {{x}} {{{y}}} &quot;引号&quot; &amp; &lt;b&gt;粗&lt;/b&gt;');
      expect(html).toContain('&lt;i&gt;某&lt;/i&gt;机关');
      expect(html).toContain('{{office}}');
    }
    expect(indexHtml).toContain('<strong>加粗</strong>');
    expect(indexHtml).toContain('<p>第一行&lt;br&gt;<br>第二行</p>');
    expect(indexHtml).toMatch(/<h3 class="narrative-heading narrative-heading-2">小标题 &lt;script&gt;/);
    expect(await messages(validator, indexHtml)).toEqual([]);
  });
});
