/**
 * PizZip, deflating and inflating with Node's zlib. PizZip's own deflate is pako, the same
 * algorithm in JavaScript: for the DOCX and XLSX files of a build it took longer than filling the
 * templates. `PizZip.compressions` is the hook PizZip (after JSZip) offers for this; the data
 * and the zip format stay exactly what PizZip makes.
 */
import zlib from 'node:zlib';
import PizZip from 'pizzip';

interface Compression {
  compress(input: Uint8Array, options?: { level?: number }): Uint8Array;
  uncompress(input: Uint8Array): Uint8Array;
}

const deflate = (PizZip as unknown as { compressions: { DEFLATE: Compression } }).compressions.DEFLATE;
// Handed back as plain Uint8Arrays: PizZip copies a Node Buffer into a Uint8Array byte by byte in
// JavaScript, which took as long as the deflating.
const plain = (bytes: Buffer): Uint8Array => new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
deflate.compress = (input, options) => plain(zlib.deflateRawSync(input, { level: options?.level ?? zlib.constants.Z_DEFAULT_COMPRESSION }));
// A part of a document this tool reads or writes is at most some megabytes: a part that would
// inflate past this is refused (a zip bomb) instead of filling the memory.
const MAX_PART_BYTES = 256 * 1024 * 1024;
deflate.uncompress = (input) => plain(zlib.inflateRawSync(input, { maxOutputLength: MAX_PART_BYTES }));

export default PizZip;
