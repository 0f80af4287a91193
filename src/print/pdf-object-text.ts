/**
 * Reading and editing one PDF object as text (an object of chrome-pdf.ts): its references, its
 * dictionary entries. References are found by scanning the object's tokens, so that text inside
 * strings is never taken for one, and a stream's data is never looked at.
 */

const DELIMITER = /[\s[\]<>(){}/%]/;
const REFERENCE = /(\d+)\s+(\d+)\s+R(?![^\s[\]<>(){}/%])/y;

/** The index just past the literal string opening at `start` (nested parentheses, escapes). */
function literalEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return text.length;
}

/**
 * `object` (`N 0 obj … endobj`) numbered `renumber(N)`, with every reference in it renumbered
 * (see renumberReferences).
 */
export function renumberObject(object: string, renumber: (num: number) => number): string {
  const head = /^(\d+)(\s+0\s+obj)/.exec(object);
  if (!head) throw new Error('不是 PDF 对象');
  return `${renumber(Number(head[1]))}${head[2]}${renumberReferences(object.slice(head[0].length), renumber)}`;
}

/** `text` with every reference `n 0 R` outside strings and before any stream data pointing at `renumber(n)`. */
export function renumberReferences(text: string, renumber: (num: number) => number): string {
  const parts: string[] = [];
  let last = 0;
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '(') {
      i = literalEnd(text, i);
    } else if (c === '<') {
      // A dictionary's << (and >>) are passed over; a lone < opens a hex string.
      i = text[i + 1] === '<' ? i + 2 : text.indexOf('>', i) + 1 || text.length;
    } else if (c === 's' && text.startsWith('stream', i) && DELIMITER.test(text[i - 1] ?? ' ')) {
      break;
    } else if (c >= '0' && c <= '9' && DELIMITER.test(text[i - 1] ?? ' ')) {
      REFERENCE.lastIndex = i;
      const ref = REFERENCE.exec(text);
      if (ref) {
        parts.push(text.slice(last, i), `${renumber(Number(ref[1]))} ${ref[2]} R`);
        i = last = REFERENCE.lastIndex;
      } else {
        while (i < text.length && text[i]! >= '0' && text[i]! <= '9') i++;
      }
    } else {
      i++;
    }
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** The number `n` of the reference `/key n 0 R` in `dict`, or null. */
export function refEntry(dict: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
  return m ? Number(m[1]) : null;
}

/** The number `/key n` in `dict`, or null. */
export function numberEntry(dict: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(-?[\\d.]+)(?![\\d.\\s]*R)`).exec(dict);
  return m ? Number(m[1]) : null;
}

/** The numbers of the references in an array `/key [a 0 R b 0 R …]`, or of the one `/key a 0 R`. */
export function refsEntry(dict: string, key: string): number[] | null {
  const single = refEntry(dict, key);
  if (single !== null) return [single];
  const array = new RegExp(`/${key}\\s*\\[([\\d\\sR]*)\\]`).exec(dict);
  return array ? [...array[1]!.matchAll(/(\d+)\s+0\s+R/g)].map((m) => Number(m[1])) : null;
}

/**
 * `object` with `/key value` set in its outermost dictionary (`value` null: removed). The key's
 * old value must be a reference, a number or a name, as every entry edited here is.
 */
export function setEntry(object: string, key: string, value: string | null): string {
  const entry = new RegExp(`\\s*/${key}(?![^\\s[\\]<>(){}/%])\\s*(?:\\d+\\s+\\d+\\s+R|-?[\\d.]+|/[^\\s[\\]<>(){}/%]+)`);
  const without = object.replace(entry, '');
  if (value === null) return without;
  const end = without.lastIndexOf('>>');
  return `${without.slice(0, end)} /${key} ${value}${without.slice(end)}`;
}

/** The text between the brackets of the array `/key [ … ]` in `dict` (nested arrays kept whole), or null. */
export function arrayEntry(dict: string, key: string): string | null {
  const open = new RegExp(`/${key}\\s*\\[`).exec(dict);
  if (!open) return null;
  const start = open.index + open[0].length;
  let depth = 1;
  for (let i = start; i < dict.length; i++) {
    const c = dict[i];
    if (c === '(') i = literalEnd(dict, i) - 1;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return dict.slice(start, i);
  }
  return null;
}
