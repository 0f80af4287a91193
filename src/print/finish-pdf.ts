/**
 * Chrome's PDF, finished: the font descriptors carry the metrics the layout used
 * (font-metrics.ts), the structure elements' node IDs are numbered by rank (structure-ids.ts),
 * the Info dictionary holds the document's metadata and dates from the data, and the trailer an
 * /ID derived from the content (pdf-metadata.ts). The same document always gives the same bytes.
 *
 * A PDF in Chrome's own shape (chrome-pdf.ts) is finished by rewriting only the objects that
 * change and copying every other byte — the fonts, the page contents — as it came: parsing and
 * re-serialising the whole file cost more than printing it. Any other PDF takes the general path
 * through pdf-lib (finish-any-pdf.ts), with the same result; pdf-lib loads only then.
 */
import { readChromePdf, writePdf, type ChromePdf, type PdfObject } from './chrome-pdf.ts';
import { LAYOUT_ASCENT, LAYOUT_DESCENT } from './font-metrics.ts';
import { finishedContentId, infoDictionary } from './pdf-info.ts';
import type { PdfMeta } from './print-document.ts';

export async function finishPdf(bytes: Uint8Array, meta: PdfMeta): Promise<Uint8Array> {
  const chrome = readChromePdf(bytes);
  if (chrome && catalogReady(chrome, meta)) return finishChromePdf(chrome, meta);
  return (await import('./finish-any-pdf.ts')).finishAnyPdf(bytes, meta);
}

/** Whether Chrome's catalog already says what pdf-lib would add: the language and to show the title. */
function catalogReady(pdf: ChromePdf, meta: PdfMeta): boolean {
  const catalog = pdf.objects.find((o) => o.num === pdf.root);
  const lang = meta.language ?? 'zh-CN';
  return Boolean(catalog && !catalog.stream && catalog.text.includes(`/Lang (${lang})`) && /\/DisplayDocTitle\s+true/.test(catalog.text));
}

const NODE_ID = /\(node(\d+)\)/g;

function finishChromePdf(pdf: ChromePdf, meta: PdfMeta): Uint8Array {
  const searchable = (o: PdfObject) => !o.stream && o.num !== pdf.info;
  // Node IDs by rank: the first node 1, the next 2 …, whatever Chrome's DOM counter stood at.
  const nodes = new Set<number>();
  for (const object of pdf.objects) if (searchable(object)) for (const m of object.text.matchAll(NODE_ID)) nodes.add(Number(m[1]));
  const rank = new Map([...nodes].sort((a, b) => a - b).map((node, i) => [node, i + 1]));
  const producer = /\/Producer\s*(\([^)]*\)|<[0-9A-Fa-f]*>)/.exec(pdf.objects.find((o) => o.num === pdf.info)?.text ?? '')?.[1];

  const objects = pdf.objects.map((object): PdfObject => {
    if (object.num === pdf.info) return { ...object, text: `${object.num} 0 obj\n${infoDictionary(meta, producer)}\nendobj\n` };
    if (!searchable(object)) return object;
    let text = object.text;
    if (nodes.size) text = text.replace(NODE_ID, (_, n: string) => `(node${String(rank.get(Number(n))).padStart(8, '0')})`);
    if (text.includes('/Type /FontDescriptor')) {
      text = text
        .replace(/\/Ascent\s+-?[\d.]+/, `/Ascent ${LAYOUT_ASCENT}`)
        .replace(/\/Descent\s+-?[\d.]+/, `/Descent ${LAYOUT_DESCENT}`);
    }
    return text === object.text ? object : { ...object, text };
  });
  // The finished objects hold no clock (dates from the data, node IDs by rank): they are the content.
  return writePdf({ ...pdf, objects }, finishedContentId(objects.map((o) => o.text), meta.idSeed));
}
