/**
 * Subsets of one font file, made with harfbuzz (subset-font) for the documents of a build. Every
 * document shares one base subset: the 3,755 characters of GB 2312 level 1 with its symbols and
 * ASCII. A document with characters beyond it also gets a small extra subset of just those,
 * declared with a unicode-range, so the base never changes with the documents a build happens to
 * hold. Subsets are files named after their content in a shared temp folder: Chrome's cache
 * serves the same file to every document that names it, and a later build finds them made.
 *
 * A subset is named when a document asks for it but made only when first read (`make`): a face
 * Chrome never loads (a bold nobody sets, an extra subset of characters that face does not set)
 * costs nothing. A compressed source (WOFF, WOFF2: a whole web font of several megabytes) is
 * decompressed once per build, and only when a subset must be made.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fontverter from 'fontverter';
import subsetFont from 'subset-font';

/** Where the subsets go; content-addressed, so builds and processes can share them. */
export const SUBSETS_DIR = path.join(os.tmpdir(), 'nianbao-font-subsets');

let gb2312: Set<number> | null = null;

/** GB 2312's symbols (rows 1–9) and level-1 hanzi (rows 16–55), decoded from their EUC-CN codes, and ASCII. */
function commonCharacters(): Set<number> {
  if (gb2312) return gb2312;
  const bytes: number[] = [];
  for (let row = 0xa1; row <= 0xd7; row++) {
    if (row > 0xa9 && row < 0xb0) continue;
    for (let cell = 0xa1; cell <= 0xfe; cell++) bytes.push(row, cell);
  }
  const text = new TextDecoder('gbk').decode(new Uint8Array(bytes));
  const points = new Set<number>();
  // Unassigned codes decode to U+FFFD or to private-use points: neither is a character.
  for (const ch of text) if (ch !== '\uFFFD' && !(ch >= '\uE000' && ch <= '\uF8FF')) points.add(ch.codePointAt(0)!);
  for (let cp = 0x20; cp < 0x7f; cp++) points.add(cp);
  return (gb2312 = points);
}

export interface FontSubset {
  /** The TrueType file, once made. */
  file: string;
  /** Makes the file unless it exists; the same promise for every caller. */
  make(): Promise<void>;
}

export interface DocumentSubsets {
  base: FontSubset;
  /** The document's characters beyond the base, and their subset; null when there are none. */
  extra: { subset: FontSubset; points: number[] } | null;
}

export class FontSubsets {
  #file: string;
  #digest: Promise<string> | null = null;
  #sfnt: Promise<Buffer> | null = null;
  /** The base subset, kept so that its 3,800 characters are not joined again per document. */
  #base: FontSubset | null = null;
  /** Subsets named so far (the base and the extras), by their characters: documents that ask alike share one. */
  #named = new Map<string, FontSubset>();
  /** Subsets of one font are made one at a time. */
  #queue: Promise<unknown> = Promise.resolve();

  /**
   * `identity` names the file's content when that is known without reading it (a file of a
   * published package, by its name and version): a whole web font is megabytes to digest.
   */
  constructor(file: string, identity?: string) {
    this.#file = file;
    if (identity) this.#digest = Promise.resolve(createHash('sha256').update(identity).digest('hex'));
  }

  /** The subsets that hold the glyphs of `points` (sorted) the font has. */
  async covering(points: readonly number[]): Promise<DocumentSubsets> {
    // The file is read for its digest and let go: a whole web font is megabytes, and a subset is
    // rarely made (the files of earlier builds are found).
    const digest = await (this.#digest ??= fs.readFile(this.#file).then((source) => createHash('sha256').update(source).digest('hex')));
    const common = commonCharacters();
    const beyond = points.filter((cp) => !common.has(cp));
    this.#base ??= this.#subset(digest, [...common].sort((a, b) => a - b));
    return { base: this.#base, extra: beyond.length ? { subset: this.#subset(digest, beyond), points: beyond } : null };
  }

  #subset(digest: string, points: readonly number[]): FontSubset {
    const wanted = String.fromCodePoint(...points);
    let subset = this.#named.get(wanted);
    if (!subset) {
      const key = createHash('sha256').update(digest).update(wanted).digest('hex').slice(0, 32);
      const file = path.join(SUBSETS_DIR, `${key}.ttf`);
      let made: Promise<void> | null = null;
      subset = { file, make: () => (made ??= this.#enqueue(() => this.#write(file, wanted))) };
      this.#named.set(wanted, subset);
    }
    return subset;
  }

  #enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.#queue.then(work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #write(file: string, wanted: string): Promise<void> {
    if ((await fs.stat(file).catch(() => null))?.isFile()) return;
    const sfnt = await (this.#sfnt ??= fs.readFile(this.#file).then((source) => fontverter.convert(source, 'truetype')));
    const subset = await subsetFont(sfnt, wanted, { targetFormat: 'truetype' });
    await fs.mkdir(SUBSETS_DIR, { recursive: true });
    // Written aside and renamed: another build may read the same name at the same time.
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await fs.writeFile(temp, subset);
    await fs.rename(temp, file);
  }
}
