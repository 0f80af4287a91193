/**
 * What a reader recovers from a published report (PDF, DOCX, HTML or text) before any
 * interpretation: paragraphs and tables in reading order. Readers know their format's
 * geometry and markup; everything that knows the 2021 format lives after this seam.
 */

export type SourceFormat = 'pdf' | 'docx' | 'html' | 'text';

export interface ParagraphBlock {
  kind: 'paragraph';
  /**
   * One paragraph as the document shows it, bold runs marked `**…**` (the narrative's Markdown
   * subset). Readers that know where a paragraph ends join its wrapped lines; a plain-text
   * reader cannot, so the interpreter must also accept a paragraph broken over several blocks.
   */
  text: string;
}

export interface TableBlock {
  kind: 'table';
  /**
   * The table as a grid, top to bottom: a merged cell's text sits in the first row and column
   * it covers and the slots it spans hold ''. Cell text is as printed (whitespace collapsed).
   */
  rows: string[][];
}

export type DocumentBlock = ParagraphBlock | TableBlock;

export interface ImportedDocument {
  /** The file it came from, as the user named it. */
  source: string;
  format: SourceFormat;
  blocks: DocumentBlock[];
}
