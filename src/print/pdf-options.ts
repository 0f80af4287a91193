/** How every document is printed: the page size of its own CSS, backgrounds, tags and bookmarks. */
import type { PDFOptions } from 'puppeteer-core';

export const PDF_OPTIONS: PDFOptions = {
  preferCSSPageSize: true,
  printBackground: true,
  tagged: true,
  outline: true,
  timeout: 120_000,
};
