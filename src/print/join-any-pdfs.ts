/**
 * merge-submission.ts's general join, for PDFs not in Chrome's own shape: through pdf-lib, which
 * loads only when such a PDF comes. join-chrome-pdfs.ts gives the same document for Chrome's.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFPageLeaf,
  PDFRef,
  ParseSpeeds,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import { applyMetadata, saveWithId } from './pdf-metadata.ts';
import type { PdfMeta } from './print-document.ts';

/** What one source document brings, already copied into the output. */
interface CopiedPart {
  /** Pages it takes in the output, the blank one that pads it included. */
  pages: number;
  /** Copied outline root (its items point at the copied pages), or null. */
  outline: PDFDict | null;
  /** Copied StructTreeRoot, or null when the part is not tagged. */
  structure: PDFDict | null;
}

export async function joinAnyPdfs(letterPdf: Uint8Array, reportPdf: Uint8Array, meta: PdfMeta): Promise<Uint8Array> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const parts: CopiedPart[] = [];
  const sources = [letterPdf, reportPdf];
  for (const [i, bytes] of sources.entries()) {
    const part = copyPart(await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }), out);
    if (i < sources.length - 1 && part.pages % 2 === 1) {
      const last = out.getPage(out.getPageCount() - 1);
      out.addPage([last.getWidth(), last.getHeight()]);
      part.pages += 1;
    }
    parts.push(part);
  }
  joinOutlines(out, parts);
  joinStructure(out, parts);
  labelPages(out, parts[0]!.pages);
  applyMetadata(out, meta);
  return saveWithId(out, [letterPdf, reportPdf], meta.idSeed);
}

/**
 * Copies pages, outline and structure tree with one copier, so that every reference to a page
 * (outline destinations, structure elements' /Pg) lands on the copied page.
 */
function copyPart(src: PDFDocument, out: PDFDocument): CopiedPart {
  const copier = PDFObjectCopier.for(src.context, out.context);
  const pages = src.getPages();
  for (const page of pages) {
    const ref = copier.copy(page.ref) as PDFRef;
    out.addPage(PDFPage.of(out.context.lookup(ref) as PDFPageLeaf, ref, out));
  }
  const copyOf = (key: string): PDFDict | null => {
    const ref = src.catalog.get(PDFName.of(key));
    return ref ? out.context.lookup(copier.copy(ref), PDFDict) : null;
  };
  return { pages: pages.length, outline: copyOf('Outlines'), structure: copyOf('StructTreeRoot') };
}

