/** Reading PDFs back in tests: text with pdf.js (pure JS), fonts and outline with pdf-lib. */
import { execFileSync } from 'node:child_process';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface TextItem {
  str: string;
  /** Baseline, in pt up from the bottom edge. */
  y: number;
  x: number;
}

/** The text items of every page, in content order. */
export async function pdfTextItems(bytes: Uint8Array): Promise<TextItem[][]> {
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: TextItem[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items.flatMap((item) =>
        'str' in item ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number }] : [],
      ),
    );
  }
  await doc.destroy();
  return pages;
}

/** All text without white space or page numbers (— 3 —), pages joined: paragraphs read through page breaks. */
export async function pdfPlainText(bytes: Uint8Array): Promise<string> {
  const pages = await pdfTextItems(bytes);
  return pages
    .map((items) => items.map((i) => i.str).join('').replace(/\s+/g, '').replace(/—\d+—/g, ''))
    .join('');
}

export interface FontInfo {
  name: string;
  subtype: string;
  /** The CIDFont's subtype for Type0 fonts (CIDFontType2 = TrueType outlines). */
  descendant?: string;
  embedded: boolean;
}

/** Every font dictionary of the file. */
export function pdfFonts(doc: PDFDocument): FontInfo[] {
  const fonts: FontInfo[] = [];
  const name = (o: PDFObject | undefined) => (o instanceof PDFName ? o.decodeText() : '');
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = name(object.get(PDFName.of('Subtype')));
    if (subtype === 'CIDFontType2' || subtype === 'CIDFontType0') continue; // listed through their Type0 parent
    const descendants = object.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray);
    const cid = descendants ? (doc.context.lookup(descendants.get(0)) as PDFDict) : undefined;
    const descriptor = (cid ?? object).lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((k) => {
      const ref = descriptor?.get(PDFName.of(k));
      return ref instanceof PDFRef && doc.context.lookup(ref) instanceof PDFStream;
    });
    fonts.push({
      name: name(object.get(PDFName.of('BaseFont'))),
      subtype,
      descendant: cid ? name(cid.get(PDFName.of('Subtype'))) : undefined,
      embedded: subtype === 'Type3' ? false : embedded,
    });
  }
  return fonts;
}

export interface OutlineItem {
  title: string;
  children: OutlineItem[];
}

export function pdfOutline(doc: PDFDocument): OutlineItem[] {
  const walk = (first: PDFObject | undefined): OutlineItem[] => {
    const items: OutlineItem[] = [];
    for (let ref = first; ref instanceof PDFRef; ) {
      const dict = doc.context.lookup(ref, PDFDict);
      const title = dict.lookup(PDFName.of('Title'));
      items.push({ title: 'decodeText' in title! ? (title as { decodeText(): string }).decodeText() : '', children: walk(dict.get(PDFName.of('First'))) });
      ref = dict.get(PDFName.of('Next'));
    }
    return items;
  };
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  return root ? walk(root.get(PDFName.of('First'))) : [];
}

/** Whether a command runs here (poppler tools are optional outside CI). */
export function hasCommand(command: string, args = ['-v']): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}
