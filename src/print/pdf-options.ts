/** How every document is printed: the page size of its own CSS, backgrounds, tags and bookmarks. */
import type { PDFOptions } from 'puppeteer-core';

export const PDF_OPTIONS: PDFOptions = {
  preferCSSPageSize: true,
  printBackground: true,
  tagged: true,
  outline: true,
  // Every caller has waited for document.fonts.ready before it prints; Puppeteer's own wait is
  // one more round trip to the page (in an isolated world) per print, some 10% of printing.
  waitForFonts: false,
  timeout: 120_000,
};
