/**
 * Reads a PDF's text layer with pdf.js: per page, tables from ruling lines (or, where a
 * table has no rules, from the column alignment of its text), the remaining text rebuilt
 * into lines, page furniture dropped, lines joined into paragraphs across page breaks, and
 * a table that a page break cut in two joined again with its repeated header rows dropped.
 * Scanned PDFs have no text layer; they yield no blocks, and the interpreter says so.
 */
import type { DocumentBlock, ImportedDocument, TableBlock } from '../document.ts';
import { alignedTables } from './pdf-aligned-tables.ts';
import { dropFurniture } from './pdf-furniture.ts';
import { buildLines, type Line } from './pdf-lines.ts';
import { loadPage } from './pdf-page.ts';
import { measure, paragraphText, startsParagraph } from './pdf-paragraphs.ts';
import { loadPdfjs } from './pdfjs.ts';
import { ruledTables, type PlacedTable } from './pdf-ruled-tables.ts';
import { continuesOnNextPage, joinTables, type OpenTable } from './pdf-table-joins.ts';

type Flow = { kind: 'line'; line: Line; page: number } | { kind: 'table'; table: PlacedTable; page: number };

export async function readPdf(file: string, bytes: Uint8Array): Promise<ImportedDocument> {
  const pdfjs = await loadPdfjs();
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0, useSystemFonts: false }).promise;
  try {
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await loadPage(doc, n, pdfjs);
      const ruled = ruledTables(page.rulings, page.runs);
      const taken = new Set(ruled.flatMap((t) => [...t.runs]));
      const lines = buildLines(page.runs.filter((r) => !taken.has(r)));
      pages.push({ number: n, height: page.height, width: page.width, tables: ruled, lines });
    }
    const kept = dropFurniture(pages);
    const flow: Flow[] = [];
    pages.forEach((page, i) => {
      const aligned = alignedTables(kept[i]!);
      const items: (Flow & { top: number })[] = [
        ...aligned.lines.map((line) => ({ kind: 'line' as const, line, page: page.number, top: line.y + line.size })),
        ...[...page.tables, ...aligned.tables].map((table) => ({ kind: 'table' as const, table, page: page.number, top: table.box.top })),
      ];
      flow.push(...items.sort((a, b) => b.top - a.top));
    });
    return { source: file, format: 'pdf', blocks: blocksOf(flow, measure(kept)) };
  } finally {
    await doc.destroy();
  }
}

function blocksOf(flow: Flow[], metrics: ReturnType<typeof measure>): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  let paragraph: Line[] = [];
  let lastLine: { line: Line; page: number } | undefined;
  // The table last placed, while nothing but page furniture has followed it.
  let open: (OpenTable & { block: TableBlock }) | undefined;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraphText(paragraph) });
    paragraph = [];
  };
  for (const item of flow) {
    if (item.kind === 'table') {
      flush();
      lastLine = undefined;
      if (open && continuesOnNextPage(open, item.table, item.page)) {
        const joined = joinTables(open, item.table, item.page);
        open.block.rows = joined.rows;
        open = { ...joined, block: open.block };
      } else {
        const block: TableBlock = { kind: 'table', rows: item.table.rows.map((r) => [...r]) };
        blocks.push(block);
        open = { rows: block.rows, edges: item.table.columnEdges, page: item.page, block };
      }
      continue;
    }
    open = undefined;
    if (lastLine && paragraph.length > 0 && startsParagraph(item.line, lastLine.line, metrics, lastLine.page === item.page)) flush();
    paragraph.push(item.line);
    lastLine = item;
  }
  flush();
  return blocks;
}
