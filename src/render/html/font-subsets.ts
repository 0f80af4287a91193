/**
 * Subsets of one official font file, made with harfbuzz (subset-font) once per build rather than
 * once per document: the first subset holds the document's characters and the 3,755 characters
 * of GB 2312 level 1 with its symbols; a later document that needs a character beyond it gets a
 * new subset of everything asked so far. Subsets are files named after their content in a shared
 * temp folder, so Chrome's cache serves the same file to every document that uses it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import subsetFont from 'subset-font';

/** Where the subsets go; content-addressed, so builds and processes can share them. */
export const SUBSETS_DIR = path.join(os.tmpdir(), 'nianbao-font-subsets');

let gb2312: number[] | null = null;

/** GB 2312's symbols (rows 1–9) and level-1 hanzi (rows 16–55), decoded from their EUC-CN codes. */
function commonCharacters(): number[] {
  if (gb2312) return gb2312;
  const bytes: number[] = [];
  for (let row = 0xa1; row <= 0xd7; row++) {
    if (row > 0xa9 && row < 0xb0) continue;
    for (let cell = 0xa1; cell <= 0xfe; cell++) bytes.push(row, cell);
  }
  const text = new TextDecoder('gbk').decode(new Uint8Array(bytes));
  const points = new Set<number>();
  for (const ch of text) if (ch !== '\uFFFD') points.add(ch.codePointAt(0)!);
  for (let cp = 0x20; cp < 0x7f; cp++) points.add(cp);
  return (gb2312 = [...points]);
}

export class FontSubsets {
  #file: string;
  #covered = new Set<number>();
  #current: Promise<string> | null = null;
  #source: Promise<Buffer> | null = null;

  constructor(file: string) {
    this.#file = file;
  }

  /** A subset file holding (at least) the glyphs of `points` that the font has. */
  covering(points: readonly number[]): Promise<string> {
    const current = this.#current;
    if (current && points.every((cp) => this.#covered.has(cp))) return current;
    if (!current) for (const cp of commonCharacters()) this.#covered.add(cp);
    for (const cp of points) this.#covered.add(cp);
    const wanted = String.fromCodePoint(...[...this.#covered].sort((a, b) => a - b));
    const next = (async () => {
      // After the previous subset, so that subsets of one font are made one at a time.
      await current?.catch(() => undefined);
      this.#source ??= fs.readFile(this.#file);
      const source = await this.#source;
      const key = createHash('sha256').update(source).update(wanted).digest('hex').slice(0, 32);
      const out = path.join(SUBSETS_DIR, `${key}.ttf`);
      if (!(await fs.stat(out).catch(() => null))?.isFile()) {
        const subset = await subsetFont(source, wanted, { targetFormat: 'truetype' });
        await fs.mkdir(SUBSETS_DIR, { recursive: true });
        // Written aside and renamed: another build may read the same name at the same time.
        const temp = `${out}.${process.pid}.${Math.random().toString(36).slice(2)}`;
        await fs.writeFile(temp, subset);
        await fs.rename(temp, out);
      }
      return out;
    })();
    this.#current = next;
    return next;
  }
}
