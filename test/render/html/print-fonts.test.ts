import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyText, generatedText, renderPrintDocuments } from '../../../src/render/html/print-documents.ts';
import { PrintFonts, unicodeRange } from '../../../src/render/html/print-fonts.ts';
import { parseFontsourceCss, parseUnicodeRange } from '../../../src/render/html/web-font-table.ts';
import { exampleAgencyIds, loadExample, TEMPLATES_DIR } from './example-reports.ts';

describe('fontsource CSS', () => {
  it('reads each slice: its woff2 file and unicode-range', () => {
    const css = `/* x */
@font-face {
  font-family: 'Noto Serif SC';
  font-weight: 400;
  src: url(./files/a-4-400-normal.woff2) format('woff2'), url(./files/a-4-400-normal.woff) format('woff');
  unicode-range: U+4e00-4e0f,U+3000;
}
@font-face { font-family: 'LXGW WenKai'; src: url(./files/b-latin-500-normal.woff2) format('woff2'); }`;
    expect(parseFontsourceCss(css)).toEqual([
      { file: 'a-4-400-normal.woff2', range: 'U+4e00-4e0f,U+3000' },
      { file: 'b-latin-500-normal.woff2' },
    ]);
    expect(parseUnicodeRange('U+4e00-4e0f, U+3000, U+4??')).toEqual([
      [0x4e00, 0x4e0f],
      [0x3000, 0x3000],
      [0x400, 0x4ff],
    ]);
  });
});

describe('PrintFonts', () => {
  const webOnly = new PrintFonts(null);

  it('declares only the web font slices that hold the text, in regular and bold', async () => {
    const fonts = await webOnly.forText('年度报告');
    for (const family of ['nb-serif', 'nb-sans', 'nb-kai']) {
      for (const weight of [400, 700]) expect(fonts.css).toContain(`font-family: '${family}'; font-style: normal; font-weight: ${weight};`);
    }
    const rules = fonts.css.split('\n');
    // Four characters and the page numbers: a few slices per face, not the hundreds a face has.
    expect(rules.length).toBeLessThan(60);
    const all = await webOnly.forText(String.fromCodePoint(...Array.from({ length: 3000 }, (_, i) => 0x4e00 + i * 7)));
    expect(all.css.split('\n').length).toBeGreaterThan(200);
    // Without official fonts, no role family is declared: the CSS stacks fall to the web fonts.
    expect(fonts.css).not.toContain("'nb-fangsong'");
  }, 30_000);

  it('declares each slice for the characters of the text it holds, not its whole range', async () => {
    const text = '年度报告A';
    const fonts = await webOnly.forText(text);
    const declared = new Set<number>();
    for (const [, range] of fonts.css.matchAll(/unicode-range: ([^;]+);/g)) {
      for (const [a, b] of parseUnicodeRange(range!)) for (let cp = a; cp <= b; cp++) declared.add(cp);
    }
    // The text and the page numbers the CSS prints (— 0123456789, with the space), nothing else.
    const wanted = new Set([...`${text}— 0123456789`].map((c) => c.codePointAt(0)!));
    expect([...declared].sort()).toEqual([...wanted].sort());
    expect(unicodeRange([0x4e00, 0x4e01, 0x4e02, 0x4e05, 0x41])).toBe('U+4E00-4E02,U+4E05,U+41');
  });

  it('counts the text the style sheets print among the characters a document needs', () => {
    const html = `<style>@page { @bottom-center { content: "第 " counter(page) ' 页'; } } p::before { content: "\\2014\\"x"; }</style><body>正文</body>`;
    expect(generatedText(html)).toBe('第   页 —"x');
  });

  it('points only at font files that exist or are made when read, inside the allowed roots', async () => {
    const fonts = await webOnly.forText('政府信息公开工作年度报告');
    const urls = [...fonts.css.matchAll(/url\('file:\/\/([^']+)'\)/g)].map((m) => decodeURIComponent(m[1]!));
    expect(urls.length).toBeGreaterThan(5);
    for (const file of urls) {
      await fonts.madeOnRead.get(file)?.();
      expect(fs.existsSync(file)).toBe(true);
      expect(fonts.roots.some((root) => file.startsWith(root + path.sep))).toBe(true);
    }
  }, 30_000);

  it('subsets a web font that comes as one whole file instead of naming it', async () => {
    const fonts = await webOnly.forText('（一）主动公开情况');
    const kai = fonts.css.split('\n').filter((rule) => rule.includes("font-family: 'nb-kai'"));
    expect(kai).toHaveLength(2); // regular and bold
    for (const rule of kai) {
      // LXGW WenKai ships each weight as one file of some 7 MB: a document names a TrueType subset.
      expect(rule).not.toContain('lxgw-wenkai');
      const file = decodeURIComponent(/url\('file:\/\/([^']+)'\)/.exec(rule)![1]!);
      expect(rule).toContain("format('truetype')");
      expect(fonts.madeOnRead.has(file)).toBe(true);
    }
  });

  it('gives every face the same vertical metrics, so mixed fonts keep the line pitch', async () => {
    const faces = (await webOnly.forText('年度报告')).css.split('\n');
    expect(faces.every((f) => f.includes('ascent-override: 88%; descent-override: 12%; line-gap-override: 0%;'))).toBe(true);
  });

  it('covers every character the example documents print', async () => {
    for (const agencyId of exampleAgencyIds()) {
      const example = loadExample(agencyId);
      const docs = await renderPrintDocuments(example.model, { templatesDir: TEMPLATES_DIR, agencyDir: example.agencyDir });
      for (const doc of [docs.report, docs.letter].filter((d) => d !== null)) {
        expect((await webOnly.forText(bodyText(doc.html))).missing, `${agencyId} ${doc.kind}`).toEqual([]);
        expect(doc.warnings).toEqual([]);
      }
    }
  });

  it('names what no font covers', async () => {
    expect((await webOnly.forText('年报\u{E000}𰻞')).missing).toEqual(['\u{E000}', '𰻞']);
  });
});

describe('print style sheets', () => {
  it('never name a generic family, which could reach a system CJK font embedded as Type 3', () => {
    const dir = path.join(TEMPLATES_DIR, 'print');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.css'))) {
      const css = fs.readFileSync(path.join(dir, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      const families = [...css.matchAll(/(?:font-family|--[a-z]+)\s*:\s*([^;]+);/g)].map((m) => m[1]!);
      for (const value of families) expect(value, `${file}: ${value}`).not.toMatch(/(?<![\w-])(serif|sans-serif|monospace|cursive|fantasy|system-ui)(?![\w-])/);
    }
  });
});
