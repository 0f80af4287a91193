/**
 * LibreOffice opens every DOCX of the five examples (and of the variants with the optional parts)
 * and lays it out as GB/T 9704 wants: converted to PDF in one soffice run, each PDF holds every
 * paragraph and number, has about as many pages as the print PDF, and passes the geometry checks
 * of ../shared/tools/gbt9704-check. Skipped, with a note, where LibreOffice is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../../src/model/report-model.ts';
import { blocksText } from '../../../src/model/narrative.ts';
import { PACKAGE_ROOT } from '../../../src/options.ts';
import { renderDocx } from '../../../src/render/docx/index.ts';
import { exampleAgencyIds, loadExample, TEMPLATES_DIR } from '../html/example-reports.ts';
import { reportParagraphs, squeeze, tableRows } from './expected-content.ts';
import { convertToPdf, findSoffice } from './libreoffice.ts';
import { fullNumberedReport, longLetter, numberedLetter } from './variants.ts';

const soffice = findSoffice();
const CHECKER = path.resolve(PACKAGE_ROOT, '../shared/tools/gbt9704-check');
if (!soffice) console.warn('未找到 LibreOffice（soffice）：跳过 DOCX 转 PDF 的检查。安装 libreoffice-writer 后再运行（CI 会安装）。');

/**
 * Pages of each LibreOffice PDF as measured here (LibreOffice 7.4, the @fontsource stand-in
 * fonts); used when no print PDF of the same report is in out/ to compare with.
 */
const MEASURED_PAGES: Record<string, number> = {
  'jinjie-report': 6,
  'shenmu-report': 5,
  'shenmu-letter': 1,
  'shizuishan-office-report': 8,
  'shuozhou-office-report': 6,
  'xinxiang-office-report': 5,
};

interface Case {
  name: string;
  kind: 'report' | 'letter';
  model: ReportModel;
  /** The print PDF of the same document, when the build has made one. */
  chromePdf?: string;
  /** Whether the document has enough running text for the grid checks (a short 函 has not). */
  runningText: boolean;
}

const cases: Case[] = [];
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-lo-test-'));
const pdfs = new Map<string, string>();

async function addCase(name: string, model: ReportModel, agencyDir: string, example = true) {
  const docs = await renderDocx(model, { templatesDir: TEMPLATES_DIR, agencyDir });
  const out = path.join(PACKAGE_ROOT, 'out', model.agencyId, String(model.year));
  for (const [kind, bytes] of [['report', docs.report], ['letter', docs.letter]] as const) {
    if (!bytes) continue;
    fs.writeFileSync(path.join(workDir, `${name}-${kind}.docx`), bytes);
    const chromePdf = path.join(out, `${kind}.pdf`);
    cases.push({
      name: `${name}-${kind}`,
      kind,
      model,
      chromePdf: example && fs.existsSync(chromePdf) ? chromePdf : undefined,
      runningText: kind === 'report' || name === 'long',
    });
  }
}

describe.skipIf(!soffice)('LibreOffice', () => {
  beforeAll(async () => {
    for (const id of exampleAgencyIds()) {
      const { model, agencyDir } = loadExample(id);
      await addCase(id, model, agencyDir);
    }
    const variants = { full: fullNumberedReport(), numbered: numberedLetter(), long: longLetter() };
    for (const [name, v] of Object.entries(variants)) await addCase(name, v.model, v.agencyDir, false);
    const files = cases.map((c) => path.join(workDir, `${c.name}.docx`));
    convertToPdf(soffice!, files, workDir).forEach((pdf, i) => pdfs.set(cases[i]!.name, pdf));
  }, 300_000);

  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

  const each = (test: (c: Case) => void) => () => {
    expect(cases.length).toBeGreaterThanOrEqual(9);
    for (const c of cases) test(c);
  };

  it(
    'converts every DOCX and keeps every paragraph and number of the data',
    each((c) => {
      const pdf = pdfs.get(c.name)!;
      // Page numbers (— 2 —) fall between the halves of a paragraph that crosses a page.
      const text = squeeze(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).replace(/—\d+—/g, '');
      if (c.kind === 'report') {
        for (const p of reportParagraphs(c.model)) expect(text, `${c.name}: ${p}`).toContain(squeeze(p));
        expect(text).toContain(squeeze(c.model.document?.title ?? c.model.title));
        // The 版记: LibreOffice sets Word's floating table in the flow, but keeps every word of it.
        const doc = c.model.document;
        for (const p of [...(doc?.cc.length ? [`抄送：${doc.cc.join('，')}。`] : []), ...(doc?.printed ? [doc.printed.by, `${doc.printed.date}印发`] : [])]) {
          expect(text, `${c.name}: ${p}`).toContain(squeeze(p));
        }
        const layout = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
        for (const row of tableRows(c.model)) {
          expect(layout, `${c.name}: ${row.join(' ')}`).toMatch(new RegExp(`(^|\\s)${row.join('\\s+')}(\\s|$)`, 'm'));
        }
      } else {
        const letter = c.model.letter!;
        const expected = [letter.letterhead, letter.title, letter.recipient, ...letter.body.map((b) => blocksText([b])), letter.signature.name, letter.signature.date];
        for (const p of expected) expect(text, `${c.name}: ${p}`).toContain(squeeze(p));
      }
    }),
  );

  it(
    'has within one page as many pages as the print PDF (or as measured here)',
    each((c) => {
      const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
      const expected = c.chromePdf ? pages(c.chromePdf) : MEASURED_PAGES[c.name];
      if (expected === undefined) return;
      expect(Math.abs(pages(pdfs.get(c.name)!) - expected), `${c.name}: ${pages(pdfs.get(c.name)!)} pages, want ${expected}`).toBeLessThanOrEqual(1);
    }),
  );

  it.skipIf(!fs.existsSync(CHECKER))(
    'passes gbt9704-check: left margin, line pitch and 28 characters a line; red header and page numbers',
    each((c) => {
      const red = c.kind === 'letter' || c.model.document ? ['--red-header'] : [];
      const run = spawnSync(CHECKER, [pdfs.get(c.name)!, ...red], { encoding: 'utf8' });
      const results = Object.fromEntries(
        [...run.stdout.matchAll(/^(ok  |FAIL) ([^:]+):/gm)].map((m) => [m[2]!, m[1]!.trim() === 'ok']),
      );
      const wanted = ['page size', ...(c.runningText ? ['left margin', 'line pitch', 'chars per line', 'lines per page'] : []), ...(red.length ? ['red header'] : [])];
      for (const check of wanted) expect(results[check], `${c.name}: ${check}\n${run.stdout}`).toBe(true);
      if (c.kind === 'report') expect(results['page numbers'], `${c.name}\n${run.stdout}`).toBe(true);
    }),
  );

  it('sets the text in the stand-ins for the office fonts, all embedded', () => {
    const fonts = new Set<string>();
    for (const pdf of pdfs.values()) {
      const table = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
      for (const line of table) {
        expect(line, pdf).not.toMatch(/Type 3/);
        expect(line.split(/\s+/).at(-5), `${pdf}: ${line}`).toBe('yes');
        fonts.add(line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
      }
    }
    // 仿宋_GB2312 → Noto Serif SC, 方正小标宋简体 → its bold, 黑体 → Noto Sans SC, 楷体_GB2312 → LXGW WenKai.
    expect([...fonts].sort()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^NotoSerifSC.*-Regular$/),
        expect.stringMatching(/^NotoSerifSC.*-Bold$/),
        expect.stringMatching(/^NotoSansSC/),
        expect.stringMatching(/^LXGWWenKai/),
      ]),
    );
  });
});
