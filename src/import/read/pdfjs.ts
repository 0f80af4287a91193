/**
 * pdf.js, loaded when the first PDF is read. It is an ES module kept outside the compiled CLI
 * (bin/load-cli.js), which is CommonJS: an import() reaches it from there, a static import would
 * become a require() that Node 20 cannot make of an ES module.
 */
export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<Pdfjs> | null = null;

export const loadPdfjs = (): Promise<Pdfjs> => (loading ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
