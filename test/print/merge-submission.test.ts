/**
 * Joining the 函 and the report as text (Chrome's own PDFs) gives the document the general path
 * through pdf-lib gives: the same pages, text, outline, page labels, metadata and structure tree.
 * PDFs in another shape take the general path.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, type PDFObject } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/print/browser-session.ts';
import { readChromePdf } from '../../src/print/chrome-pdf.ts';
import { finishPdf } from '../../src/print/finish-pdf.ts';
import { joinAnyPdfs } from '../../src/print/join-any-pdfs.ts';
import { joinChromePdfs } from '../../src/print/join-chrome-pdfs.ts';
import { mergeSubmission } from '../../src/print/merge-submission.ts';
import { PDF_OPTIONS } from '../../src/print/pdf-options.ts';
import type { PdfMeta, PrintDocument } from '../../src/print/print-document.ts';
import { guardPage } from '../../src/print/request-guard.ts';
import { renderPrintDocuments } from '../../src/render/html/print-documents.ts';
import { loadExample, TEMPLATES_DIR } from '../render/html/example-reports.ts';
import { pdfOutline, pdfTextItems } from './pdf-inspect.ts';

const META: PdfMeta = {
  title: '关于报送《神木市人民政府2023年度政府信息公开工作报告》的函',
  author: '神木市人民政府',
  date: '2024-02-02',
  language: 'zh-CN',
  idSeed: 'seed',
};

let session: BrowserSession;
/** shenmu's 函 (one page) and report (several), printed and finished as the build does. */
let letter: Uint8Array;
let report: Uint8Array;
/** Their titles, which their outlines open with. */
let titles: string[];

beforeAll(async () => {
  const example = loadExample('shenmu', 2023);
  const docs = await renderPrintDocuments(example.model, { templatesDir: TEMPLATES_DIR, agencyDir: example.agencyDir });
  session = new BrowserSession({ browserPath: null, concurrency: 1 });
  const print = (doc: PrintDocument) =>
    session.withPage(async (page) => {
      const served = (await guardPage(page)).serve(doc.html, doc.assetRoots, doc.madeOnRead);
      await page.goto(served.url, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return finishPdf(await page.pdf(PDF_OPTIONS), { ...META, title: doc.kind });
    });
  titles = [example.model.letter!.title, example.model.title];
  letter = await print(docs.letter!);
  report = await print(docs.report);
}, 120_000);

afterAll(() => session?.close());

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** What a reader of the joined file sees, as plain values. */
async function described(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  const ctx = doc.context;
  const resolve = (o: PDFObject | undefined) => (o instanceof PDFRef ? ctx.lookup(o) : o);
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const kids = resolve(root.get(PDFName.of('K')));
  const nums = (root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray)).asArray();
  const keys = nums.filter((_, i) => i % 2 === 0).map((k) => (k as PDFNumber).asNumber());
  // Each key's value, as the structure elements it names: their types, in order.
  const elements = nums
    .filter((_, i) => i % 2 === 1)
    .map((v) => {
      const value = resolve(v);
      const list = value instanceof PDFArray ? value.asArray() : [v];
      return list.map((e) => (resolve(e) as PDFDict).get(PDFName.of('S'))?.toString()).join(' ');
    });
  const labels = doc.catalog.lookup(PDFName.of('PageLabels'), PDFDict).lookup(PDFName.of('Nums'), PDFArray).asArray();
  return {
    pages: doc.getPages().map((p) => ({
      size: p.getSize(),
      structParents: p.node.get(PDFName.of('StructParents'))?.toString() ?? null,
    })),
    text: (await pdfTextItems(bytes)).map((items) => items.map((t) => t.str).join('')),
    outline: pdfOutline(doc),
    labels: labels.map((l) => (l instanceof PDFNumber ? l.asNumber() : (resolve(l) as PDFDict).get(PDFName.of('S'))?.toString())),
    title: doc.getTitle(),
    author: doc.getAuthor(),
    lang: doc.catalog.get(PDFName.of('Lang'))?.toString(),
    marked: doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked'))?.toString(),
    topElements: (kids instanceof PDFArray ? kids.asArray() : [kids]).map((k) => (resolve(k) as PDFDict).get(PDFName.of('S'))?.toString()),
    topParents: (kids instanceof PDFArray ? kids.asArray() : [kids]).map((k) => (resolve(k) as PDFDict).get(PDFName.of('P')) === ctx.getObjectRef(root)),
    keys,
    elements,
    nextKey: root.get(PDFName.of('ParentTreeNextKey'))?.toString(),
  };
}

describe('joining the 函 and the report', () => {
  it('joins Chrome’s PDFs as text into what the general path makes', async () => {
    const fast = joinChromePdfs(letter, report, META);
    expect(fast).not.toBeNull();
    const general = await joinAnyPdfs(letter, report, META);
    const [a, b] = [await described(fast!), await described(general)];
    expect(a).toEqual(b);
    // The one-page 函, its blank back, then the report's pages.
    const reportPages = (await PDFDocument.load(report)).getPageCount();
    expect(a.pages).toHaveLength(2 + reportPages);
    expect(a.text[1]).toBe('');
    expect(a.labels).toEqual([0, '/D', 2, '/D']);
    expect(a.outline.map((o) => o.title)).toEqual(titles);
    expect(a.topElements).toEqual(['/Document', '/Document']);
    expect(a.topParents).toEqual([true, true]);
    expect(new Set(a.keys).size).toBe(a.keys.length);
    expect(a.title).toBe(META.title);
    // Fonts and page contents are carried over byte for byte.
    const out = latin1(fast!);
    for (const part of [letter, report]) {
      for (const s of readChromePdf(part)!.objects.filter((o) => o.stream)) expect(out.includes(s.text.slice(s.text.indexOf('obj')))).toBe(true);
    }
  });

  it('pads a part of an odd page count, whatever it holds, and keeps every page', async () => {
    // The report as the first part: several pages, an odd count or not.
    const fast = joinChromePdfs(report, letter, META)!;
    const [a, b] = [await described(fast), await described(await joinAnyPdfs(report, letter, META))];
    expect(a).toEqual(b);
    const first = (await PDFDocument.load(report)).getPageCount();
    expect(a.pages).toHaveLength(first + (first % 2) + 1);
  });

  it('gives the same bytes for the same input and another /ID for another seed', () => {
    const once = joinChromePdfs(letter, report, META)!;
    expect(Buffer.compare(Buffer.from(once), Buffer.from(joinChromePdfs(letter, report, META)!))).toBe(0);
    const id = (bytes: Uint8Array) => /\/ID \[<([0-9a-f]+)>/.exec(latin1(bytes))?.[1];
    expect(id(once)).toMatch(/^[0-9a-f]{32}$/);
    expect(id(joinChromePdfs(letter, report, { ...META, idSeed: 'other' })!)).not.toBe(id(once));
  });

  it('leaves PDFs in another shape to the general path', async () => {
    const reshaped = await (await PDFDocument.load(report, { updateMetadata: false })).save();
    expect(joinChromePdfs(letter, reshaped, META)).toBeNull();
    const merged = await mergeSubmission(letter, reshaped, META);
    expect((await described(merged)).pages).toHaveLength(2 + (await PDFDocument.load(report)).getPageCount());
  });
});
