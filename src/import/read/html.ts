/**
 * Reads a saved portal page: decodes it, parses it with parse5 (the WHATWG algorithm, so
 * the tag soup of old portals builds the tree a browser would), finds the article and turns
 * its blocks into paragraphs and tables. Layout tables (a table holding tables, or a single
 * cell) are read through as content; data tables become grids with rowspan/colspan expanded.
 */
import { parse } from 'parse5';
import type { DocumentBlock, ImportedDocument } from '../document.ts';
import { decodeHtml } from './html-charset.ts';
import { contentRoot, pageTitle } from './html-content.ts';
import { attr, childElements, descendants, findFirst, isChrome, isElement, isHidden, isText, textContent, type Element, type ParentNode } from './html-dom.ts';
import { InlineText } from './inline-text.ts';
import { collapseSpace, layOutRows, type SpannedCell } from './table-grid.ts';

const BLOCK_TAGS = new Set([
  'address', 'article', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre',
  'section', 'summary', 'ul', 'caption', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export async function readHtml(file: string, bytes: Uint8Array): Promise<ImportedDocument> {
  const document = parse(decodeHtml(bytes));
  const body = findFirst(document, (e) => e.tagName === 'body') ?? document;
  const root = contentRoot(body);
  const walker = new BlockWalker();
  walker.walk(root);
  const blocks = walker.finish();
  const title = pageTitle(document);
  const first = blocks.find((b) => b.kind === 'paragraph');
  // The title often sits outside the article container; the interpreter needs it for the year.
  if (title && !(first && first.kind === 'paragraph' && first.text.replace(/\*/gu, '').includes(title))) {
    blocks.unshift({ kind: 'paragraph', text: title });
  }
  return { source: file, format: 'html', blocks };
}

class BlockWalker {
  private readonly blocks: DocumentBlock[] = [];
  private line = new InlineText();

  walk(node: ParentNode, bold = false): void {
    for (const child of node.childNodes) {
      if (isText(child)) {
        this.line.add(child.value, bold);
        continue;
      }
      if (!isElement(child) || isHidden(child) || isChrome(child)) continue;
      const tag = child.tagName;
      if (tag === 'br') {
        this.flush();
      } else if (tag === 'table') {
        this.flush();
        if (isLayoutTable(child)) this.walk(child, bold);
        else this.table(child);
        this.flush();
      } else if (tag === 'caption') {
        // A data table's caption is its title, not narrative; the printed report has none.
      } else {
        const block = BLOCK_TAGS.has(tag);
        if (block) this.flush();
        this.walk(child, HEADINGS.has(tag) ? false : bold || isBold(child));
        if (block) this.flush();
      }
    }
  }

  finish(): DocumentBlock[] {
    this.flush();
    return this.blocks;
  }

  private flush(): void {
    if (!this.line.isEmpty) this.blocks.push({ kind: 'paragraph', text: this.line.marked() });
    this.line = new InlineText();
  }

  private table(table: Element): void {
    const rows: SpannedCell[][] = rowsOf(table).map((tr) =>
      childElements(tr)
        .filter((cell) => cell.tagName === 'td' || cell.tagName === 'th')
        .map((cell) => ({
          text: collapseSpace(textContent(cell)),
          rowSpan: span(attr(cell, 'rowspan')),
          colSpan: span(attr(cell, 'colspan')),
        })),
    );
    const grid = layOutRows(rows);
    if (grid.some((row) => row.some((cell) => cell !== ''))) this.blocks.push({ kind: 'table', rows: grid });
  }
}

/** The table's own rows in document order (thead/tbody/tfoot), not those of nested tables. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of childElements(table)) {
    if (child.tagName === 'tr') rows.push(child);
    else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) rows.push(...childElements(child).filter((e) => e.tagName === 'tr'));
  }
  return rows.filter((tr) => !isHidden(tr));
}

/** A table used for page layout: it holds another table, or it is a single cell. */
function isLayoutTable(table: Element): boolean {
  if ([...descendants(table)].some((e) => e.tagName === 'table')) return true;
  const cells = rowsOf(table).flatMap((tr) => childElements(tr).filter((c) => c.tagName === 'td' || c.tagName === 'th'));
  return cells.length <= 1;
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  // rowspan="0" means "to the end of the section"; the grid clamps it to the rows left.
  if (n === 0) return 1000;
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1;
}

function isBold(element: Element): boolean {
  if (element.tagName === 'b' || element.tagName === 'strong') return true;
  const style = (attr(element, 'style') ?? '').replace(/\s+/gu, '').toLowerCase();
  const weight = /font-weight:(bold|bolder|[6-9]00)/u.exec(style);
  return weight !== null;
}
