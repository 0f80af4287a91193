/**
 * Printing a page to PDF, with one element (the 版记) set at the foot of the page it lands on.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import type { Page, PDFOptions } from 'puppeteer-core';

export const PDF_OPTIONS: PDFOptions = {
  preferCSSPageSize: true,
  printBackground: true,
  tagged: true,
  outline: true,
  timeout: 120_000,
};

/** pt per CSS px. */
const PT_PER_PX = 0.75;

/**
 * Sets the element `footId` at the foot of the page it lands on (the 版记 sits on the bottom
 * edge of the last page's type area). A page script cannot see where pages end, so: print once
 * with links to the element and to a marker at the top of the first page, read from the named
 * destinations where both landed on their pages, add the free space below the element as margin
 * above it and print again. The document states the height of its page area in the custom
 * property `--page-area-height` on :root, and every page has the same top margin.
 */
export async function printWithFoot(page: Page, footId: string): Promise<Uint8Array> {
  const probe = await page.evaluate((id, marker) => {
    const el = document.getElementById(id);
    if (!el) return null;
    const top = document.createElement('div');
    top.id = marker;
    document.body.prepend(top);
    for (const target of [marker, id]) {
      const link = document.createElement('a');
      link.href = `#${target}`;
      link.dataset.nianbaoProbe = '';
      document.body.append(link);
    }
    const ruler = document.createElement('div');
    ruler.style.height = 'var(--page-area-height, 0px)';
    document.body.append(ruler);
    const areaPx = ruler.getBoundingClientRect().height;
    ruler.remove();
    return { areaPx, heightPx: el.getBoundingClientRect().height, marginTopPx: parseFloat(getComputedStyle(el).marginTop) };
  }, footId, TOP_MARKER);
  if (!probe || !probe.areaPx) return page.pdf(PDF_OPTIONS);
  const first = await PDFDocument.load(await page.pdf(PDF_OPTIONS), { updateMetadata: false });
  const [top, foot] = [destinationY(first, TOP_MARKER), destinationY(first, footId)];
  // Both destinations are measured the same way on pages with the same margins: their difference
  // is the element's offset from the top of its page area.
  const offsetPx = top === null || foot === null ? null : (top - foot) / PT_PER_PX;
  // A hair less than the free space, so that rounding cannot push the element onto a new page.
  const freePx = offsetPx === null ? 0 : Math.max(0, probe.areaPx - offsetPx - probe.heightPx - 1);
  await page.evaluate(
    (id, marker, marginTopPx) => {
      document.getElementById(marker)?.remove();
      for (const link of document.querySelectorAll('[data-nianbao-probe]')) link.remove();
      const el = document.getElementById(id);
      if (el) el.style.marginTop = `${marginTopPx}px`;
    },
    footId,
    TOP_MARKER,
    probe.marginTopPx + freePx,
  );
  return page.pdf(PDF_OPTIONS);
}

const TOP_MARKER = 'nianbao-page-top';

/** The y of the named destination `name` (PDF units, up from the bottom), as Chrome wrote it. */
function destinationY(doc: PDFDocument, name: string): number | null {
  const dest = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict)?.lookupMaybe(PDFName.of(name), PDFArray);
  return dest?.lookupMaybe(3, PDFNumber)?.asNumber() ?? null;
}
