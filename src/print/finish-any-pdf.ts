/**
 * finish-pdf.ts's general path, for a PDF not in Chrome's own shape: the same finishing through
 * pdf-lib, which loads only when such a PDF comes.
 */
import { PDFDict, PDFDocument, PDFName, PDFNumber, ParseSpeeds } from 'pdf-lib';
import { LAYOUT_ASCENT, LAYOUT_DESCENT } from './font-metrics.ts';
import { applyMetadata, saveWithId } from './pdf-metadata.ts';
import type { PdfMeta } from './print-document.ts';
import { renumberStructureIds } from './structure-ids.ts';

export async function finishAnyPdf(bytes: Uint8Array, meta: PdfMeta): Promise<Uint8Array> {
  // updateMetadata: false keeps pdf-lib from stamping its own producer and the current time.
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  alignFontDescriptors(doc);
  renumberStructureIds(doc);
  applyMetadata(doc, meta);
  return saveWithId(doc, [bytes], meta.idSeed);
}

/** The layout's ascent and descent (font-metrics.ts) in every font descriptor. */
function alignFontDescriptors(doc: PDFDocument): void {
  const type = PDFName.of('Type');
  const descriptor = PDFName.of('FontDescriptor');
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(type) !== descriptor) continue;
    object.set(PDFName.of('Ascent'), PDFNumber.of(LAYOUT_ASCENT));
    object.set(PDFName.of('Descent'), PDFNumber.of(LAYOUT_DESCENT));
  }
}
