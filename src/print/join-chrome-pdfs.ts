/**
 * merge-submission.ts's join for two PDFs in Chrome's own shape (chrome-pdf.ts), done as text:
 * the objects of both are renumbered into one file and copied as they are — fonts and page
 * contents untouched — and only the catalog, the page tree's root, the structure tree's root and
 * parent tree, the outline's root and the Info dictionary are new. Loading both files into pdf-lib
 * and saving the result cost more than printing the 函. Anything this does not know (a parent
 * tree in parts, a role map, a reference into what it replaces) gives null: the caller then joins
 * the files through pdf-lib, with the same result.
 */
import { readChromePdf, writePdf, type ChromePdf, type PdfObject } from './chrome-pdf.ts';
import { finishedContentId, infoDictionary, pdfLiteralString, pdfTextString } from './pdf-info.ts';
import { arrayEntry, numberEntry, refEntry, refsEntry, renumberObject, renumberReferences, setEntry } from './pdf-object-text.ts';
import type { PdfMeta } from './print-document.ts';

/** What the join needs of one source file. */
interface Part {
  pdf: ChromePdf;
  pagesRoot: number;
  pages: number;
  /** The last page's /MediaBox, `[0 0 w h]`: the size of the blank page that may follow it. */
  lastMediaBox: string;
  structure: { root: number; parentTree: number; idTree: number | null; top: number[]; entries: Array<[number, string]>; nextKey: number };
  outline: { root: number; items: number[]; count: number } | null;
  /** Objects the joined file replaces: the catalog, Info, the structure and outline roots … */
  replaced: Set<number>;
}

const MEDIA_BOX = /\/MediaBox\s*(\[[^\]]*\])/;

function readPart(bytes: Uint8Array): Part | null {
  const pdf = readChromePdf(bytes);
  if (!pdf) return null;
  const byNum = new Map(pdf.objects.map((o) => [o.num, o]));
  const dict = (num: number | null): string | null => {
    const object = num === null ? undefined : byNum.get(num);
    return object && !object.stream ? object.text : null;
  };
  const catalog = dict(pdf.root);
  if (!catalog) return null;
  const pagesRoot = refEntry(catalog, 'Pages');
  const structRoot = refEntry(catalog, 'StructTreeRoot');
  const pagesText = dict(pagesRoot);
  const structText = dict(structRoot);
  if (pagesRoot === null || structRoot === null || !pagesText || !structText) return null;
  if (/\/(RoleMap|ClassMap)\b/.test(structText)) return null;
  const pages = numberEntry(pagesText, 'Count');
  if (!pages) return null;

  // The last page: down the last kid of each node of the page tree (Skia nests it past 8 pages).
  let node = pagesText;
  let lastMediaBox = MEDIA_BOX.exec(node)?.[1] ?? null;
  for (let depth = 0; /\/Type\s*\/Pages\b/.test(node); depth++) {
    const next = dict(refsEntry(node, 'Kids')?.at(-1) ?? null);
    if (!next || depth > 32) return null;
    node = next;
    lastMediaBox = MEDIA_BOX.exec(node)?.[1] ?? lastMediaBox;
  }
  if (!lastMediaBox) return null;

  const parentTree = refEntry(structText, 'ParentTree');
  const treeText = dict(parentTree);
  const nums = treeText && !/\/Kids\b/.test(treeText) ? arrayEntry(treeText, 'Nums') : null;
  const top = refsEntry(structText, 'K');
  if (parentTree === null || nums === null || !top) return null;
  const entries: Array<[number, string]> = [];
  // Pairs of a key and a value (a reference, or an array of them), and nothing else.
  const pair = /\s*(\d+)\s+(\d+\s+\d+\s+R|\[[^[\]]*\])/y;
  let end = 0;
  for (let m = pair.exec(nums); m; m = pair.exec(nums)) {
    entries.push([Number(m[1]), m[2]!]);
    end = pair.lastIndex;
  }
  if (nums.slice(end).trim() !== '') return null;
  const idTree = refEntry(structText, 'IDTree');
  const nextKey = numberEntry(structText, 'ParentTreeNextKey') ?? entries.length;

  const outlineRoot = refEntry(catalog, 'Outlines');
  let outline: Part['outline'] = null;
  if (outlineRoot !== null) {
    const items: number[] = [];
    let count = 0;
    for (let item = refEntry(dict(outlineRoot) ?? '', 'First'); item !== null; ) {
      const text = dict(item);
      if (!text || items.includes(item)) return null;
      items.push(item);
      count += 1 + Math.max(0, numberEntry(text, 'Count') ?? 0);
      item = refEntry(text, 'Next');
    }
    outline = { root: outlineRoot, items, count };
  }
  const replaced = new Set([pdf.root, pdf.info, structRoot, parentTree]);
  if (outlineRoot !== null) replaced.add(outlineRoot);
  const dests = refEntry(catalog, 'Dests');
  if (dests !== null) replaced.add(dests);
  return { pdf, pagesRoot, pages, lastMediaBox, structure: { root: structRoot, parentTree, idTree, top, entries, nextKey }, outline, replaced };
}

class UnknownReference extends Error {}

