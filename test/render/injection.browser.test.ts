/**
 * The injection cases of the hostile corpus (HTML and script, Handlebars and docxtemplater tags,
 * XML entities, CSS, javascript: URLs in every text field), built for real in one build with one
 * browser: the web pages run no script, raise no dialog, log nothing and load nothing; every DOCX
 * part stays well-formed XML and LibreOffice opens the documents; and each payload comes out as
 * the literal text it was — never evaluated as a template.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildSummary } from '../../src/build/index.ts';
import { resolveOptions } from '../../src/options.ts';
import { BrowserSession } from '../../src/print/browser-session.ts';
import { tempDir } from '../build/helpers.ts';
import { HOSTILE, hostileCases, readExpected } from '../check/hostile-cases.ts';
import { DocxParts, textOf } from './docx/docx-parts.ts';
import { convertToPdf, findSoffice } from './docx/libreoffice.ts';

/** A piece of each payload that must reach the outputs verbatim. */
const LITERAL: Record<string, string> = {
  'inject-html-script': '<script>alert("注入")</script>',
  'inject-handlebars': '{{constructor.constructor("alert(1)")()}}{{> evil}}',
  'inject-docxtemplater': '{#agency}{name}{/agency}{@rawXml}',
  'inject-xml-entities': '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;]]>',
  'inject-css': '</style><style>*{background:url(https://evil.example/bg.png)}</style>',
  'inject-javascript-url': '<a href="javascript:alert(1)">链接</a>',
};
const cases = hostileCases().filter((name) => readExpected(name).build);

let out = '';
let summary: BuildSummary;
const session = new BrowserSession({ browserPath: null, concurrency: 1 });

beforeAll(async () => {
  const root = await tempDir('injection');
  const data = path.join(root, 'data');
  // Every case becomes one agency of a single build: one browser prints them all.
  for (const name of cases) fs.cpSync(path.join(HOSTILE, name, 'data', 'demo'), path.join(data, name), { recursive: true });
  out = path.join(root, 'out');
  summary = await build(resolveOptions({ dataDir: data, outDir: out, concurrency: 2, output: { quiet: true, color: false } }));
}, 600_000);
afterAll(() => session.close());

const folder = (name: string) => path.join(out, name, '2023');

describe('injection payloads in every text field', () => {
  it('covers every payload family and builds each case', () => {
    expect(cases.sort()).toEqual(Object.keys(LITERAL).sort());
    for (const name of cases) expect(summary.reports.find((r) => r.agencyId === name)?.status, name).toBe('built');
  });

  describe.each(cases)('%s', (name) => {
    it.each(['index.html', 'fragment.html'])('%s runs no script and loads nothing', async (page) => {
      const file = path.join(folder(name), page);
      const url = pathToFileURL(file).href;
      const seen = await session.withPage(async (tab) => {
        const events: string[] = [];
        tab.on('dialog', (d) => {
          events.push(`dialog: ${d.message()}`);
          void d.dismiss();
        });
        tab.on('console', (m) => events.push(`console: ${m.text()}`));
        tab.on('pageerror', (e) => events.push(`error: ${String(e)}`));
        tab.on('request', (r) => {
          if (r.url() !== url && !r.url().startsWith('data:')) events.push(`request: ${r.url()}`);
        });
        await tab.goto(url, { waitUntil: 'networkidle0' });
        // Give a timer or an onload handler the chance to fire, were there one.
        await new Promise((resolve) => setTimeout(resolve, 300));
        const dom = await tab.evaluate(() => ({
          scripts: document.querySelectorAll('script, iframe, object, embed, link[rel="stylesheet"]').length,
          handlers: [...document.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((a) => a.startsWith('on'))),
          jsLinks: [...document.querySelectorAll('[href], [src]')].map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '').filter((v) => /^\s*(javascript|data|https?):/i.test(v)),
          text: document.body.innerText,
        }));
        return { events, dom };
      });
      expect(seen.events).toEqual([]);
      expect(seen.dom.scripts).toBe(0);
      expect(seen.dom.handlers).toEqual([]);
      expect(seen.dom.jsLinks).toEqual([]);
      expect(seen.dom.text).toContain(LITERAL[name]);
    }, 120_000);

    it('the DOCX stays well-formed XML with the payload as literal text', () => {
      for (const docx of ['report.docx', 'letter.docx']) {
        const parts = new DocxParts(fs.readFileSync(path.join(folder(name), docx)));
        for (const part of Object.keys(parts.zip.files).filter((f) => /\.(xml|rels)$/.test(f))) {
          const errors: string[] = [];
          new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(parts.part(part), 'text/xml');
          expect(errors, `${docx} ${part}`).toEqual([]);
        }
        expect(parts.document).not.toContain('<!DOCTYPE');
        expect(textOf(parts.document)).toContain(LITERAL[name]);
      }
    });

    it('the PDFs are whole', async () => {
      for (const pdf of ['report.pdf', 'letter.pdf', 'submission.pdf']) {
        expect((await PDFDocument.load(fs.readFileSync(path.join(folder(name), pdf)))).getPageCount()).toBeGreaterThan(0);
      }
    });
  });

  const soffice = findSoffice();
  it.skipIf(!soffice)('LibreOffice opens every DOCX', async () => {
    const files = cases.flatMap((name) => ['report.docx', 'letter.docx'].map((f) => {
      const copy = path.join(out, `${name}-${f}`);
      fs.copyFileSync(path.join(folder(name), f), copy);
      return copy;
    }));
    const pdfs = convertToPdf(soffice!, files, path.join(out, 'libreoffice'));
    for (const pdf of pdfs) expect((await PDFDocument.load(fs.readFileSync(pdf))).getPageCount()).toBeGreaterThan(0);
  }, 300_000);
});
