/** Where a file stops being valid UTF-8, as line and column, so the message points at the first bad byte. */
export function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  // Walk the valid prefix so the message points at the first bad byte.
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) break;
    let ok = true;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) ok = false;
    if (!ok) break;
    if (b === 0x0a) {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
    i += len;
  }
  return { line, column };
}
