/**
 * Reads a Word document's body (word/document.xml) in reading order: paragraphs with bold
 * runs marked, tables laid on their grid (w:gridSpan across, w:vMerge restart/continue down).
 * Content controls (w:sdt), hyperlinks, smart tags, inserted text and field results are read
 * through; deleted text, field instructions, hidden runs, drawings and text boxes are not.
 * Headers and footers live in other parts and are never opened.
 */
import PizZip from '../../render/docx/pizzip.ts';
import type { Element } from '@xmldom/xmldom';
import type { DocumentBlock, ImportedDocument } from '../document.ts';
import { DocxNumbering } from './docx-numbering.ts';
import { DocxStyles } from './docx-styles.ts';
import { child, children, isOn, isW, parseXml, val } from './docx-xml.ts';
import { InlineText } from './inline-text.ts';
import { collapseSpace, squareUp } from './table-grid.ts';

/** Wrappers whose content is read as if they were not there. */
const TRANSPARENT = new Set(['hyperlink', 'smartTag', 'customXml', 'ins', 'fldSimple', 'sdtContent', 'dir', 'bdo', 'moveTo']);

export async function readDocx(file: string, bytes: Uint8Array): Promise<ImportedDocument> {
  const zip = new PizZip(bytes);
  const part = (name: string) => zip.file(name)?.asText();
  const documentXml = part('word/document.xml');
  if (documentXml === undefined) throw new Error(`${file}：不是 Word 文档（没有 word/document.xml）`);
  const stylesXml = part('word/styles.xml');
  const numberingXml = part('word/numbering.xml');
  const reader = new BodyReader(
    new DocxStyles(stylesXml ? parseXml(stylesXml, 'word/styles.xml') : undefined),
    new DocxNumbering(numberingXml ? parseXml(numberingXml, 'word/numbering.xml') : undefined),
  );
  const body = child(parseXml(documentXml, 'word/document.xml'), 'body');
  if (body) reader.blocks(body);
  return { source: file, format: 'docx', blocks: reader.out };
}

class BodyReader {
  readonly out: DocumentBlock[] = [];

  constructor(
    private readonly styles: DocxStyles,
    private readonly numbering: DocxNumbering,
  ) {}

  blocks(container: Element): void {
    for (const element of children(container)) {
      if (isW(element, 'p')) {
        const text = this.paragraph(element, true);
        if (text) this.out.push({ kind: 'paragraph', text });
      } else if (isW(element, 'tbl')) {
        if (isLayoutTable(element)) for (const tc of cellsOf(element)) this.blocks(tc);
        else this.table(element);
      } else if (isW(element, 'sdt')) {
        const content = child(element, 'sdtContent');
        if (content) this.blocks(content);
      } else if (isW(element, 'customXml') || isW(element, 'ins') || isW(element, 'moveTo')) {
        this.blocks(element);
      }
    }
  }

  /** A paragraph's text; `marked` keeps bold as `**…**` (table cells are plain). */
  paragraph(p: Element, marked: boolean): string {
    const pPr = child(p, 'pPr');
    const style = val(child(pPr, 'pStyle'));
    const heading = this.styles.isHeading(style);
    const line = new InlineText();
    const label = this.numbering.label(pPr, this.styles, style);
    if (label) line.add(label, false);
    const field = { depth: 0, showing: true };
    const runs = (container: Element): void => {
      for (const e of children(container)) {
        if (isW(e, 'r')) this.run(e, line, heading ? false : undefined, field, style);
        else if (TRANSPARENT.has(e.localName ?? '') && isW(e, e.localName ?? '')) runs(e);
        else if (isW(e, 'sdt')) {
          const content = child(e, 'sdtContent');
          if (content) runs(content);
        }
      }
    };
    runs(p);
    return marked ? line.marked() : line.plain();
  }