/** One outline: the letter's items, then the report's, under a new root. */
function joinOutlines(out: PDFDocument, parts: CopiedPart[]): void {
  const ctx = out.context;
  const rootRef = ctx.nextRef();
  const items: PDFRef[] = [];
  let count = 0;
  for (const part of parts) {
    let item = part.outline?.get(PDFName.of('First'));
    while (item instanceof PDFRef) {
      items.push(item);
      const dict = ctx.lookup(item, PDFDict);
      count += 1 + Math.max(0, dict.lookupMaybe(PDFName.of('Count'), PDFNumber)?.asNumber() ?? 0);
      item = dict.get(PDFName.of('Next'));
    }
  }
  for (const part of parts) {
    const old = part.outline && ctx.getObjectRef(part.outline);
    if (old) ctx.delete(old);
  }
  if (!items.length) return;
  items.forEach((ref, i) => {
    const dict = ctx.lookup(ref, PDFDict);
    dict.set(PDFName.of('Parent'), rootRef);
    setOrDelete(dict, 'Prev', items[i - 1]);
    setOrDelete(dict, 'Next', items[i + 1]);
  });
  ctx.assign(rootRef, ctx.obj({ Type: 'Outlines', First: items[0]!, Last: items.at(-1)!, Count: count }));
  out.catalog.set(PDFName.of('Outlines'), rootRef);
  out.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/**
 * One structure tree: the second part's top elements move under the first part's root, and its
 * parent-tree keys (and the pages' and annotations' /StructParent(s) that name them) shift past
 * the first part's.
 */
function joinStructure(out: PDFDocument, parts: CopiedPart[]): void {
  const ctx = out.context;
  const roots = parts.map((p) => p.structure);
  if (roots.some((r) => r === null)) return; // an untagged part: leave the whole file untagged
  const [first, ...rest] = roots as PDFDict[];
  const kids = asArray(ctx, first!.get(PDFName.of('K')));
  const nums = numberTreeEntries(ctx, first!.lookupMaybe(PDFName.of('ParentTree'), PDFDict));
  let nextKey = first!.lookupMaybe(PDFName.of('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? nums.length;
  let pageIndex = parts[0]!.pages;
  const firstRef = ctx.getObjectRef(first!);
  rest.forEach((root, i) => {
    const offset = nextKey;
    for (const kid of asArray(ctx, root.get(PDFName.of('K')))) {
      const elem = ctx.lookup(kid);
      if (elem instanceof PDFDict && firstRef) elem.set(PDFName.of('P'), firstRef);
      kids.push(kid);
    }
    for (const [key, value] of numberTreeEntries(ctx, root.lookupMaybe(PDFName.of('ParentTree'), PDFDict))) {
      nums.push([key + offset, value]);
    }
    const pages = out.getPages().slice(pageIndex, pageIndex + parts[i + 1]!.pages);
    for (const page of pages) {
      shiftKey(page.node, 'StructParents', offset);
      for (const annot of asArray(ctx, page.node.get(PDFName.of('Annots')))) {
        const dict = ctx.lookup(annot);
        if (dict instanceof PDFDict) shiftKey(dict, 'StructParent', offset);
      }
    }
    pageIndex += pages.length;
    nextKey = offset + (root.lookupMaybe(PDFName.of('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0);
    const ref = ctx.getObjectRef(root);
    if (ref) ctx.delete(ref);
  });
  first!.set(PDFName.of('K'), ctx.obj(kids));
  first!.set(PDFName.of('ParentTree'), ctx.obj({ Nums: nums.flat() }));
  first!.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(nextKey));
  if (firstRef) out.catalog.set(PDFName.of('StructTreeRoot'), firstRef);
  out.catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
}

/** Viewers show 函1, 函2 … for the letter's pages (its blank back included) and 1, 2, … for the report's, matching the printed numbers. */
function labelPages(out: PDFDocument, letterPages: number): void {
  const ctx = out.context;
  out.catalog.set(
    PDFName.of('PageLabels'),
    ctx.obj({ Nums: [0, { S: 'D', P: PDFHexString.fromText('函') }, letterPages, { S: 'D' }] }),
  );
}

function setOrDelete(dict: PDFDict, key: string, value: PDFRef | undefined) {
  if (value) dict.set(PDFName.of(key), value);
  else dict.delete(PDFName.of(key));
}

function shiftKey(dict: PDFDict, key: string, offset: number) {
  const value = dict.lookupMaybe(PDFName.of(key), PDFNumber);
  if (value) dict.set(PDFName.of(key), PDFNumber.of(value.asNumber() + offset));
}

function asArray(ctx: PDFContext, value: PDFObject | undefined): PDFObject[] {
  if (value === undefined) return [];
  const resolved = value instanceof PDFRef ? ctx.lookup(value) : value;
  return resolved instanceof PDFArray ? resolved.asArray() : [value];
}

/** The entries of a number tree (flat /Nums or nested /Kids), in key order. */
function numberTreeEntries(ctx: PDFContext, node: PDFDict | undefined): Array<[number, PDFObject]> {
  if (!node) return [];
  const entries: Array<[number, PDFObject]> = [];
  const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray)?.asArray() ?? [];
  for (let i = 0; i + 1 < nums.length; i += 2) {
    const key = nums[i];
    if (key instanceof PDFNumber) entries.push([key.asNumber(), nums[i + 1]!]);
  }
  for (const kid of node.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray() ?? []) {
    const child = ctx.lookup(kid);
    if (child instanceof PDFDict) entries.push(...numberTreeEntries(ctx, child));
  }
  return entries.sort((a, b) => a[0] - b[0]);
}
