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
/**
 * Bytes for PizZip as a plain Uint8Array, text encoded as UTF-8 natively: PizZip copies a Node
 * Buffer, or its own encoding of text, into a Uint8Array byte by byte in JavaScript, which took
 * as long as the deflating.
 */
export function plainBytes(part: Uint8Array | string): Uint8Array {
  const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
  return Buffer.isBuffer(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
}

deflate.compress = (input, options) => plainBytes(zlib.deflateRawSync(input, { level: options?.level ?? zlib.constants.Z_DEFAULT_COMPRESSION }));
// A part of a document this tool reads or writes is at most some megabytes: a part that would
// inflate past this is refused (a zip bomb) instead of filling the memory.
const MAX_PART_BYTES = 256 * 1024 * 1024;
deflate.uncompress = (input) => plainBytes(zlib.inflateRawSync(input, { maxOutputLength: MAX_PART_BYTES }));

export default PizZip;
