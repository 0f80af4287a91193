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
import { lineOf, redRows, wordBoxes } from '../../print/pdf-geometry.ts';
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
    60_000,
  );

  it(
    'never leaves the closing alone on the last page: body text comes with the 结束语 and 署名 (GB/T 9704 7.3.5)',
    each((c) => {
      if (c.kind !== 'report') return;
      const pages = execFileSync('pdftotext', [pdfs.get(c.name)!, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
      const doc = c.model.document;
      const signature = doc ? doc.signature : c.model.signature;
      const closingParts = [doc?.closing, signature?.name, signature?.date, ...(doc ? [`抄送：${doc.cc.join('，')}。`, doc.printed?.by, doc.printed && `${doc.printed.date}印发`] : [])];
      let rest = squeeze(pages.at(-1)!).replace(/—\d+—/g, '');
      for (const part of closingParts) if (part) rest = rest.replace(squeeze(part), '');
      if (signature) expect(squeeze(pages.at(-1)!), c.name).toContain(squeeze(signature.name));
      expect(rest.length, `${c.name}: last page holds only the closing\n${pages.at(-1)}`).toBeGreaterThanOrEqual(10);
    }),
  );

  it(
    'sets the 函’s date as one run of text, with no grid gaps around its digits',
    each((c) => {
      if (c.kind !== 'letter') return;
      const words = wordBoxes(pdfs.get(c.name)!, 1)[0]!;
      const date = c.model.letter!.signature.date;
      const start = words.find((w) => date.startsWith(w.text) && w.text.length > 0 && /^\d{4}/.test(w.text))!;
      expect(start, `${c.name}: ${date}`).toBeDefined();
      const line = lineOf(words, start).filter((w) => w.x0 >= start.x0);
      expect(line.map((w) => w.text).join('')).toBe(date);
      // LibreOffice always adds its 1/5-em Asian–Latin spacing (it ignores w:autoSpaceDE); a digit
      // snapped to the character grid took a whole 5.6 mm cell instead (gaps of 2.5–4.4 mm).
      const gaps = line.slice(1).map((w, i) => w.x0 - line[i]!.x1);
      for (const gap of gaps) expect(gap, `${c.name}: gaps ${gaps.map((g) => g.toFixed(2)).join(' ')} mm`).toBeLessThan(1.3);
    }),
  );

  it(
    'draws the 函’s two red double rules 170 mm long and centred on the page',
    each((c) => {
      if (c.kind !== 'letter') return;
      const rows = redRows(pdfs.get(c.name)!, 1, 160);
      const upper = rows.filter((r) => r.y < 148.5);
      const lower = rows.filter((r) => r.y > 148.5);
      for (const [which, rule] of [['upper', upper], ['lower', lower]] as const) {
        expect(rule.length, `${c.name}: ${which} rule`).toBeGreaterThan(0);
        for (const r of rule) {
          expect(r.x1 - r.x0, `${c.name}: ${which} rule length`).toBeCloseTo(170, 0);
          expect(Math.abs((r.x0 + r.x1) / 2 - 105), `${c.name}: ${which} rule off centre by ${((r.x0 + r.x1) / 2 - 105).toFixed(2)} mm`).toBeLessThan(0.3);
        }
      }
    }),
  );

  it('sets 发文字号 one character from the left and 签发人 one from the right of the type area (GB/T 9704 7.2.4)', () => {
    const full = cases.find((c) => c.name === 'full-report')!;
    const words = wordBoxes(pdfs.get(full.name)!, 1)[0]!;
    const signer = words.find((w) => w.text.startsWith('签发人'))!;
    const line = lineOf(words, signer);
    const number = line[0]!;
    expect(number.text).toMatch(/^锦政字/);
    const char = 156 / 28;
    expect(number.x0).toBeCloseTo(28 + char, 0);
    expect(line.at(-1)!.x1).toBeCloseTo(28 + 156 - char, 0);
    expect(line.map((w) => w.text).join('')).toBe(`${full.model.document!.number}签发人：${full.model.document!.signer}`);
  });

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
