/** What the print renderer hands to the printer, and what the printer writes into each PDF. */

/** A complete HTML document laid out for paper (`@page` rules, embedded font files). */
export interface PrintDocument {
  /** Which document this is; only for messages. */
  kind: 'report' | 'letter';
  html: string;
  /** Folders the document may load files from (font files, template assets); every other request is refused. */
  assetRoots: string[];
  /**
   * Files under those folders that are made only when first read (font subsets): file → its
   * maker. Whoever reads the document's files (the printer, the preview) makes them first.
   */
  madeOnRead: ReadonlyMap<string, () => Promise<void>>;
  /**
   * Id of an element to set at the foot of the last page (the 版记), or null. The printer measures
   * where it lands and prints again with the space above it filled.
   */
  footId: string | null;
  /** Notes found while rendering (a character no font covers); returned with the print's warnings. */
  warnings: string[];
}

/** Makes every file of `doc.madeOnRead`: for a reader that loads the files itself, not through the printer. */
export async function makeAssets(doc: PrintDocument): Promise<void> {
  await Promise.all([...doc.madeOnRead.values()].map((make) => make()));
}

/**
 * The PDF's metadata. Dates come from the data (`date`), never the clock, and the document /ID
 * from a hash of the content (and `idSeed`): the same input gives the same bytes.
 */
export interface PdfMeta {
  /** Title: the document's own title. */
  title: string;
  /** Author: the agency. */
  author: string;
  subject?: string;
  keywords?: string[];
  /** YYYY-MM-DD: CreationDate and ModDate (midnight, China Standard Time). */
  date: string;
  /** BCP 47 language of the text; default zh-CN. */
  language?: string;
  /** Mixed into the /ID besides the content (e.g. a hash of the report data). */
  idSeed?: string;
}

export interface PrintResult {
  pdf: Uint8Array;
  /** Refused requests and rendering notes, in Chinese. */
  warnings: string[];
}

export interface Printer {
  print(doc: PrintDocument, meta: PdfMeta): Promise<PrintResult>;
  /**
   * Starts the browser now, ahead of the first print, so that its launch overlaps the work before
   * that print; settles once the launch is under way. A failed launch is not reported here: the
   * first print tries again and says why.
   */
  warm?(): void | Promise<void>;
  /**
   * Closes the browser, if one was launched; prints in flight fail. For good: later prints are
   * refused with PrinterClosedError instead of launching a browser again.
   */
  close(): Promise<void>;
}

/** A print asked of a printer that was closed (the build was interrupted, the preview stopped). */
export class PrinterClosedError extends Error {
  override name = 'PrinterClosedError';
  constructor() {
    super('打印已停止：浏览器已关闭');
  }
}
