/**
 * The fonts of the print documents. Each typeface role of GB/T 9704 (仿宋, 宋体, 黑体, 楷体,
 * 小标宋) is a family `nb-<role>` declared only when the build found the official font (see
 * src/fonts), pointing at subsets of that font shared by the build's documents (font-subsets.ts). Every role's
 * CSS stack then falls back to a free web font from npm (@fontsource), of which a document
 * declares only the slices (unicode-range) that hold its characters, so the page loads a few
 * small files that Chrome keeps cached from one document to the next. A web font that comes as
 * one whole file (LXGW WenKai: some 7 MB per weight, which Chrome would decode in every renderer)
 * is subset once per build like an official font. All faces get the same
 * vertical metrics, so a line that mixes fonts (楷体 sub-head run into 仿宋 text, digits) keeps
 * the exact line pitch.
 *
 * Chrome embeds these fonts as CID TrueType subsets. It would turn synthetic bold and CFF fonts
 * into Type 3 fonts: hence real bold faces, font-synthesis: none in the CSS, only TrueType
 * official fonts (src/fonts) and no generic family that could reach a system CJK font.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FontPlan } from '../../fonts/index.ts';
import { FontSubsets, type DocumentSubsets } from './font-subsets.ts';

/** Web fonts: family name → the fontsource package and its weights (file weight → CSS weight). */
const WEB_FONTS = {
  'nb-serif': { pkg: '@fontsource/noto-serif-sc', weights: { 400: 400, 700: 700 } },
  'nb-sans': { pkg: '@fontsource/noto-sans-sc', weights: { 400: 400, 700: 700 } },
  // LXGW WenKai comes in 300/500/700; 500 reads as a regular 楷体.
  'nb-kai': { pkg: '@fontsource/lxgw-wenkai', weights: { 500: 400, 700: 700 } },
} as const;

type WebFamily = keyof typeof WEB_FONTS;

/** The same em box for every face: CJK ideographs span 0.88 em above and 0.12 em below the baseline. */
const METRICS = 'ascent-override: 88%; descent-override: 12%; line-gap-override: 0%;';

/** Printed by the page CSS rather than the body: the page numbers — N —. */
const GENERATED_TEXT = '— 0123456789';

export interface DocumentFonts {
  /** The @font-face rules. */
  css: string;
  /** Folders the rules load files from (for the printer's allow-list). */
  roots: string[];
  /** The characters of the document no fallback font covers. */
  missing: string[];
  /** Font files the rules name that are made when first read (subsets): file → its maker. */
  madeOnRead: Map<string, () => Promise<void>>;
}

interface Slice {
  file: string;
  range?: string;
}

