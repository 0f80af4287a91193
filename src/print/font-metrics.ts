/**
 * The print CSS gives every face the same vertical metrics (ascent 0.88 em, descent 0.12 em: the
 * ideographic em box; see src/render/html/print-fonts.ts), and the text is laid out with them.
 * Chrome still describes each embedded font with the font file's own ascent and descent, which
 * differ from font to font (LXGW WenKai's is much lower than Noto's). Text extraction places
 * words by those numbers, so a line that opens with a 楷体 sub-head would read as off the line
 * grid it is actually on. Finishing writes these metrics, the ones the layout used, into every
 * font descriptor (finish-pdf.ts, finish-any-pdf.ts).
 */
export const LAYOUT_ASCENT = 880;
export const LAYOUT_DESCENT = -120;
