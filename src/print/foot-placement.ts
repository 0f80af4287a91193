/**
 * Printing a page to PDF, with one element (the 版记) set at the foot of the page it lands on.
 */
import { readChromePdf } from './chrome-pdf.ts';
import type { Page } from 'puppeteer-core';
import { printToPdf } from './print-to-pdf.ts';

/** pt per CSS px. */
const PT_PER_PX = 0.75;

/**
 * Sets the element `footId` at the foot of the page it lands on (the 版记 sits on the bottom
 * edge of the last page's type area). A page script cannot see where pages end, so: print once
 * with links to a marker at the top of the first page, to the element and to a marker just after
 * it, read from the named destinations where they landed on their pages, add the free space
 * below the element as margin above it and print again. Everything is measured on paper, never
 * on the screen: the document may be hidden there (printer.ts). The document states the height of
 * its page area in the custom property `--page-area-height` on :root, and every page has the
 * same top margin.
 */
export async function printWithFoot(page: Page, footId: string): Promise<Uint8Array> {
  const probe = await page.evaluate((id, top, after, hide) => {
    const el = document.getElementById(id);
    if (!el) return null;
    // No inner functions: tsx (NIANBAO_FROM_SOURCE) would wrap a named one in a helper the page lacks.
    document.body.prepend(Object.assign(document.createElement('div'), { id: top }));
    el.after(Object.assign(document.createElement('div'), { id: after }));
    for (const target of [top, id, after]) {
      const link = document.createElement('a');
      link.href = `#${target}`;
      link.dataset.nianbaoProbe = '';
      document.body.append(link);
    }
    // Computed values need no layout: they hold on a page hidden from the screen.
    const ruler = document.createElement('div');
    ruler.style.height = 'var(--page-area-height, 0px)';
    document.body.append(ruler);
    const areaPx = parseFloat(getComputedStyle(ruler).height) || 0;
    ruler.remove();
    // The measuring print paints nothing: hidden boxes keep their place, and the destinations
    // of the links are where the boxes are.
    document.head.append(Object.assign(document.createElement('style'), { id: hide, textContent: '* { visibility: hidden !important; }' }));
    const style = getComputedStyle(el);
    return { areaPx, marginTopPx: parseFloat(style.marginTop) || 0, marginBottomPx: parseFloat(style.marginBottom) || 0 };
  }, footId, TOP_MARKER, AFTER_MARKER, HIDING_STYLE);
  if (!probe || !probe.areaPx) return printToPdf(page);
  const [top = null, foot = null, after = null] = await destinationsY(await printToPdf(page, MEASURING_OPTIONS), [TOP_MARKER, footId, AFTER_MARKER]);
  // All are measured the same way on pages with the same margins: the element's offset from the
  // top of its page area, and its height (down to the marker after it, less its bottom margin).
  // A marker after it on a later page means the element already ends at the foot.
  const offsetPx = top === null || foot === null ? null : (top - foot) / PT_PER_PX;
  const heightPx = foot === null || after === null || after > foot ? null : (foot - after) / PT_PER_PX - probe.marginBottomPx;
  // A hair less than the free space, so that rounding cannot push the element onto a new page.
  const freePx = offsetPx === null || heightPx === null ? 0 : Math.max(0, probe.areaPx - offsetPx - heightPx - 1);
  await page.evaluate(
    (id, markers, marginTopPx) => {
      for (const marker of markers) document.getElementById(marker)?.remove();
      for (const link of document.querySelectorAll('[data-nianbao-probe]')) link.remove();
      const el = document.getElementById(id);
      if (el) el.style.marginTop = `${marginTopPx}px`;
    },
    footId,
    [TOP_MARKER, AFTER_MARKER, HIDING_STYLE],
    probe.marginTopPx + freePx,
  );
  return printToPdf(page);
}

const TOP_MARKER = 'nianbao-page-top';
const AFTER_MARKER = 'nianbao-foot-after';
const HIDING_STYLE = 'nianbao-probe-hidden';

/**
 * The print that is only measured: its named destinations lie where the final print's do, and
 * without the structure tree and outline it costs 30% less of the renderer. With its boxes hidden
 * (HIDING_STYLE) it paints no text and embeds no font: the renderers of a 100-agency build (20
 * documents with a 版记) took 7.5–7.7 s of CPU instead of 8.0–8.1 s, and the PDFs are the same.
 */
const MEASURING_OPTIONS = { tagged: false, outline: false };

/**
 * The y of each named destination (PDF units, up from the bottom), as Chrome wrote it. Read from
 * Chrome's name dictionary directly (see chrome-pdf.ts); through pdf-lib for a PDF in another shape.
 */
async function destinationsY(pdf: Uint8Array, names: readonly string[]): Promise<Array<number | null>> {
  const chrome = readChromePdf(pdf);
  if (chrome) {
    const catalog = chrome.objects.find((o) => o.num === chrome.root)?.text ?? '';
    const dests = /\/Dests\s+(\d+)\s+0\s+R/.exec(catalog)?.[1];
    // The names' dictionary is its own object; were it written inline, it would be in the catalog.
    const dict = dests ? (chrome.objects.find((o) => o.num === Number(dests))?.text ?? '') : catalog;
    return names.map((name) => {
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const y = new RegExp(`/${escaped}\\s*\\[\\s*\\d+\\s+0\\s+R\\s*/XYZ\\s+[-\\d.]+\\s+([-\\d.]+)`).exec(dict)?.[1];
      return y === undefined ? null : Number(y);
    });
  }
  const { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, ParseSpeeds } = await import('pdf-lib');
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  return names.map((name) => dests?.lookupMaybe(PDFName.of(name), PDFArray)?.lookupMaybe(3, PDFNumber)?.asNumber() ?? null);
}
