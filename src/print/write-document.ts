/**
 * Puts the next document into a page and gets it ready to print: loaded, with its fonts. A page on
 * the print origin (they all are, once prepared) has the document written into it: the same
 * origin and cache, without a navigation (a new document, frame and loader each time), which cost
 * a third of a document's load. It is written as page.setContent would, but by DevTools'
 * Page.setDocumentContent rather than by document.write from a script: the HTML goes to the
 * renderer once instead of into a script's argument, and the wait for the load event and the
 * fonts is one call to the page. Both commands go out together on the same session, which the
 * renderer runs in order: the page does not wait for Node, busy with other reports, between the
 * two (3% of a 100-agency build). Documents are hidden on screen (printer.ts), so their text asks
 * for no font: the faces are loaded by name (loadDocumentFonts).
 */
import type { Page } from 'puppeteer-core';
import { mainFrameId, pageSession } from './page-session.ts';
import { PDF_OPTIONS } from './pdf-options.ts';
import { PRINT_ORIGIN } from './request-guard.ts';

/** `served`: the document's HTML as the request guard serves it, and its URL there. */
export async function writeDocument(page: Page, served: { html: string; url: string }): Promise<void> {
  const session = await pageSession(page);
  let written: Promise<unknown>;
  if (page.url().startsWith(`${PRINT_ORIGIN}/`)) {
    written = session.send('Page.setDocumentContent', { frameId: await mainFrameId(page), html: served.html });
  } else {
    await page.goto(served.url, { waitUntil: 'load', timeout: PDF_OPTIONS.timeout });
    written = Promise.resolve();
  }
  const loaded = session.send('Runtime.evaluate', { expression: LOAD_DOCUMENT_FONTS, awaitPromise: true, returnByValue: true });
  const [, result] = await Promise.all([written, loaded]);
  if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
}

/**
 * Runs in the page: waits for the document's load, then loads the font faces its print sets.
 * Every face of the normal weight is loaded (they also set what no element holds: the page
 * numbers in the page margins). A face of another weight (the bold of 小标宋's fallback, of
 * 黑体's, of 楷体's) is loaded only for the characters of the elements set in that weight: a
 * document's bold is its title and a few words, and the first document on a page otherwise
 * waited for every bold slice of every family, 2 MB of 楷体 bold among them, that it never
 * sets. Where the styles could set text the elements do not hold or differ in print from what
 * the page computes (pseudo-elements, @media and other conditional rules, a style sheet with a
 * media list, a page rule that sets a weight), every face is loaded, as before.
 */
async function loadDocumentFonts(): Promise<void> {
  // No named functions in here: a compiler that keeps names would wrap them in a helper the page lacks.
  if (document.readyState !== 'complete') await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
  const NORMAL = ['normal', '400'];
  const faces = [...document.fonts];
  const loads: Array<Promise<unknown>> = faces.filter((face) => NORMAL.includes(face.weight)).map((face) => face.load().catch(() => undefined));
  const bold = faces.filter((face) => !NORMAL.includes(face.weight));
  if (!bold.length) {
    await Promise.all(loads);
    return;
  }
  // Whether the elements' own text and computed styles tell every character each weight sets.
  let elementsTellAll = true;
  try {
    const pending: CSSRule[] = [];
    for (const sheet of document.styleSheets) {
      if (sheet.media.mediaText) elementsTellAll = false;
      pending.push(...sheet.cssRules);
    }
    for (const rule of pending) {
      if (rule instanceof CSSStyleRule) {
        if (/:(?:before|after|marker|first-letter|first-line|placeholder|backdrop)/i.test(rule.selectorText)) elementsTellAll = false;
      } else if (rule instanceof CSSMediaRule) {
        // Only the rule that hides the document on screen.
        if (rule.conditionText.trim() !== 'screen') elementsTellAll = false;
      } else if (rule instanceof CSSPageRule) {
        if (/font(?:-weight)?\s*:/i.test(rule.cssText)) elementsTellAll = false;
      } else if (rule instanceof CSSImportRule || rule instanceof CSSGroupingRule) {
        // An imported sheet's rules are not in this list; @supports, @layer and @container are conditions.
        elementsTellAll = false;
      }
    }
  } catch {
    elementsTellAll = false;
  }
  if (!elementsTellAll) {
    await Promise.all([...loads, ...bold.map((face) => face.load().catch(() => undefined))]);
    return;
  }
  const texts = new Map<string, string>();
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT);
  for (let el = walker.currentNode as Element | null; el; el = walker.nextNode() as Element | null) {
    let own = '';
    for (const child of el.childNodes) if (child.nodeType === Node.TEXT_NODE) own += child.nodeValue ?? '';
    if (!own.trim()) continue;
    const style = getComputedStyle(el);
    if (NORMAL.includes(style.fontWeight)) continue;
    if (style.textTransform !== 'none') own += own.toUpperCase() + own.toLowerCase();
    const font = `${style.fontStyle} ${style.fontWeight} 16px ${style.fontFamily}`;
    // With the digits and marks a list item's marker may print in its weight.
    texts.set(font, (texts.get(font) ?? '0123456789.、') + own);
  }
  for (const [font, text] of texts) loads.push(document.fonts.load(font, text).catch(() => undefined));
  await Promise.all(loads);
}

/** loadDocumentFonts as the expression DevTools evaluates in the page. */
const LOAD_DOCUMENT_FONTS = `(${loadDocumentFonts.toString()})()`;
