/**
 * The free web fonts the print documents fall back to (see print-fonts.ts): the slices of the
 * @fontsource packages, each a file with the unicode-range it holds, as one table to look a
 * character up in. Reading the packages' CSS (some 400 slices) took 0.1 s of every build; the
 * table is kept for later processes (kept-files.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { keep, keptName, readKept } from './kept-files.ts';

/** What the kept table looks like; another shape of it is another name. */
const TABLE_FORMAT = 'web-font-table 1';

/** Web fonts: family name → the fontsource package and its weights (file weight → CSS weight). */
export const WEB_FONTS = {
  'nb-serif': { pkg: '@fontsource/noto-serif-sc', weights: { 400: 400, 700: 700 } },
  'nb-sans': { pkg: '@fontsource/noto-sans-sc', weights: { 400: 400, 700: 700 } },
  // LXGW WenKai comes in 300/500/700; 500 reads as a regular 楷体.
  'nb-kai': { pkg: '@fontsource/lxgw-wenkai', weights: { 500: 400, 700: 700 } },
} as const;

export type WebFamily = keyof typeof WEB_FONTS;

interface Slice {
  file: string;
  range?: string;
}

export interface WebFace {
  family: WebFamily;
  weight: number;
  url: string;
  /** The file as its package publishes it: package@version/files/name. */
  identity: string;
  range: string | null;
  ranges: Array<[number, number]>;
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

export interface WebFonts {
  faces: WebFace[];
  roots: string[];
  /** What the last family of every stack (nb-serif) covers, sorted and merged. */
  coverage: Array<[number, number]>;
  /**
   * The sliced faces' ranges as [first, last, face index], sorted by first code point: the slices
   * of one weight do not overlap, so a character lies in a handful of them at most.
   */
  spans: Array<[number, number, number]>;
  /** The longest span, which bounds how far back a search must look. */
  widest: number;
  /** The faces of one whole file (no unicode-range), which hold every character they have. */
  whole: number[];
  byPoint: Map<number, number[]>;
}

/** The slices of the installed packages, worked out once (and kept, see kept-files.ts) and read once per process. */
export function webFonts(): Promise<WebFonts> {
  return (loaded ??= loadWebFonts());
}

let loaded: Promise<WebFonts> | null = null;

async function loadWebFonts(): Promise<WebFonts> {
  const packages = Object.entries(WEB_FONTS).map(([family, { pkg, weights }]) => {
    const dir = packageDir(pkg);
    const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
    return { family: family as WebFamily, pkg, weights, dir, version };
  });
  // The table names the files by path: another install (another path or version) is another table.
  const name = `${keptName(TABLE_FORMAT, JSON.stringify(WEB_FONTS), ...packages.map((p) => `${p.dir}@${p.version}`))}.json`;
  const kept = await readKept('web-fonts', name);
  if (kept !== null) return { ...(JSON.parse(kept) as Omit<WebFonts, 'byPoint'>), byPoint: new Map() };

  const faces: WebFace[] = [];
  const covered: Array<[number, number]> = [];
  for (const { family, pkg, weights, dir, version } of packages) {
    for (const [fileWeight, cssWeight] of Object.entries(weights)) {
      for (const slice of parseFontsourceCss(fs.readFileSync(path.join(dir, `${fileWeight}.css`), 'utf8'))) {
        const ranges = slice.range ? parseUnicodeRange(slice.range) : [[0, 0x10ffff] as [number, number]];
        const url = pathToFileURL(path.join(dir, 'files', slice.file)).href;
        const identity = `${pkg}@${version}/files/${slice.file}`;
        faces.push({ family, weight: cssWeight, url, identity, range: slice.range ?? null, ranges: mergeRanges(ranges) });
        if (family === 'nb-serif' && cssWeight === 400) covered.push(...ranges);
      }
    }
  }
  const spans = faces
    .flatMap((face, i) => (face.range ? face.ranges.map(([a, b]): [number, number, number] => [a, b, i]) : []))
    .sort((x, y) => x[0] - y[0]);
  const widest = spans.reduce((max, [a, b]) => Math.max(max, b - a), 0);
  const whole = faces.flatMap((face, i) => (face.range ? [] : [i]));
  const table = { faces, roots: packages.map((p) => p.dir), coverage: mergeRanges(covered), spans, widest, whole };
  await keep('web-fonts', name, JSON.stringify(table));
  return { ...table, byPoint: new Map() };
}

/** The indices of the web faces that hold `cp` (in face order), memoised per process. */
export function facesHolding(web: WebFonts, cp: number): number[] {
  let found = web.byPoint.get(cp);
  if (!found) {
    found = [];
    const { spans } = web;
    // The last span starting at or before cp, then back through those that could still reach it.
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]![0] <= cp) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && spans[i]![0] >= cp - web.widest; i--) if (spans[i]![1] >= cp) found.push(spans[i]![2]);
    found = [...new Set([...found, ...web.whole])].sort((a, b) => a - b);
    web.byPoint.set(cp, found);
  }
  return found;
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

/** Whether `cp` lies in one of `ranges` (sorted, merged). */
export function covers(ranges: Array<[number, number]>, cp: number): boolean {
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
