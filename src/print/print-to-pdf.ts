/**
 * Prints the page as `page.pdf(PDF_OPTIONS)` does, with the PDF in the command's answer instead of
 * a stream: page.pdf has Chrome keep the file and hand it over by IO.read and IO.close, two more
 * round trips through the browser process per document, which cost it a sixth of its work in a
 * build. The parameters are those page.pdf sends for PDF_OPTIONS, so the bytes are the same.
 *
 * The command goes over the printer's own DevTools session with the page (page-session.ts).
 */
import type { Page } from 'puppeteer-core';
import { pageSession } from './page-session.ts';
import { PDF_OPTIONS } from './pdf-options.ts';

export interface PrintToPdfOptions {
  /** A tagged PDF (structure tree); default that of PDF_OPTIONS. */
  tagged?: boolean;
  /** Bookmarks from the headings; default that of PDF_OPTIONS. Chrome tags a PDF it gives bookmarks. */
  outline?: boolean;
}

export async function printToPdf(page: Page, options: PrintToPdfOptions = {}): Promise<Uint8Array> {
  const outline = options.outline ?? PDF_OPTIONS.outline ?? false;
  const { data } = await (await pageSession(page)).send('Page.printToPDF', {
    transferMode: 'ReturnAsBase64',
    // page.pdf's defaults; the document's @page rules set the size (preferCSSPageSize).
    landscape: false,
    displayHeaderFooter: false,
    headerTemplate: '',
    footerTemplate: '',
    scale: 1,
    paperWidth: 8.5,
    paperHeight: 11,
    marginTop: 0,
    marginBottom: 0,
    marginLeft: 0,
    marginRight: 0,
    pageRanges: '',
    printBackground: PDF_OPTIONS.printBackground ?? false,
    preferCSSPageSize: PDF_OPTIONS.preferCSSPageSize ?? false,
    generateTaggedPDF: outline || (options.tagged ?? PDF_OPTIONS.tagged ?? true),
    generateDocumentOutline: outline,
  });
  const bytes = Buffer.from(data, 'base64');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
