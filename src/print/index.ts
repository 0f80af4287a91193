/**
 * Printing: PrintDocuments (from src/render/html/print-documents.ts) to PDF in a shared, lazily
 * launched browser, and the 函 and the report joined into submission.pdf.
 */
export { createPrinter } from './printer.ts';
export { mergeSubmission } from './merge-submission.ts';
export { BrowserNotFoundError } from './browser-discovery.ts';
export { PrinterClosedError, type PdfMeta, type PrintDocument, type Printer, type PrintResult } from './print-document.ts';