interface WebFace {
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

const cssString = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

interface WebFonts {
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

let webFonts: WebFonts | null = null;

/** The slices of the installed packages, read once per process. */
function loadWebFonts(): WebFonts {
  if (webFonts) return webFonts;
  const faces: WebFace[] = [];
  const roots: string[] = [];
  const covered: Array<[number, number]> = [];
  for (const [family, { pkg, weights }] of Object.entries(WEB_FONTS) as Array<[WebFamily, (typeof WEB_FONTS)[WebFamily]]>) {
    const dir = packageDir(pkg);
    const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
    roots.push(dir);
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
  return (webFonts = { faces, roots, coverage: mergeRanges(covered), spans, widest, whole, byPoint: new Map() });
}

/** The indices of the web faces that hold `cp` (in face order), memoised per process. */
function facesHolding(web: WebFonts, cp: number): number[] {
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

/** The code points a document shows: its body text and what its CSS prints (page numbers). */
function codePointsOf(text: string): number[] {
  const points = new Set<number>();
  for (const ch of text + GENERATED_TEXT) {
    // Spaces too (U+3000 indents, U+0020): they take their width from the font that sets them.
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x20) points.add(cp);
  }
  return [...points].sort((a, b) => a - b);
}

/**
 * The print fonts of one build: the subsets of the official fonts its plan found, and the web
 * font slices. `plan` null: web fonts only.
 */
export class PrintFonts {
  #subsets: Map<string, FontSubsets>;
  /** Subsets of the whole-file web faces, by face index; made on first use. */
  #webSubsets = new Map<number, FontSubsets>();

  constructor(plan: FontPlan | null) {
    this.#subsets = new Map(
      (plan?.choices ?? []).flatMap((c) => (c.found ? [[c.role, new FontSubsets(c.found.file)] as const] : [])),
    );
  }

  /** The @font-face rules a document with the visible text `text` needs. */
  async forText(text: string): Promise<DocumentFonts> {
    const web = loadWebFonts();
    const points = codePointsOf(text);
    const rules: string[] = [];
    const roots = new Set<string>();
    const madeOnRead = new Map<string, () => Promise<void>>();
    /** The rules of a subsetted face: its base subset, and its extra one for the characters beyond. */
    const subsetRules = (family: string, weight: number, subsets: DocumentSubsets): string[] =>
      [
        { subset: subsets.base, range: '' },
        ...(subsets.extra ? [{ subset: subsets.extra.subset, range: ` unicode-range: ${unicodeRange(subsets.extra.points)};` }] : []),
      ].map(({ subset, range }) => {
        roots.add(path.dirname(subset.file));
        madeOnRead.set(subset.file, subset.make);
        // Declared after the base, the extra face is the one Chrome tries first for its characters.
        return `@font-face { font-family: '${family}'; font-style: normal; font-weight: ${weight}; font-display: block; src: url(${cssString(pathToFileURL(subset.file).href)}) format('truetype');${range} ${METRICS} }`;
      });
    for (const [role, subsets] of this.#subsets) rules.push(...subsetRules(`nb-${role}`, 400, await subsets.covering(points)));
    // Each slice is declared for the characters of this document it holds, not for the whole of
    // its range: Chrome picks the same slice for every character, and parses far less CSS.
    const used = new Map<number, number[]>();
    for (const cp of points) {
      for (const i of facesHolding(web, cp)) {
        const held = used.get(i);
        if (held) held.push(cp);
        else used.set(i, [cp]);
      }
    }
    for (const [i, held] of [...used].sort((a, b) => a[0] - b[0])) {
      const face = web.faces[i]!;
      if (!face.range) {
        rules.push(...subsetRules(face.family, face.weight, await this.#webSubset(i, face).covering(held)));
        continue;
      }
      rules.push(
        `@font-face { font-family: '${face.family}'; font-style: normal; font-weight: ${face.weight}; font-display: block; src: url(${cssString(face.url)}) format('woff2'); unicode-range: ${unicodeRange(held)}; ${METRICS} }`,
      );
    }
    for (const root of web.roots) roots.add(root);
    const missing = points.filter((cp) => !covers(web.coverage, cp)).map((cp) => String.fromCodePoint(cp));
    return { css: rules.join('\n'), roots: [...roots], missing, madeOnRead };
  }

  #webSubset(index: number, face: WebFace): FontSubsets {
    let subsets = this.#webSubsets.get(index);
    if (!subsets) this.#webSubsets.set(index, (subsets = new FontSubsets(fileURLToPath(face.url), face.identity)));
    return subsets;
  }
}

/** `[0x4e00, 0x4e01, 0x4e03]` (sorted) → `U+4E00-4E01,U+4E03`. */
export function unicodeRange(points: readonly number[]): string {
  const parts: string[] = [];
  const hex = (cp: number) => cp.toString(16).toUpperCase();
  for (let i = 0; i < points.length; ) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j]! + 1) j++;
    parts.push(j > i ? `U+${hex(points[i]!)}-${hex(points[j]!)}` : `U+${hex(points[i]!)}`);
    i = j + 1;
  }
  return parts.join(',');
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
