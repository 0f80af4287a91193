import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FontSubsets } from '../../../src/render/html/font-subsets.ts';
import { parseFontsourceCss, parseUnicodeRange } from '../../../src/render/html/web-font-table.ts';
import { makeOfficeFonts } from '../../fonts/office-fonts.ts';

const points = (text: string) => [...new Set([...text].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);

/** A TrueType font no other test has: its own name, so its own subsets. */
async function uniqueFont(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-subsets-'));
  const family = `Test ${Math.random().toString(36).slice(2)}`;
  await makeOfficeFonts(dir, [{ file: 'font.ttf', family }]);
  return path.join(dir, 'font.ttf');
}

const glyphsOf = (file: string, text: string) => {
  const font = fontkit.openSync(file) as fontkit.Font;
  return [...text].map((c) => font.hasGlyphForCodePoint(c.codePointAt(0)!));
};

describe('FontSubsets', () => {
  it('names a subset at once and makes it only when it is first read', async () => {
    const subsets = new FontSubsets(await uniqueFont());
    const { base, extra } = await subsets.covering(points('的一是年度'));
    expect(extra).toBeNull();
    expect(fs.existsSync(base.file)).toBe(false);
    const made = base.make();
    expect(base.make()).toBe(made);
    await made;
    expect(fs.readFileSync(base.file).subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0]));
    expect(glyphsOf(base.file, '的')).toEqual([true]);
  }, 30_000);

  it('keeps one base for every document and puts the characters beyond GB 2312 level 1 in an extra subset', async () => {
    const subsets = new FontSubsets(await uniqueFont());
    const plain = await subsets.covering(points('的一是'));
    // 浏 is GB 2312 level 2, 題 is not in GB 2312 at all.
    const rare = await subsets.covering(points('的一浏題'));
    expect(rare.base).toBe(plain.base);
    expect(rare.extra!.points).toEqual(points('浏題'));
    expect(rare.extra!.subset.file).not.toBe(plain.base.file);
    // Another document with the same rare characters shares the extra subset.
    expect((await subsets.covering(points('是浏題'))).extra!.subset).toBe(rare.extra!.subset);
  }, 30_000);

  it('names subsets after the identity it is given, without reading the file, and after the content otherwise', async () => {
    const file = await uniqueFont();
    const byContent = await new FontSubsets(file).covering(points('的'));
    const copy = path.join(path.dirname(file), 'copy.ttf');
    fs.copyFileSync(file, copy);
    // The same content under another name: the same subset.
    expect((await new FontSubsets(copy).covering(points('的'))).base.file).toBe(byContent.base.file);
    const named = (identity: string) => new FontSubsets(path.join(path.dirname(file), 'absent.ttf'), identity).covering(points('的'));
    const first = await named('pkg@1.0.0/files/a.woff2');
    expect(first.base.file).not.toBe(byContent.base.file);
    expect((await named('pkg@1.0.0/files/a.woff2')).base.file).toBe(first.base.file);
    expect((await named('pkg@1.0.1/files/a.woff2')).base.file).not.toBe(first.base.file);
  }, 30_000);

  it('subsets a compressed web font (WOFF2) as TrueType', async () => {
    const dir = path.dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/package.json'));
    const slice = parseFontsourceCss(fs.readFileSync(path.join(dir, '400.css'), 'utf8')).find(
      (s) => s.range && parseUnicodeRange(s.range).some(([a, b]) => a <= 0x7684 && 0x7684 <= b),
    )!;
    const subsets = new FontSubsets(path.join(dir, 'files', slice.file));
    const { base } = await subsets.covering(points('的'));
    await base.make();
    expect(fs.readFileSync(base.file).subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0]));
    expect(glyphsOf(base.file, '的')).toEqual([true]);
  }, 30_000);
});
