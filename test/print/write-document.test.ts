/**
 * A document written into a print page has the fonts its print sets loaded, and no more: every
 * face of the normal weight, and of a bold face only the slices holding characters that an
 * element sets in bold. Where the styles could set text the elements do not hold (a
 * pseudo-element, a print-only rule), every face is loaded.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/print/browser-session.ts';
import { guardPage } from '../../src/print/request-guard.ts';
import { writeDocument } from '../../src/print/write-document.ts';

const FILES = path.resolve('node_modules/@fontsource/noto-serif-sc/files');
const SANS_FILES = path.resolve('node_modules/@fontsource/noto-sans-sc/files');
const url = (dir: string, name: string) => pathToFileURL(path.join(dir, name)).href;

/** Faces named by what the test expects of them; `range` limits a face to characters. */
const FACES = [
  { id: 'serif-400', family: 'nb-serif', weight: 400, file: url(FILES, 'noto-serif-sc-latin-400-normal.woff2'), range: '' },
  { id: 'serif-700-title', family: 'nb-serif', weight: 700, file: url(FILES, 'noto-serif-sc-latin-700-normal.woff2'), range: 'U+54' },
  { id: 'serif-700-other', family: 'nb-serif', weight: 700, file: url(FILES, 'noto-serif-sc-101-700-normal.woff2'), range: 'U+5A' },
  { id: 'sans-700', family: 'nb-sans', weight: 700, file: url(SANS_FILES, 'noto-sans-sc-latin-700-normal.woff2'), range: '' },
];

function documentHtml(extraCss = ''): string {
  const faces = FACES.map(
    (f) => `@font-face { font-family: '${f.family}'; font-weight: ${f.weight}; src: url('${f.file}') format('woff2');${f.range ? ` unicode-range: ${f.range};` : ''} }`,
  ).join('\n');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>
<style>${faces}\nbody { font-family: nb-serif; } h1 { font-weight: 700; } .sans { font-family: nb-sans; }${extraCss}</style>
<style>@media screen { html { display: none !important; } }</style></head>
<body><h1>T</h1><p>Body text, Z in the normal weight.</p><p class="sans">Sans in the normal weight.</p></body></html>`;
}

let session: BrowserSession;

async function statuses(page: Page, html: string): Promise<Record<string, string>> {
  const served = (await guardPage(page)).serve(html, [FILES, SANS_FILES]);
  await writeDocument(page, served);
  const faces = await page.evaluate(() => [...document.fonts].map((f) => ({ weight: f.weight, family: f.family, range: f.unicodeRange, status: f.status })));
  return Object.fromEntries(
    faces.map((f) => {
      const face = FACES.find((x) => x.family === f.family.replaceAll(/['"]/g, '') && String(x.weight) === f.weight && (x.range || 'U+0-10FFFF') === f.range.toUpperCase());
      return [face?.id ?? `${f.family} ${f.weight} ${f.range}`, f.status];
    }),
  );
}

beforeAll(() => {
  session = new BrowserSession({ browserPath: null, concurrency: 1 });
});

afterAll(() => session?.close());

describe('writeDocument', () => {
  it('loads the normal faces, and of the bold ones only those holding characters set in bold', async () => {
    const result = await session.withPage((page) => statuses(page, documentHtml()));
    expect(result).toEqual({ 'serif-400': 'loaded', 'serif-700-title': 'loaded', 'serif-700-other': 'unloaded', 'sans-700': 'unloaded' });
  }, 60_000);

  it('loads every face when a pseudo-element could set text', async () => {
    const result = await session.withPage((page) => statuses(page, documentHtml('\nh1::after { content: "Z"; }')));
    expect(Object.values(result)).toEqual(['loaded', 'loaded', 'loaded', 'loaded']);
  }, 60_000);

  it('loads every face when a rule applies to print only', async () => {
    const result = await session.withPage((page) => statuses(page, documentHtml('\n@media print { .sans { font-weight: 700; } }')));
    expect(Object.values(result)).toEqual(['loaded', 'loaded', 'loaded', 'loaded']);
  }, 60_000);

  it('loads the same when the document is written into a page already on the print origin', async () => {
    const [first, second] = await session.withPage(async (page) => [await statuses(page, documentHtml()), await statuses(page, documentHtml())]);
    expect(second).toEqual(first);
  }, 60_000);
});
