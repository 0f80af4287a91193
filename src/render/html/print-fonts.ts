/**
 * The fonts of the print documents. Each typeface role of GB/T 9704 (仿宋, 宋体, 黑体, 楷体,
 * 小标宋) is a family `nb-<role>` that uses the official font when the machine has it (local()),
 * followed by a free web font from npm (@fontsource) whose @font-face rules are generated from the
 * package's own CSS, one per unicode-range slice. All faces get the same vertical metrics, so a
 * line that mixes fonts (楷体 sub-head run into 仿宋 text, digits) keeps the exact line pitch.
 *
 * Chrome embeds these web fonts as CID TrueType subsets. It would turn synthetic bold and system
 * CFF fonts (Noto CJK .ttc) into Type 3 fonts: hence real bold faces, font-synthesis: none in
 * the CSS, and no generic family that could reach a system CJK font.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** Web fonts: family name → the fontsource package and its weights (file weight → CSS weight). */
const WEB_FONTS = {
  'nb-serif': { pkg: '@fontsource/noto-serif-sc', weights: { 400: 400, 700: 700 } },
  'nb-sans': { pkg: '@fontsource/noto-sans-sc', weights: { 400: 400, 700: 700 } },
  // LXGW WenKai comes in 300/500/700; 500 reads as a regular 楷体.
  'nb-kai': { pkg: '@fontsource/lxgw-wenkai', weights: { 500: 400, 700: 700 } },
} as const;

type WebFamily = keyof typeof WEB_FONTS;

/**
 * Official fonts by local() name (full or PostScript name, as Windows and fontconfig know them),
 * tried in order; each role's CSS stack then falls back to the web family. Only TrueType fonts:
 * a CFF (OpenType/PostScript) font here would be embedded as Type 3.
 */
export const FONT_ROLES = {
  fangsong: ['FangSong_GB2312', '仿宋_GB2312', 'FangSong', '仿宋'],
  songti: ['SimSun', '宋体'],
  heiti: ['SimHei', '黑体'],
  kaiti: ['KaiTi_GB2312', '楷体_GB2312', 'KaiTi', '楷体'],
  xiaobiaosong: ['FZXiaoBiaoSong-B05S', '方正小标宋简体', 'FZXBSJW--GB1-0', 'FZXiaoBiaoSong-B05'],
} as const;

/** The same em box for every face: CJK ideographs span 0.88 em above and 0.12 em below the baseline. */
const METRICS = 'ascent-override: 88%; descent-override: 12%; line-gap-override: 0%;';

export interface FontFaces {
  /** The @font-face rules. */
  css: string;
  /** Folders the rules load files from (for the printer's allow-list). */
  roots: string[];
  /** The characters no fallback font covers, out of `text`. */
  missing(text: string): string[];
}

interface Slice {
  file: string;
  range?: string;
}

const requireFrom = createRequire(import.meta.url);

const packageDir = (pkg: string): string => path.dirname(requireFrom.resolve(`${pkg}/package.json`));

/** Reads the slices (file + unicode-range) of a fontsource weight CSS such as `400.css`. */
export function parseFontsourceCss(css: string): Slice[] {
  const slices: Slice[] = [];
  for (const [, body] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const file = /url\(\s*['"]?\.\/files\/([^'")]+\.woff2)['"]?\s*\)/.exec(body!)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body!)?.[1]?.trim();
    if (file) slices.push(range ? { file, range } : { file });
  }
  return slices;
}

/** `U+4e00-9fff,U+3000` → [[0x4e00, 0x9fff], [0x3000, 0x3000]]. */
export function parseUnicodeRange(range: string): Array<[number, number]> {
  return range.split(',').flatMap((part): Array<[number, number]> => {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m) return [];
    if (m[1]!.includes('?')) return [[parseInt(m[1]!.replaceAll('?', '0'), 16), parseInt(m[1]!.replaceAll('?', 'f'), 16)]];
    const start = parseInt(m[1]!, 16);
    return [[start, m[2] ? parseInt(m[2], 16) : start]];
  });
}

const cssString = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

let cached: FontFaces | null = null;

/** The rules and coverage, built once per process from the installed packages. */
export function printFontFaces(): FontFaces {
  if (cached) return cached;
  const rules: string[] = [];
  const roots: string[] = [];
  // What the last family of every stack covers: a character outside it may render as a box.
  const covered: Array<[number, number]> = [];
  for (const [family, { pkg, weights }] of Object.entries(WEB_FONTS) as Array<[WebFamily, (typeof WEB_FONTS)[WebFamily]]>) {
    const dir = packageDir(pkg);
    roots.push(dir);
    for (const [fileWeight, cssWeight] of Object.entries(weights)) {
      for (const slice of parseFontsourceCss(fs.readFileSync(path.join(dir, `${fileWeight}.css`), 'utf8'))) {
        const url = pathToFileURL(path.join(dir, 'files', slice.file)).href;
        const range = slice.range ? ` unicode-range: ${slice.range};` : '';
        rules.push(
          `@font-face { font-family: '${family}'; font-style: normal; font-weight: ${cssWeight}; font-display: block; src: url(${cssString(url)}) format('woff2');${range} ${METRICS} }`,
        );
        if (family === 'nb-serif' && cssWeight === 400 && slice.range) covered.push(...parseUnicodeRange(slice.range));
      }
    }
  }
  for (const [role, names] of Object.entries(FONT_ROLES)) {
    const src = names.map((n) => `local(${cssString(n)})`).join(', ');
    rules.push(`@font-face { font-family: 'nb-${role}'; font-style: normal; font-weight: 400; src: ${src}; ${METRICS} }`);
  }
  const coverage = mergeRanges(covered);
  cached = {
    css: rules.join('\n'),
    roots,
    missing(text) {
      const out = new Set<string>();
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        if (cp < 0x20 || /\s/u.test(ch)) continue;
        if (!covers(coverage, cp)) out.add(ch);
      }
      return [...out];
    },
  };
  return cached;
}

/** Sorted, non-overlapping ranges. */
function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    const last = merged.at(-1);
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

function covers(ranges: Array<[number, number]>, cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}
