/**
 * Stand-ins for an office's licensed fonts, made at test time: a slice of the free Noto Sans SC
 * (TrueType outlines, shipped with nianbao) converted to TTF with harfbuzz and given another name
 * table with fonteditor-core — "FangSong_GB2312" and so on — so that the tests can show a font
 * being found by its name table and embedded under that name. The glyphs are those of Noto Sans
 * SC's slice holding the most frequent characters (的, 一, 是 …).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Font } from 'fonteditor-core';
import subsetFont from 'subset-font';
import { parseFontsourceCss, parseUnicodeRange } from '../../src/render/html/web-font-table.ts';

export interface OfficeFont {
  /** The file name: deliberately unrelated to the font's names in some tests. */
  file: string;
  family: string;
  fullName?: string;
  postScriptName?: string;
}

const requireFrom = createRequire(import.meta.url);

let base: Promise<Buffer> | null = null;

/** Noto Sans SC's slice with 的 (U+7684), as TTF. */
function baseFont(): Promise<Buffer> {
  return (base ??= (async () => {
    const dir = path.dirname(requireFrom.resolve('@fontsource/noto-sans-sc/package.json'));
    const slice = parseFontsourceCss(await fs.readFile(path.join(dir, '400.css'), 'utf8')).find(
      (s) => s.range && parseUnicodeRange(s.range).some(([a, b]) => a <= 0x7684 && 0x7684 <= b),
    )!;
    const chars = parseUnicodeRange(slice.range!).flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));
    const woff2 = await fs.readFile(path.join(dir, 'files', slice.file));
    return subsetFont(woff2, String.fromCodePoint(...chars), { targetFormat: 'truetype' });
  })());
}

/** Writes each font into `dir` (made if needed). */
export async function makeOfficeFonts(dir: string, fonts: readonly OfficeFont[]): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const source = await baseFont();
  for (const spec of fonts) {
    const font = Font.create(source, { type: 'ttf' });
    const data = font.get();
    data.name.fontFamily = spec.family;
    data.name.fullName = spec.fullName ?? spec.family;
    data.name.postScriptName = spec.postScriptName ?? spec.family;
    data.name.uniqueSubFamily = `nianbao-test;${spec.postScriptName ?? spec.family}`;
    font.set(data);
    await fs.mkdir(path.dirname(path.join(dir, spec.file)), { recursive: true });
    await fs.writeFile(path.join(dir, spec.file), Buffer.from(font.write({ type: 'ttf' }) as ArrayBuffer));
  }
}

/** Characters the stand-in fonts hold. */
export const COVERED_TEXT = '的一是在不了有和人这中大为上个国我以要他';