/** The 函 then the report in one PDF (see merge-submission.ts for what it holds), or null. */
export function joinChromePdfs(letterPdf: Uint8Array, reportPdf: Uint8Array, meta: PdfMeta): Uint8Array | null {
  const letter = readPart(letterPdf);
  const report = readPart(reportPdf);
  if (!letter || !report) return null;
  // The report's ID tree goes with its root: its IDs repeat the 函's (both count from node 1).
  if (report.structure.idTree !== null) report.replaced.add(report.structure.idTree);

  let next = 0;
  const [catalog, info, pagesRoot, structRoot, parentTree] = [++next, ++next, ++next, ++next, ++next];
  const hasOutline = Boolean(letter.outline?.items.length || report.outline?.items.length);
  const outlineRoot = hasOutline ? ++next : null;
  const blank = letter.pages % 2 === 1 ? ++next : null;
  const numbering = [letter, report].map((part) => {
    // What points at a replaced object points at its replacement (a structure element at the new root).
    const numbers = new Map<number, number>([
      [part.pdf.root, catalog],
      [part.pdf.info, info],
      [part.structure.root, structRoot],
      [part.structure.parentTree, parentTree],
      ...(part.outline && outlineRoot ? [[part.outline.root, outlineRoot] as [number, number]] : []),
    ]);
    for (const object of part.pdf.objects) if (!part.replaced.has(object.num)) numbers.set(object.num, ++next);
    return numbers;
  });
  const renumberers = numbering.map((numbers) => (num: number) => {
    const to = numbers.get(num);
    if (to === undefined) throw new UnknownReference();
    return to;
  });
  const outlineItems = [letter, report].flatMap((part, i) => (part.outline?.items ?? []).map((item) => numbering[i]!.get(item)!));
  const letterPages = letter.pages + (blank ? 1 : 0);
  const keyOffset = letter.structure.nextKey;

  const ref = (num: number) => `${num} 0 R`;
  let objects: PdfObject[];
  try {
    objects = [letter, report].flatMap((part, i) => {
      const renumber = renumberers[i]!;
      return part.pdf.objects
        .filter((object) => !part.replaced.has(object.num))
        .map((object): PdfObject => {
          let text = renumberObject(object.text, renumber);
          if (object.stream) return { ...object, num: renumber(object.num), text };
          if (object.num === part.pagesRoot) text = setEntry(text, 'Parent', ref(pagesRoot));
          const item = part.outline?.items.indexOf(object.num) ?? -1;
          if (item >= 0 && outlineRoot !== null) {
            const at = (i === 0 ? 0 : (letter.outline?.items.length ?? 0)) + item;
            text = setEntry(text, 'Prev', at > 0 ? ref(outlineItems[at - 1]!) : null);
            text = setEntry(text, 'Next', at + 1 < outlineItems.length ? ref(outlineItems[at + 1]!) : null);
          }
          // The report's parent-tree keys follow the 函's: so do the keys its pages and annotations name.
          if (i === 1) text = text.replace(/\/(StructParents?)\s+(\d+)/g, (_, key: string, n: string) => `/${key} ${Number(n) + keyOffset}`);
          return { ...object, num: renumber(object.num), text };
        });
    });
    const entries = [letter, report].flatMap((part, i) =>
      part.structure.entries.map(([key, value]) => `${key + (i === 1 ? keyOffset : 0)} ${renumberReferences(value, renumberers[i]!)}`),
    );
    const top = [letter, report].flatMap((part, i) => part.structure.top.map((t) => ref(renumberers[i]!(t))));
    const idTree = letter.structure.idTree === null ? '' : ` /IDTree ${ref(renumberers[0]!(letter.structure.idTree))}`;
    const kids = [ref(renumberers[0]!(letter.pagesRoot)), ...(blank ? [ref(blank)] : []), ref(renumberers[1]!(report.pagesRoot))];
    const added: Array<[number, string]> = [
      [
        catalog,
        `<</Type /Catalog /Pages ${ref(pagesRoot)} /MarkInfo <</Marked true>> /StructTreeRoot ${ref(structRoot)}` +
          (outlineRoot ? ` /Outlines ${ref(outlineRoot)} /PageMode /UseOutlines` : '') +
          ` /PageLabels <</Nums [0 <</S /D /P ${pdfTextString('函')}>> ${letterPages} <</S /D>>]>>` +
          ` /ViewerPreferences <</DisplayDocTitle true>> /Lang ${pdfLiteralString(meta.language ?? 'zh-CN')}>>`,
      ],
      [info, infoDictionary(meta)],
      [pagesRoot, `<</Type /Pages /Count ${letterPages + report.pages} /Kids [${kids.join(' ')}]>>`],
      [structRoot, `<</Type /StructTreeRoot /K [${top.join(' ')}] /ParentTree ${ref(parentTree)} /ParentTreeNextKey ${keyOffset + report.structure.nextKey}${idTree}>>`],
      [parentTree, `<</Type /ParentTree /Nums [${entries.join(' ')}]>>`],
    ];
    if (outlineRoot) {
      const count = (letter.outline?.count ?? 0) + (report.outline?.count ?? 0);
      added.push([outlineRoot, `<</Type /Outlines /First ${ref(outlineItems[0]!)} /Last ${ref(outlineItems.at(-1)!)} /Count ${count}>>`]);
    }
    if (blank) added.push([blank, `<</Type /Page /Parent ${ref(pagesRoot)} /Resources <<>> /MediaBox ${letter.lastMediaBox}>>`]);
    for (const [num, body] of added) objects.push({ num, text: `${num} 0 obj\n${body}\nendobj\n`, stream: false });
  } catch (error) {
    if (error instanceof UnknownReference) return null;
    throw error;
  }
  objects.sort((a, b) => a.num - b.num);
  const joined = { header: letter.pdf.header, objects, root: catalog, info };
  return writePdf(joined, finishedContentId(objects.map((o) => o.text), meta.idSeed));
}
