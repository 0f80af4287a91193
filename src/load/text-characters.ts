/**
 * Characters a text field may not hold, and those it should not. Control characters (other than
 * tab and line break) cannot be stored in a DOCX (XML forbids them) and show as garbage on the web
 * page, so they are errors. Invisible formatting characters — bidirectional overrides such as
 * U+202E, zero-width spaces and joiners, a BOM inside the text — can make a title read differently
 * from what it says (spoofing), so they are warned about and removed from computed titles.
 */

/** C0 controls except tab and line feed, DEL, C1 controls, the non-characters U+FFFE/U+FFFF and (in a `u` pattern, only unpaired) surrogates. */
export const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF\uD800-\uDFFF]/u;

/** Zero-width, bidirectional and other invisible formatting characters. */
export const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/;

const CONTROL_GLOBAL = new RegExp(CONTROL.source, 'gu');
const INVISIBLE_GLOBAL = new RegExp(INVISIBLE.source, 'g');

/** A text without its invisible formatting characters (for titles). */
export const stripInvisible = (text: string): string => text.replace(INVISIBLE_GLOBAL, '');

/** `U+202E`, as users look the character up. */
export const codePoint = (ch: string): string => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Visible stand-ins for a code frame: a control or invisible character must not reach the terminal. */
export const showInvisible = (text: string): string =>
  text
    .replace(CONTROL_GLOBAL, (ch) => (ch.charCodeAt(0) < 0x20 ? String.fromCharCode(0x2400 + ch.charCodeAt(0)) : '¤'))
    .replace(INVISIBLE_GLOBAL, '¤');

const NAMED_ESCAPES: Record<string, string> = { '\0': '\\0', '\u0007': '\\a', '\b': '\\b', '\u000B': '\\v', '\f': '\\f', '\r': '\\r', '\u001B': '\\e', '\u0085': '\\N' };

/** How `ch` can be spelt in a YAML double-quoted string, raw first. */
export function spellings(ch: string): string[] {
  const code = ch.codePointAt(0) ?? 0;
  const hex = code.toString(16);
  const out = [ch, `\\u${hex.padStart(4, '0')}`, `\\U${hex.padStart(8, '0')}`];
  if (code < 0x100) out.push(`\\x${hex.padStart(2, '0')}`);
  if (NAMED_ESCAPES[ch]) out.push(NAMED_ESCAPES[ch]!);
  return out;
}
