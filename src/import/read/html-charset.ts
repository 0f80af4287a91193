/**
 * Decoding a saved page: a byte-order mark, then the page's own `<meta charset>` or
 * `http-equiv` declaration (read with the HTML parser from an ASCII-safe decoding), then
 * UTF-8 if the bytes are valid UTF-8, else GB18030 — the superset of GB2312 and GBK that
 * Chinese portals without a declaration use.
 */
import { parse } from 'parse5';
import { attr, descendants } from './html-dom.ts';

export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const declared = declaredCharset(bytes);
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label: fall through to sniffing, as browsers do.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The label the page declares in its first 4 KiB, if any. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const prelude = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  for (const meta of descendants(parse(prelude))) {
    if (meta.tagName !== 'meta') continue;
    const charset = attr(meta, 'charset');
    if (charset) return charset.trim().toLowerCase();
    const content = attr(meta, 'content');
    if (content && (attr(meta, 'http-equiv') ?? '').toLowerCase() === 'content-type') {
      const label = content.split(';').map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('charset='));
      if (label) return label.slice('charset='.length).trim().replace(/^["']|["']$/gu, '').toLowerCase();
    }
  }
  return undefined;
}
