/**
 * Writes a DOCX package so the same parts always give the same bytes: a fixed order
 * ([Content_Types].xml first, as Word writes it) and one fixed date on every entry. pizzip would
 * otherwise stamp parts docxtemplater rewrote with the current time.
 */
import PizZip, { plainBytes } from './pizzip.ts';

const FIRST_PARTS = ['[Content_Types].xml', '_rels/.rels'];

const partOrder = (a: string, b: string): number => {
  const rank = (name: string) => (FIRST_PARTS.includes(name) ? FIRST_PARTS.indexOf(name) : FIRST_PARTS.length);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
};

/** The zip date of a part: local midnight of `isoDate`, since zip entries store local date fields. */
export function zipDate(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
}

/**
 * Packs `parts` (name → bytes or text) into a deterministic zip. `store` leaves the parts
 * uncompressed: the same bytes with any zlib, as a file kept in the repository must be.
 */
export function packParts(parts: ReadonlyMap<string, Uint8Array | string>, date: Date, { store = false } = {}): Uint8Array {
  const zip = new PizZip();
  for (const name of [...parts.keys()].sort(partOrder)) zip.file(name, plainBytes(parts.get(name)!), { date, createFolders: false, binary: true });
  // The fastest deflate level: the parts are small XML, so the files grow a little and are made
  // in a fraction of the time.
  return zip.generate({ type: 'uint8array', compression: store ? 'STORE' : 'DEFLATE', compressionOptions: { level: 1 }, platform: 'DOS' });
}

/** Re-packs an opened package deterministically (folder entries dropped: Word does not write them). */
export function repackZip(zip: PizZip, date: Date): Uint8Array {
  const parts = new Map<string, Uint8Array>();
  for (const file of Object.values(zip.files)) if (!file.dir) parts.set(file.name, file.asNodeBuffer());
  return packParts(parts, date);
}
