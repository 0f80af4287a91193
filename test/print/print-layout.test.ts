/**
 * Page layout in the real browser: a table that does not fit the rest of its page breaks
 * between rows with its header repeated, and no group label is left at the foot of a page
 * without its first rows (fixture table-split-across-pages); the 版头 of an upward report sets
 * 发文字号 left and 签发人 right, its name in 楷体 (GB/T 9704 7.2.4).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REQUEST_ROWS, RESULT_ROWS } from '../../src/format/index.ts';
import { buildReportModel, type ReportModel } from '../../src/model/report-model.ts';
import type { AgencyFile, YearFile } from '../../src/model/types.ts';
import { createPrinter, type Printer } from '../../src/print/index.ts';
import { renderPrintDocuments } from '../../src/render/html/print-documents.ts';
import { fullNumberedReport } from '../render/docx/variants.ts';
import { TEMPLATES_DIR } from '../render/html/example-reports.ts';
import { hasCommand, pdfTextItems, type TextItem } from './pdf-inspect.ts';
import { lineOf, wordBoxes } from './pdf-geometry.ts';
import { squash } from './report-expectations.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/table-split-across-pages/data/demo-county');
const PT_PER_MM = 72 / 25.4;
// pdf.js reads a PDF in seconds on a busy two-core machine.
vi.setConfig({ testTimeout: 60_000 });

let printer: Printer;
const pdfs = new Map<string, Uint8Array>();

async function print(name: string, model: ReportModel, agencyDir: string) {
  const docs = await renderPrintDocuments(model, { templatesDir: TEMPLATES_DIR, agencyDir });
  const result = await printer.print(docs.report, { title: model.title, author: model.agency.name, date: model.issuedOn, language: 'zh-CN' });
  pdfs.set(name, result.pdf);
}

beforeAll(async () => {
  printer = createPrinter({ browserPath: null, concurrency: 2 });
  const read = <T>(file: string) => parse(fs.readFileSync(path.join(FIXTURE, file), 'utf8')) as T;
  const split = buildReportModel('demo-county', read<AgencyFile>('agency.yaml'), read<YearFile>('2023.yaml'));
  const full = fullNumberedReport();
  await Promise.all([print('split', split, FIXTURE), print('signer', full.model, full.agencyDir)]);
}, 180_000);

afterAll(async () => {
  await printer?.close();
});

const pageText = (items: readonly TextItem[]) => squash(items.map((i) => i.str).join(''));

interface Line {
  text: string;
  /** Left end and baseline, in pt. */
  x: number;
  y: number;
}

/** The page's text as lines: items on one baseline (within 1 pt), left to right. */
function linesOf(items: readonly TextItem[]): Line[] {
  const lines: Array<{ y: number; items: TextItem[] }> = [];
  for (const item of items) {
    if (!item.str.trim()) continue;
    const line = lines.find((l) => Math.abs(l.y - item.y) < 1);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, items: [item] });
  }
  return lines.map((l) => {
    const sorted = l.items.sort((a, b) => a.x - b.x);
    return { text: squash(sorted.map((i) => i.str).join('')), x: sorted[0]!.x, y: l.y };
  });
}

describe('a table longer than the rest of its page', () => {
  it('breaks between rows and repeats its header rows on the next page', async () => {
    const pages = await pdfTextItems(pdfs.get('split')!);
    const texts = pages.map(pageText);
    const start = texts.findIndex((t) => t.includes('三、收到和处理政府信息公开申请情况'));
    expect(start).toBeGreaterThan(0);
    const [first, second] = [texts[start]!, texts[start + 1]!];
    // Its heading, its header and its first rows on the page where it starts…
    expect(first).toContain('申请人情况');
    expect(first).toContain(squash(REQUEST_ROWS.received));
    expect(first).toContain(squash(REQUEST_ROWS.carriedOver));
    // …the rest on the next page, under the header rows again.
    expect(second).not.toContain(squash(REQUEST_ROWS.received));
    expect(second).toContain(squash(REQUEST_ROWS.carriedForward));
    for (const header of ['申请人情况', '法人或其他组织', '自然人', '商业企业', '总计']) expect(second, header).toContain(header);
    const y = (page: readonly TextItem[], text: string) => linesOf(page).find((l) => l.text.includes(text))!.y;
    const next = pages[start + 1]!;
    expect(y(next, '申请人情况')).toBeGreaterThan(y(next, '四、结转下年度继续办理'));
    // The header opens the page: nothing of the report above it but the type area's top edge.
    expect(y(next, '申请人情况')).toBeGreaterThan((297 - 37 - 30) * PT_PER_MM);
    // The split leaves no page a third empty: the first part fills the page to near its foot.
    const lowest = Math.min(...pages[start]!.filter((i) => /^\d+$/.test(i.str.trim())).map((i) => i.y));
    expect(lowest).toBeLessThan((35 + 40) * PT_PER_MM);
  });

  it('keeps each group label with its first rows', async () => {
    const texts = (await pdfTextItems(pdfs.get('split')!)).map(pageText);
    for (const group of RESULT_ROWS) {
      if (group.kind !== 'group') continue;
      const page = texts.find((t) => t.includes(squash(group.label)));
      expect(page, group.label).toBeDefined();
      for (const child of group.children.slice(0, 2)) expect(page, `${group.label} ${child.label}`).toContain(squash(child.label));
    }
    // The results label 三、本年度办理结果 likewise comes with （一） and （二）.
    const results = texts.find((t) => t.includes(squash(REQUEST_ROWS.results)))!;
    expect(results).toContain('（一）予以公开');
    expect(results).toContain(squash('（二）部分公开'));
  });
});

describe('the 版头 of an upward report', () => {
  it('sets 发文字号 one character from the left and 签发人 one from the right, on one line', async () => {
    const items = (await pdfTextItems(pdfs.get('signer')!))[0]!;
    const line = linesOf(items).find((l) => l.text.startsWith('锦政字'))!;
    expect(line.text).toBe('锦政字〔2024〕24号签发人：王建国');
    const char = 156 / 28;
    expect(line.x / PT_PER_MM).toBeCloseTo(28 + char, 0);
    if (!hasCommand('pdftotext')) return;
    // 签发人 ends one character from the right edge of the type area (184 mm).
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-signer-')), 'report.pdf');
    fs.writeFileSync(file, pdfs.get('signer')!);
    const words = wordBoxes(file, 1)[0]!;
    const signer = lineOf(words, words.find((w) => w.text.startsWith('签发人'))!);
    expect(signer.at(-1)!.x1).toBeCloseTo(28 + 156 - char, 0);
    expect(signer[0]!.x0).toBeCloseTo(28 + char, 0);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
