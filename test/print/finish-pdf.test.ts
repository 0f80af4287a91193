/**
 * Finishing Chrome's PDF by rewriting only the objects that change gives the same document as the
 * general path through pdf-lib: the same metadata, font metrics, node IDs, text and pages. A PDF
 * in another shape is recognised and takes the general path.
 */
import { PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/print/browser-session.ts';
import { readChromePdf } from '../../src/print/chrome-pdf.ts';
import { finishPdf } from '../../src/print/finish-pdf.ts';
import { PDF_OPTIONS } from '../../src/print/pdf-options.ts';
import { guardPage } from '../../src/print/request-guard.ts';
import type { PdfMeta } from '../../src/print/print-document.ts';
import { renderPrintDocuments } from '../../src/render/html/print-documents.ts';
import { loadExample, TEMPLATES_DIR } from '../render/html/example-reports.ts';
import { pdfPlainText } from './pdf-inspect.ts';

const META: PdfMeta = {
  title: '神木市人民政府2023年度政府信息公开工作报告',
  author: '神木市人民政府',
  subject: '政府信息公开工作年度报告',
  keywords: ['政府信息公开', '2023'],
  date: '2024-01-31',
  language: 'zh-CN',
  idSeed: 'seed',
};

let session: BrowserSession;
/** Chrome's own PDF of shenmu's report, as page.pdf gives it. */
let raw: Uint8Array;

beforeAll(async () => {
  const example = loadExample('shenmu', 2023);
  const docs = await renderPrintDocuments(example.model, { templatesDir: TEMPLATES_DIR, agencyDir: example.agencyDir });
  session = new BrowserSession({ browserPath: null, concurrency: 1 });
  raw = await session.withPage(async (page) => {
    const served = (await guardPage(page)).serve(docs.report.html, docs.report.assetRoots, docs.report.madeOnRead);
    await page.goto(served.url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page.pdf(PDF_OPTIONS);
  });
}, 120_000);

afterAll(() => session?.close());

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

async function described(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  const text = (key: string) => {
    const value = info.get(PDFName.of(key));
    return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;
  };
  const raw = (key: string) => (info.get(PDFName.of(key)) as PDFString | undefined)?.asString() ?? null;
  const descriptors = doc.context
    .enumerateIndirectObjects()
    .map(([, o]) => o)
    .filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'))
    .map((d) => `${d.get(PDFName.of('Ascent'))} ${d.get(PDFName.of('Descent'))}`);
  const nodes = new Set<string>();
  const visit = (o: unknown): void => {
    if (o instanceof PDFString && /^node\d+$/.test(o.asString())) nodes.add(o.asString());
    else if (o instanceof PDFDict) for (const [, v] of o.entries()) visit(v);
    else if (o && typeof o === 'object' && 'asArray' in o) for (const v of (o as { asArray(): unknown[] }).asArray()) visit(v);
  };
  for (const [, o] of doc.context.enumerateIndirectObjects()) visit(o);
  return {
    info: ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'].map(text),
    dates: [raw('CreationDate'), raw('ModDate')],
    lang: doc.catalog.get(PDFName.of('Lang'))?.toString(),
    pages: doc.getPageCount(),
    descriptors: [...new Set(descriptors)],
    nodes: [...nodes].sort(),
    hasId: Boolean(doc.context.trailerInfo.ID),
  };
}

describe('finishing a PDF', () => {
  it('reads Chrome’s PDF as its objects', () => {
    const pdf = readChromePdf(raw)!;
    expect(pdf).not.toBeNull();
    expect(pdf.objects.length).toBe(Number(/\/Size (\d+)/.exec(latin1(raw))![1]) - 1);
    expect(pdf.objects.filter((o) => o.stream).length).toBeGreaterThan(0);
  });

  it('rewrites only what changes and gives what the general path gives', async () => {
    const fast = await finishPdf(raw, META);
    // The same Chrome PDF saved by pdf-lib (object streams) is not in Chrome's shape.
    const reshaped = await (await PDFDocument.load(raw, { updateMetadata: false })).save();
    expect(readChromePdf(reshaped)).toBeNull();
    const general = await finishPdf(reshaped, META);

    const [a, b] = [await described(fast), await described(general)];
    expect(a).toEqual(b);
    expect(a.info).toEqual([META.title, META.author, META.subject, META.keywords!.join(' '), 'nianbao', expect.stringMatching(/^Skia/)]);
    expect(a.dates).toEqual(["D:20240131000000+08'00'", "D:20240131000000+08'00'"]);
    expect(a.descriptors).toEqual(['880 -120']);
    expect(a.nodes[0]).toBe('node00000001');
    expect(a.hasId).toBe(true);
    expect(await pdfPlainText(fast)).toBe(await pdfPlainText(raw));
    // Streams are copied byte for byte: every stream of Chrome's file is in the finished one.
    const streams = readChromePdf(raw)!.objects.filter((o) => o.stream);
    const out = latin1(fast);
    for (const s of streams) expect(out.includes(s.text.slice(s.text.indexOf('obj')))).toBe(true);
  });

  it('gives the same bytes for the same input and another /ID for another seed', async () => {
    const once = await finishPdf(raw, META);
    expect(Buffer.compare(Buffer.from(once), Buffer.from(await finishPdf(raw, META)))).toBe(0);
    const other = await finishPdf(raw, { ...META, idSeed: 'other' });
    const id = (bytes: Uint8Array) => /\/ID \[<([0-9a-f]+)>/.exec(latin1(bytes))?.[1];
    expect(id(once)).toMatch(/^[0-9a-f]{32}$/);
    expect(id(other)).not.toBe(id(once));
    // Other content, the same seed: another /ID too.
    expect(id(await finishPdf(raw, { ...META, title: '另一个标题' }))).not.toBe(id(once));
  });

  it('leaves an incrementally updated PDF, or one with object streams, to the general path', async () => {
    const updated = Buffer.concat([Buffer.from(raw), Buffer.from('\n1 0 obj\n<<>>\nendobj\nxref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 2 /Root 1 0 R /Info 1 0 R /Prev 9>>\nstartxref\n0\n%%EOF')]);
    expect(readChromePdf(updated)).toBeNull();
    const made = await PDFDocument.create();
    made.addPage();
    // Objects in object streams and a cross-reference stream, as pdf-lib writes by default.
    expect(readChromePdf(await made.save())).toBeNull();
  });
});
