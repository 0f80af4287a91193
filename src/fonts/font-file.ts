/**
 * What a font file says about itself: the names of its name table (family, full and PostScript
 * names in every language it carries, so 仿宋_GB2312 is found under its Chinese name as well as
 * FangSong_GB2312) and whether its outlines are TrueType. Read with fontkit.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type * as fontkit from 'fontkit';

export interface FontFace {
  file: string;
  /** The face's index in a collection (.ttc); 0 for a single font. */
  index: number;
  /** The family name a user knows the font by: the Chinese one when there is one. */
  family: string;
  postscriptName: string;
  /** Every family, full and PostScript name, in every language. */
  names: string[];
  /** glyf outlines: Chrome embeds them as a CID TrueType font (CFF outlines would become Type 3). */
  trueType: boolean;
}

export const FONT_EXTENSIONS = ['.ttf', '.otf', '.ttc', '.otc', '.woff', '.woff2'];

type NameRecords = Record<string, Record<string, string> | undefined>;
const NAME_KEYS = ['fontFamily', 'fullName', 'postscriptName', 'preferredFamily', 'compatibleFull'];

/** All names of `font` and the family it goes by (Chinese preferred). */
function namesOf(font: fontkit.Font): { family: string; names: string[] } {
  const records = ((font as unknown as { name?: { records?: NameRecords } }).name?.records ?? {}) as NameRecords;
  const names = new Set<string>();
  for (const key of NAME_KEYS) for (const value of Object.values(records[key] ?? {})) if (value) names.add(value);
  if (font.postscriptName) names.add(font.postscriptName);
  if (font.familyName) names.add(font.familyName);
  const families = { ...records.fontFamily, ...records.preferredFamily };
  const chinese = Object.entries(families).find(([lang]) => lang.startsWith('zh'))?.[1];
  return { family: chinese ?? font.familyName ?? path.basename(font.postscriptName ?? ''), names: [...names] };
}

/** The faces of one font file; none when it is not a font fontkit can read. */
export async function readFontFaces(file: string): Promise<FontFace[]> {
  let parsed: fontkit.Font | fontkit.FontCollection;
  try {
    // Loaded on first use: a machine with no font file to read never pays for fontkit.
    const { create } = await import('fontkit');
    parsed = create(await fs.readFile(file));
  } catch {
    return [];
  }
  const faces = 'fonts' in parsed && Array.isArray(parsed.fonts) ? parsed.fonts : [parsed as fontkit.Font];
  return faces.map((font, index) => {
    const tables = (font as unknown as { directory?: { tables?: Record<string, unknown> } }).directory?.tables ?? {};
    return { file, index, ...namesOf(font), postscriptName: font.postscriptName ?? '', trueType: 'glyf' in tables };
  });
}

/** Every font file directly in `dir` or below it, sorted; none when the folder does not exist. */
export async function listFontFiles(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return names
    .filter((name) => FONT_EXTENSIONS.includes(path.extname(name).toLowerCase()))
    .map((name) => path.join(dir, name))
    .sort();
}
