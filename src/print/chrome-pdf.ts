/**
 * Chrome's PDFs as a list of objects, read and written without a general PDF parser. Chrome
 * (Skia) writes every object on its own — `N 0 obj … endobj`, numbered 1 to Size−1, none
 * compressed into object streams — followed by one classic cross-reference table and a trailer
 * naming /Root and /Info. Reading such a file takes the table's offsets; writing one copies the
 * objects and makes a new table. A file in any other shape (another producer, an incremental
 * update, encryption) is not read: the caller then takes the general path through pdf-lib.
 *
 * Objects are handled as latin1 text, one character per byte, so stream data is carried through
 * untouched; `stream` tells the objects whose bytes are not text to be searched.
 */
import { refEntry } from './pdf-object-text.ts';

export interface PdfObject {
  num: number;
  /** The whole object, `N 0 obj` to `endobj` (and the line break after it). */
  text: string;
  /** Whether the object holds stream data (fonts, page contents): never to be searched as text. */
  stream: boolean;
}

export interface ChromePdf {
  /** `%PDF-1.x` and the binary comment line. */
  header: string;
  /** In file order. */
  objects: PdfObject[];
  root: number;
  info: number;
}

/** Enough of an object's end to hold `endstream`, `endobj` and the line breaks around them. */
const TAIL_CHARS = 32;

const TRAILER = /trailer\s*<<([\s\S]*?)>>\s*startxref\s+(\d+)\s+%%EOF\s*$/;
const XREF_ENTRY = /^(\d{10}) (\d{5}) ([nf])\s*$/;

/** The objects of a PDF in Chrome's shape, or null when `pdf` is in any other. */
export function readChromePdf(pdf: Uint8Array): ChromePdf | null {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const tail = TRAILER.exec(text.slice(-2048));
  if (!tail) return null;
  const trailer = tail[1]!;
  if (/\/(Prev|Encrypt|XRefStm)\b/.test(trailer)) return null;
  const root = refEntry(trailer, 'Root');
  const info = refEntry(trailer, 'Info');
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const xref = Number(tail[2]);
  if (root === null || info === null || !size) return null;

  const head = /^xref\s*\n0 (\d+)\s*\n/.exec(text.slice(xref, xref + 64));
  if (!head || Number(head[1]) !== size) return null;
  const lines = text.slice(xref + head[0].length, xref + head[0].length + size * 20).match(/[^\n]*\n/g) ?? [];
  if (lines.length !== size) return null;
  const offsets: Array<[num: number, offset: number]> = [];
  for (let num = 1; num < size; num++) {
    const entry = XREF_ENTRY.exec(lines[num]!);
    // Every number in use: a free entry would mean an edited file, not Chrome's own.
    if (!entry || entry[3] !== 'n' || entry[2] !== '00000') return null;
    offsets.push([num, Number(entry[1])]);
  }
  offsets.sort((a, b) => a[1] - b[1]);
  if (!offsets.length || offsets[offsets.length - 1]![1] >= xref) return null;

  const objects: PdfObject[] = [];
  for (let i = 0; i < offsets.length; i++) {
    const [num, start] = offsets[i]!;
    const end = i + 1 < offsets.length ? offsets[i + 1]![1] : xref;
    const body = text.slice(start, end);
    // Only the end is tested: a pattern anchored at `$` is still scanned from the start, through
    // every byte of a font or a page's contents.
    const tail = body.slice(-TAIL_CHARS);
    if (!body.startsWith(`${num} 0 obj`) || !/endobj\s*$/.test(tail)) return null;
    objects.push({ num, text: body, stream: /\bendstream\s*endobj\s*$/.test(tail) });
  }
  return { header: text.slice(0, offsets[0]![1]), objects, root, info };
}

/** The PDF of `objects` (numbered 1 to their count) with a new cross-reference table and trailer. */
export function writePdf(pdf: ChromePdf, id: string): Uint8Array {
  const parts: string[] = [pdf.header];
  let offset = pdf.header.length;
  const offsets = new Array<number>(pdf.objects.length + 1);
  for (const object of pdf.objects) {
    offsets[object.num] = offset;
    parts.push(object.text);
    offset += object.text.length;
  }
  const size = pdf.objects.length + 1;
  const xref = ['xref\n', `0 ${size}\n`, '0000000000 65535 f \n'];
  for (let num = 1; num < size; num++) xref.push(`${String(offsets[num]).padStart(10, '0')} 00000 n \n`);
  parts.push(
    ...xref,
    `trailer\n<</Size ${size}\n/Root ${pdf.root} 0 R\n/Info ${pdf.info} 0 R\n/ID [<${id}> <${id}>]>>\n`,
    `startxref\n${offset}\n%%EOF`,
  );
  const bytes = Buffer.from(parts.join(''), 'latin1');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
