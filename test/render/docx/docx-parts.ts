/** Reading a rendered DOCX in tests: its parts as text, its paragraphs and tables, plainly. */
import PizZip from 'pizzip';

export interface Paragraph {
  xml: string;
  style: string | null;
  text: string;
}

export class DocxParts {
  readonly zip: PizZip;
  constructor(bytes: Uint8Array) {
    this.zip = new PizZip(bytes);
  }
  part(name: string): string {
    const file = this.zip.file(name);
    if (!file) throw new Error(`DOCX 中没有 ${name}`);
    return file.asText();
  }
  has(name: string): boolean {
    return this.zip.file(name) !== null;
  }
  get document(): string {
    return this.part('word/document.xml');
  }
  get styles(): string {
    return this.part('word/styles.xml');
  }
}

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Text of a piece of WordprocessingML: its w:t runs, a line break as \n. */
export const textOf = (xml: string): string =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[1] === undefined ? '\n' : unescape(m[1]))).join('');

export function paragraphs(xml: string): Paragraph[] {
  return [...xml.matchAll(/<w:p\b(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) => ({
    xml: m[0],
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? null,
    text: textOf(m[0]),
  }));
}

/**
 * Paragraphs without text, leaving out the one Word requires in a cell a rowspan covers (and a
 * paragraph carrying only a border, as the 函's foot rule does).
 */
export function emptyParagraphs(xml: string): Paragraph[] {
  const withoutCoveredCells = xml.replace(/<w:tc>(?:(?!<\/w:tc>)[\s\S])*?<w:vMerge\/>[\s\S]*?<\/w:tc>/g, '');
  return paragraphs(withoutCoveredCells).filter((p) => !p.text.trim() && p.style !== 'LetterFootRule');
}

export interface Cell {
  xml: string;
  text: string;
  span: number;
  vMerge: 'restart' | 'continue' | null;
}

export interface Table {
  xml: string;
  style: string | null;
  rows: { xml: string; header: boolean; cantSplit: boolean; cells: Cell[] }[];
}

export function tables(xml: string): Table[] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) => ({
    xml: t[0],
    style: /<w:tblStyle w:val="([^"]+)"/.exec(t[0])?.[1] ?? null,
    rows: [...t[0].matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) => ({
      xml: r[0],
      header: r[0].includes('<w:tblHeader/>'),
      cantSplit: r[0].includes('<w:cantSplit/>'),
      cells: [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => ({
        xml: c[0],
        text: textOf(c[0]),
        span: Number(/<w:gridSpan w:val="(\d+)"/.exec(c[0])?.[1] ?? 1),
        vMerge: c[0].includes('<w:vMerge w:val="restart"/>') ? 'restart' : c[0].includes('<w:vMerge/>') ? 'continue' : null,
      })),
    })),
  }));
}

/** The attributes of the first element `name` in `xml`, e.g. attributes(doc, 'w:pgMar').top. */
export function attributes(xml: string, name: string): Record<string, string> {
  const tag = new RegExp(`<${name}\\b([^>]*)/?>`).exec(xml)?.[1] ?? '';
  return Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!.replace(/^w:/, ''), m[2]!]));
}

/** One style's XML from styles.xml. */
export function style(stylesXml: string, id: string): string {
  const found = new RegExp(`<w:style\\b[^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(stylesXml);
  if (!found) throw new Error(`styles.xml 中没有样式 ${id}`);
  return found[0];
}
