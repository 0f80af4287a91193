/**
 * 署名 and 成文日期 of a document without a seal (GB/T 9704-2012 7.3.5.2): the 署名 a line below
 * the text, 右空二字; the date on the next line, its first character two to the right of the
 * 署名's first; a date longer than that moves the 署名 left so the date keeps 右空二字.
 */
import { indentTwips } from './page-geometry.ts';
import { gridWidth } from './text-width.ts';
import { paragraph, textRuns } from './wordml.ts';

/** Right indent in character units (Word), with the twips LibreOffice reads instead. */
const rightIndent = (chars: number): string =>
  `<w:ind w:rightChars="${Math.round(chars * 100)}" w:right="${indentTwips(chars)}"/>`;

export function signatureIndents(name: string, date: string | undefined): { name: number; date: number } {
  const n = gridWidth(name);
  if (date === undefined) return { name: 2, date: 2 };
  const d = gridWidth(date);
  return d <= n - 2 ? { name: 2, date: n - d } : { name: d + 4 - n, date: 2 };
}

export function signatureXml(signature: { name: string; date?: string } | null | undefined): string {
  if (!signature) return '';
  const indents = signatureIndents(signature.name, signature.date);
  const name = paragraph({ style: 'Signature', properties: rightIndent(indents.name) }, textRuns(signature.name));
  if (!signature.date) return name;
  return name + paragraph({ style: 'SignatureDate', properties: rightIndent(indents.date) }, textRuns(signature.date));
}
