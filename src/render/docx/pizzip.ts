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
deflate.compress = (input, options) => zlib.deflateRawSync(input, { level: options?.level ?? zlib.constants.Z_DEFAULT_COMPRESSION });
// A part of a document this tool reads or writes is at most some megabytes: a part that would
// inflate past this is refused (a zip bomb) instead of filling the memory.
const MAX_PART_BYTES = 256 * 1024 * 1024;
deflate.uncompress = (input) => zlib.inflateRawSync(input, { maxOutputLength: MAX_PART_BYTES });

export default PizZip;