  private run(r: Element, line: InlineText, forceBold: boolean | undefined, field: { depth: number; showing: boolean }, paragraphStyle: string | undefined): void {
    const rPr = child(r, 'rPr');
    const styleFacts = this.styles.facts(val(child(rPr, 'rStyle')));
    const paragraphFacts = this.styles.facts(paragraphStyle);
    const hidden = child(rPr, 'vanish') ? isOn(child(rPr, 'vanish')) : styleFacts.hidden || paragraphFacts.hidden;
    const bold = forceBold ?? (child(rPr, 'b') ? isOn(child(rPr, 'b')) : styleFacts.bold || paragraphFacts.bold);
    for (const e of children(r)) {
      if (isW(e, 'fldChar')) {
        // Complex fields: the instruction runs until `separate`, the shown result until `end`.
        const type = e.getAttributeNS(e.namespaceURI, 'fldCharType');
        if (type === 'begin') field.depth++, (field.showing = false);
        else if (type === 'separate') field.showing = true;
        else if (type === 'end') field.depth = Math.max(0, field.depth - 1), (field.showing = true);
        continue;
      }
      if (hidden || !field.showing) continue;
      if (isW(e, 't')) line.add(e.textContent ?? '', bold);
      else if (isW(e, 'tab') || isW(e, 'ptab')) line.add(' ', bold);
      else if (isW(e, 'br') || isW(e, 'cr')) line.add('\n', bold);
      else if (isW(e, 'noBreakHyphen')) line.add('-', bold);
      else if (isW(e, 'sym')) line.add(symbol(e), bold);
    }
  }

  private table(tbl: Element): void {
    const grid: (string | undefined)[][] = [];
    // For each grid column, the row holding the cell a vMerge continuation extends.
    const open = new Map<number, number>();
    for (const tr of children(tbl).filter((e) => isW(e, 'tr'))) {
      const trPr = child(tr, 'trPr');
      const row: (string | undefined)[] = [];
      let col = Number(val(child(trPr, 'gridBefore')) ?? 0) || 0;
      for (let c = 0; c < col; c++) row[c] = '';
      for (const tc of rowCells(tr)) {
        const tcPr = child(tc, 'tcPr');
        const span = Math.max(1, Number(val(child(tcPr, 'gridSpan')) ?? 1) || 1);
        const vMerge = child(tcPr, 'vMerge');
        const continues = vMerge !== undefined && val(vMerge) !== 'restart' && open.has(col);
        const text = continues ? '' : collapseSpace(children(tc).filter((e) => isW(e, 'p')).map((p) => this.paragraph(p, false)).join('\n'));
        for (let c = 0; c < span; c++) row[col + c] = c === 0 ? text : '';
        if (vMerge === undefined) open.delete(col);
        else if (!continues) open.set(col, grid.length);
        col += span;
      }
      grid.push(row);
    }
    const rows = squareUp(grid);
    if (rows.some((r) => r.some((cell) => cell !== ''))) this.out.push({ kind: 'table', rows });
  }
}

/** A row's cells, content controls around cells read through. */
function rowCells(tr: Element): Element[] {
  return children(tr).flatMap((e) => {
    if (isW(e, 'tc')) return [e];
    if (isW(e, 'sdt') || isW(e, 'customXml')) {
      const content = isW(e, 'sdt') ? child(e, 'sdtContent') : e;
      return content ? children(content).filter((c) => isW(c, 'tc')) : [];
    }
    return [];
  });
}

function cellsOf(tbl: Element): Element[] {
  return children(tbl).filter((e) => isW(e, 'tr')).flatMap(rowCells);
}

/** A table used for page layout: it holds another table, or it is a single cell. */
function isLayoutTable(tbl: Element): boolean {
  const cells = cellsOf(tbl);
  return cells.length <= 1 || cells.some((tc) => tc.getElementsByTagNameNS(tc.namespaceURI ?? '', 'tbl').length > 0);
}

function symbol(sym: Element): string {
  const code = Number.parseInt(sym.getAttributeNS(sym.namespaceURI, 'char') ?? '', 16);
  // Symbol-font code points live in the private-use area F0xx; only plain ones are text.
  return Number.isFinite(code) && code < 0xf000 ? String.fromCodePoint(code) : '';
}
