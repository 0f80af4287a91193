import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyText, renderPrintDocuments } from '../../../src/render/html/print-documents.ts';
import { FONT_ROLES, parseFontsourceCss, parseUnicodeRange, printFontFaces } from '../../../src/render/html/print-fonts.ts';
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

describe('printFontFaces', () => {
  const fonts = printFontFaces();

  it('declares every web family in regular and bold, and every role with the official names first', () => {
    for (const family of ['nb-serif', 'nb-sans', 'nb-kai']) {
      for (const weight of [400, 700]) expect(fonts.css).toContain(`font-family: '${family}'; font-style: normal; font-weight: ${weight};`);
    }
    for (const [role, names] of Object.entries(FONT_ROLES)) {
      expect(fonts.css).toContain(`font-family: 'nb-${role}'; font-style: normal; font-weight: 400; src: local('${names[0]}')`);
    }
    expect(fonts.css).toContain("local('方正小标宋简体')");
    expect(fonts.css).toContain("local('仿宋_GB2312')");
    // Noto Serif SC alone comes in about a hundred slices per weight.
    expect(fonts.css.match(/font-family: 'nb-serif'/g)!.length).toBeGreaterThan(150);
  });

  it('points only at font files that exist, inside the allowed roots', () => {
    const urls = [...fonts.css.matchAll(/url\('file:\/\/([^']+)'\)/g)].map((m) => decodeURIComponent(m[1]!));
    expect(urls.length).toBeGreaterThan(300);
    for (const file of urls.filter((_, i) => i % 25 === 0)) {
      expect(fs.existsSync(file)).toBe(true);
      expect(fonts.roots.some((root) => file.startsWith(root + path.sep))).toBe(true);
    }
  });

  it('gives every face the same vertical metrics, so mixed fonts keep the line pitch', () => {
    const faces = fonts.css.split('\n');
    expect(faces.every((f) => f.includes('ascent-override: 88%; descent-override: 12%; line-gap-override: 0%;'))).toBe(true);
  });

  it('covers every character the example documents print', async () => {
    for (const agencyId of exampleAgencyIds()) {
      const example = loadExample(agencyId);
      const docs = await renderPrintDocuments(example.model, { templatesDir: TEMPLATES_DIR, agencyDir: example.agencyDir });
      for (const doc of [docs.report, docs.letter].filter((d) => d !== null)) {
        expect(fonts.missing(bodyText(doc.html)), `${agencyId} ${doc.kind}`).toEqual([]);
        expect(doc.warnings).toEqual([]);
      }
    }
  });

  it('names what no font covers', () => {
    expect(fonts.missing('年报\u{E000}𰻞')).toEqual(['\u{E000}', '𰻞']);
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
