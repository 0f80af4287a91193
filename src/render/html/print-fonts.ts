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
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FontPlan } from '../../fonts/index.ts';
import { FontSubsets, type DocumentSubsets } from './font-subsets.ts';
import { covers, facesHolding, webFonts, type WebFace } from './web-font-table.ts';

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

const cssString = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

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
    const web = await webFonts();
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
