/**
 * The print documents in the real browser: every example agency's report.pdf (and shenmu's
 * letter.pdf and submission.pdf) read back — all text and table numbers there, every font an
 * embedded TrueType subset, outline and metadata, identical bytes on a second print, foreign
 * requests refused, and the GB/T 9704 geometry check where poppler-utils is installed.
 * One browser for the whole file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildReportModel, type ReportModel } from '../../src/model/report-model.ts';
import { PACKAGE_ROOT } from '../../src/options.ts';
import { createPrinter, mergeSubmission, type PdfMeta, type Printer, type PrintDocument } from '../../src/print/index.ts';
import { renderPrintDocuments } from '../../src/render/html/print-documents.ts';
import { exampleAgencyIds, loadExample, TEMPLATES_DIR, type ExampleReport } from '../render/html/example-reports.ts';
import { hasCommand, pdfFonts, pdfOutline, pdfPlainText, pdfTextItems } from './pdf-inspect.ts';
import { narrativeOf, squash, tableRowsOf } from './report-expectations.ts';

const CHECKER = path.resolve(PACKAGE_ROOT, '..', 'shared', 'tools', 'gbt9704-check');
const canCheckGeometry =
  fs.existsSync(CHECKER) && hasCommand('pdftotext') && hasCommand('pdftoppm') && hasCommand('python3', ['--version']);
const hasPdffonts = hasCommand('pdffonts');
if (!canCheckGeometry) console.warn(`跳过 GB/T 9704 版式检查：需要 poppler-utils（pdftotext、pdftoppm）、python3 和 ${CHECKER}`);
if (!hasPdffonts) console.warn('跳过 pdffonts 检查：未安装 poppler-utils（字体仍由 pdf-lib 逐个检查）');

const PT_PER_MM = 72 / 25.4;
// Reading five PDFs back with pdf.js takes seconds on a busy two-core machine.
vi.setConfig({ testTimeout: 60_000 });

interface Printed {
  example: ExampleReport;
  docs: { report: PrintDocument; letter: PrintDocument | null };
  report: Uint8Array;
  letter: Uint8Array | null;
  submission: Uint8Array | null;
  warnings: string[];
}

const meta = (model: ReportModel, title: string): PdfMeta => ({
  title,
  author: model.agency.name,
  subject: `${model.agency.name}${model.year}年度政府信息公开工作年度报告`,
  keywords: ['政府信息公开', String(model.year)],
  date: model.issuedOn,
  language: 'zh-CN',
});
const reportTitle = (model: ReportModel) => model.document?.title ?? model.title;

let printer: Printer;
let outDir: string;
const printed = new Map<string, Printed>();

async function printExample(example: ExampleReport): Promise<Printed> {
  const docs = await renderPrintDocuments(example.model, { templatesDir: TEMPLATES_DIR, agencyDir: example.agencyDir });
  const report = await printer.print(docs.report, meta(example.model, reportTitle(example.model)));
  const letter = docs.letter ? await printer.print(docs.letter, meta(example.model, example.model.letter!.title)) : null;
  const submission = letter ? await mergeSubmission(letter.pdf, report.pdf, meta(example.model, example.model.letter!.title)) : null;
  const dir = path.join(outDir, example.agencyId);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'report.pdf'), report.pdf);
  if (letter) fs.writeFileSync(path.join(dir, 'letter.pdf'), letter.pdf);
  if (submission) fs.writeFileSync(path.join(dir, 'submission.pdf'), submission);
  return { example, docs, report: report.pdf, letter: letter?.pdf ?? null, submission, warnings: [...report.warnings, ...(letter?.warnings ?? [])] };
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-print-test-'));
  printer = createPrinter({ browserPath: null, concurrency: 2 });
  const results = await Promise.all(exampleAgencyIds().map((id) => printExample(loadExample(id))));
  for (const r of results) printed.set(r.example.agencyId, r);
}, 180_000);

afterAll(async () => {
  await printer?.close();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

const all = () => [...printed.values()];
const pdfsOf = (p: Printed) =>
  [
    ['report.pdf', p.report],
    ['letter.pdf', p.letter],
    ['submission.pdf', p.submission],
  ].filter((e): e is [string, Uint8Array] => e[1] !== null);

describe('report.pdf of every example agency', () => {
  it('holds every paragraph, heading and table row of the data', async () => {
    for (const p of all()) {
      const text = await pdfPlainText(p.report);
      const model = p.example.model;
      expect(text, p.example.agencyId).toContain(squash(reportTitle(model)));
      for (const paragraph of narrativeOf(model)) expect(text, `${p.example.agencyId}: ${paragraph.slice(0, 20)}`).toContain(paragraph);
      for (const row of tableRowsOf(model)) expect(text, `${p.example.agencyId}: ${row}`).toContain(row);
      expect(p.warnings, p.example.agencyId).toEqual([]);
    }
  }, 60_000);

  it('never leaves the closing alone on the last page: body text comes with the 结束语 and 署名', async () => {
    for (const p of all()) {
      const model = p.example.model;
      const doc = model.document;
      const signature = doc ? doc.signature : model.signature;
      const last = (await pdfTextItems(p.report)).at(-1)!;
      let rest = squash(last.map((i) => i.str).join('')).replace(/—\d+—/g, '');
      if (signature) expect(rest, p.example.agencyId).toContain(squash(signature.name));
      for (const part of [doc?.closing, signature?.name, signature?.date]) if (part) rest = rest.replace(squash(part), '');
      expect(rest.length, `${p.example.agencyId}: ${rest}`).toBeGreaterThanOrEqual(10);
    }
  });

  it('embeds every font as a TrueType subset, with no Type 3 font', async () => {
    for (const p of all()) {
      for (const [name, bytes] of pdfsOf(p)) {
        const fonts = pdfFonts(await PDFDocument.load(bytes));
        expect(fonts.length, `${p.example.agencyId} ${name}`).toBeGreaterThan(0);
        for (const font of fonts) {
          expect(font, `${p.example.agencyId} ${name}`).toMatchObject({ subtype: 'Type0', descendant: 'CIDFontType2', embedded: true });
          expect(font.name).toMatch(/^[A-Z]{6}\+/); // a subset
          // Only the fonts nianbao ships: a character no declared face covers would fall to a system font.
          expect(font.name, `${p.example.agencyId} ${name}`).toMatch(/^[A-Z]{6}\+(NotoSerifSC|NotoSansSC|LXGWWenKai)/);
        }
        // The overview's （一） sub-heads are 楷体: set in LXGW WenKai (from its subset), not fallen back to 宋体.
        if (name === 'report.pdf') {
          expect(fonts.map((f) => f.name).some((n) => /^[A-Z]{6}\+LXGWWenKai/.test(n)), `${p.example.agencyId} ${name}`).toBe(true);
        }
      }
    }
  }, 60_000);

  it.skipIf(!hasPdffonts)('shows pdffonts only embedded CID TrueType fonts', () => {
    for (const p of all()) {
      const file = path.join(outDir, p.example.agencyId, 'report.pdf');
      const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row).toContain('CID TrueType');
        expect(row).not.toContain('Type 3');
        expect(row).toMatch(/Identity-H\s+yes\s+yes\s+yes/);
      }
    }
  });

  it('has bookmarks for the title and the six sections, and its metadata', async () => {
    for (const p of all()) {
      const model = p.example.model;
      const doc = await PDFDocument.load(p.report, { updateMetadata: false });
      const [title, ...rest] = pdfOutline(doc);
      expect(rest).toEqual([]);
      expect(title!.title).toBe(reportTitle(model));
      expect(title!.children.map((c) => c.title)).toEqual([
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ]);
      expect(doc.getTitle()).toBe(reportTitle(model));
      expect(doc.getAuthor()).toBe(model.agency.name);
      expect(doc.getSubject()).toContain('政府信息公开');
      expect(doc.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe('(zh-CN)');
      expect(doc.catalog.has(PDFName.of('StructTreeRoot'))).toBe(true);
      const [y, m, d] = model.issuedOn.split('-');
      expect(doc.getCreationDate()?.toISOString()).toBe(new Date(`${y}-${m}-${d}T00:00:00+08:00`).toISOString());
      expect(doc.context.trailerInfo.ID).toBeDefined();
    }
  }, 60_000);

  it('comes out byte for byte the same when printed again, on a reused page or a fresh one', async () => {
    for (const id of ['jinjie', 'shenmu']) {
      const p = printed.get(id)!;
      const m = meta(p.example.model, reportTitle(p.example.model));
      // A reused page has the next document written into it; a fresh page navigates to it.
      const reused = await printer.print(p.docs.report, m);
      const fresh = createPrinter({ browserPath: null, concurrency: 1 });
      try {
        const first = await fresh.print(p.docs.report, m);
        expect(Buffer.from(reused.pdf).equals(Buffer.from(p.report)), id).toBe(true);
        expect(Buffer.from(first.pdf).equals(Buffer.from(p.report)), id).toBe(true);
      } finally {
        await fresh.close();
      }
    }
  }, 60_000);

  it.skipIf(!canCheckGeometry)('passes the GB/T 9704 geometry check (with the red header for the numbered report)', () => {
    for (const p of all()) {
      const file = path.join(outDir, p.example.agencyId, 'report.pdf');
      const args = [file, ...(p.example.model.document ? ['--red-header'] : [])];
      let output: string;
      try {
        output = execFileSync(CHECKER, args, { encoding: 'utf8' });
      } catch (error) {
        output = String((error as { stdout?: string }).stdout ?? error);
      }
      expect(output, `${p.example.agencyId}\n${output}`).toMatch(/\d+ passed, 0 failed/);
      if (p.example.model.document) expect(output).toMatch(/^ok\s+red header/m);
    }
  }, 60_000);
});

describe('letter.pdf and submission.pdf', () => {
  it('prints the 函 on one page, without a page number', async () => {
    const p = printed.get('shenmu')!;
    const pages = await pdfTextItems(p.letter!);
    expect(pages).toHaveLength(1);
    const text = squash(pages[0]!.map((i) => i.str).join(''));
    expect(text).toContain('神木市政府信息综合室');
    expect(text).toContain('关于报送《神木市人民政府2023年度政府信息公开工作报告》的函');
    expect(text).toContain('榆林市政府信息化服务中心：');
    expect(text).toContain('2024年2月2日');
    expect(text).not.toMatch(/—\d+—/);
  }, 60_000);

  it('joins the 函 and the report, the report numbered from 1, with one outline and the metadata', async () => {
    const p = printed.get('shenmu')!;
    const load = (bytes: Uint8Array) => PDFDocument.load(bytes, { updateMetadata: false });
    const [letter, report, submission] = [await load(p.letter!), await load(p.report), await load(p.submission!)];
    // The one-page 函 gets a blank back, so the report starts on physical page 3, a front page.
    const letterPages = letter.getPageCount() + (letter.getPageCount() % 2);
    expect(letter.getPageCount()).toBe(1);
    expect(submission.getPageCount()).toBe(letterPages + report.getPageCount());
    const pages = await pdfTextItems(p.submission!);
    expect(pages[1]).toEqual([]);
    expect(submission.getPage(1).getSize()).toEqual(submission.getPage(0).getSize());
    const reportPages = pages.slice(letterPages);
    expect(squash(reportPages[0]!.map((t) => t.str).join(''))).toContain(squash(p.example.model.title));
    const width = submission.getPage(0).getWidth();
    reportPages.slice(1).forEach((items, i) => {
      const n = i + 2;
      const physical = letterPages + n;
      expect(squash(items.map((t) => t.str).join(''))).toContain(`—${n}—`);
      // Duplex: odd physical pages are fronts (number on the right), even ones backs (on the left).
      const dash = items.filter((t) => t.str.includes('—')).sort((a, b) => a.y - b.y)[0]!;
      expect(physical % 2 === 1 ? dash.x > width / 2 : dash.x < width / 2, `— ${n} — on physical page ${physical} at x ${dash.x}`).toBe(true);
      expect(physical % 2).toBe(n % 2);
    });
    expect(pdfOutline(submission).map((o) => o.title)).toEqual([p.example.model.letter!.title, p.example.model.title]);
    expect(pdfOutline(submission)[1]!.children).toHaveLength(6);
    expect(submission.getTitle()).toBe(p.example.model.letter!.title);
    expect(submission.getAuthor()).toBe('神木市人民政府');
    expect(submission.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe('(zh-CN)');
    expect(submission.catalog.has(PDFName.of('StructTreeRoot'))).toBe(true);
    const again = await mergeSubmission(p.letter!, p.report, meta(p.example.model, p.example.model.letter!.title));
    expect(Buffer.from(again).equals(Buffer.from(p.submission!))).toBe(true);
   }, 60_000);

  it.skipIf(!canCheckGeometry)('keeps the left margin, line pitch and 28 characters a line in a letter with running text', async () => {
    // shenmu's own 函 is two lines with digits in both: too little running text to measure.
    const example = loadExample('shenmu');
    const data = structuredClone(example.data);
    const sentence = '现将本机关政府信息公开工作年度报告随文报来，请予审查，并请将审查意见及时反馈我室，以便我们按照要求认真修改完善后在门户网站公开发布。';
    data.letter!.body = `${sentence}${sentence}\n\n${sentence}`;
    const model = buildReportModel('shenmu', { name: '神木市人民政府', letterhead: { letter: '神木市政府信息综合室' }, recipients: { letter: '榆林市政府信息化服务中心' } }, data);
    const docs = await renderPrintDocuments(model, { templatesDir: TEMPLATES_DIR, agencyDir: example.agencyDir });
    const file = path.join(outDir, 'long-letter.pdf');
    fs.writeFileSync(file, (await printer.print(docs.letter!, meta(model, model.letter!.title))).pdf);
    let output: string;
    try {
      output = execFileSync(CHECKER, [file], { encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    for (const check of ['page size', 'left margin', 'line pitch', 'chars per line']) expect(output).toMatch(new RegExp(`^ok\\s+${check}:`, 'm'));
  }, 60_000);
});

describe('printing', () => {
  it('refuses and reports every request that leaves the build', async () => {
    const p = printed.get('xinxiang-office')!;
    const doc: PrintDocument = {
      ...p.docs.report,
      html: p.docs.report.html.replace('</body>', '<img src="https://example.com/x.png" alt=""></body>'),
    };
    const result = await printer.print(doc, meta(p.example.model, p.example.model.title));
    expect(result.warnings).toEqual([expect.stringContaining('https://example.com/x.png')]);
    expect(result.pdf.length).toBeGreaterThan(10_000);
  }, 60_000);

  it('sets the 版记 at the foot of the last page, its last rule on the bottom edge of the type area', async () => {
    const example = loadExample('jinjie');
    const data = structuredClone(example.data);
    data.document!.cc = ['神木市人民政府办公室'];
    data.document!.printed = { by: '锦界镇党政办', date: '2024-02-02' };
    const model = buildReportModel('jinjie', { name: '神木市锦界镇人民政府', docNumberPrefix: '锦政字' }, data);
    const docs = await renderPrintDocuments(model, { templatesDir: TEMPLATES_DIR, agencyDir: example.agencyDir });
    const pdf = (await printer.print(docs.report, meta(model, model.document!.title))).pdf;
    const pages = await pdfTextItems(pdf);
    const last = pages.at(-1)!;
    // Fonts come in slices, so 印发 may be split between text items.
    const printedLine = last.find((i) => /[印发]/.test(i.str));
    expect(printedLine).toBeDefined();
    // Baseline just above the type area's bottom edge, 35 mm from the bottom of the page.
    expect(printedLine!.y).toBeGreaterThan(35 * PT_PER_MM);
    expect(printedLine!.y).toBeLessThan(43 * PT_PER_MM);
    expect(squash(last.map((i) => i.str).join(''))).toContain('专此报告');
  }, 60_000);
});
