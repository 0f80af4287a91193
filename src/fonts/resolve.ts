/**
 * Which font fills each role in this build: a face from the --fonts folder, else an installed
 * one, else the free web font. Fonts are identified by their name tables, never by file names.
 * The plan also carries a digest of the font files chosen, for the reports' fingerprints.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { EnvironmentError } from '../environment-error.ts';
import { listFontFiles, readFontFaces, type FontFace } from './font-file.ts';
import { normaliseFontName, ROLE_SPECS, type FontRole, type RoleSpec, type WebFamily } from './roles.ts';
import { installedFonts, type SystemFonts } from './system-fonts.ts';

export interface FoundFont {
  family: string;
  postscriptName: string;
  file: string;
  index: number;
  source: 'folder' | 'system';
}

export interface FontChoice {
  role: FontRole;
  use: string;
  official: string;
  /** The official font used; null when the role falls back to the web font. */
  found: FoundFont | null;
  /** The web font family the print CSS falls back to (and, for a missing official font, the one used). */
  fallback: { family: WebFamily; name: string };
  /** Official fonts seen but not usable (CFF outlines), in Chinese. */
  notes: string[];
  /** The DOCX names of the role: the font found first when it has another name, then the official chain. */
  docxNames: string[];
}

export interface FontPlan {
  fontsDir: string | null;
  choices: FontChoice[];
  /** Changes when another font file is chosen for any role, or a chosen file changes. */
  digest: string;
}

/** --fonts names a folder that does not exist, or --strict-fonts finds an official font missing: exit code 3. */
export class FontsError extends EnvironmentError {
  override name = 'FontsError';
}

export interface ResolveFontsOptions {
  fontsDir: string | null;
  /** The machine's fonts; tests pass their own. */
  systemFonts?: SystemFonts;
}

const WANTED = new Set(ROLE_SPECS.flatMap((spec) => spec.names.map(normaliseFontName)));

/** How well `face` fills `spec`: the index of its best name in the role's list, or -1. */
function rank(face: FontFace, spec: RoleSpec): number {
  const names = new Set(face.names.map(normaliseFontName));
  return spec.names.findIndex((n) => names.has(normaliseFontName(n)));
}

function choose(spec: RoleSpec, folder: FontFace[], system: FontFace[]): FontChoice {
  const notes: string[] = [];
  let found: FoundFont | null = null;
  let knownAs = new Set<string>();
  for (const [source, faces] of [['folder', folder], ['system', system]] as const) {
    const ranked = faces
      .map((face) => ({ face, rank: rank(face, spec) }))
      .filter((c) => c.rank >= 0)
      .sort((a, b) => a.rank - b.rank || a.face.file.localeCompare(b.face.file) || a.face.index - b.face.index);
    for (const { face } of ranked) {
      if (!face.trueType) {
        notes.push(`${face.family}（${face.file}）是 PostScript（CFF）轮廓字体，PDF 中无法以 TrueType 子集嵌入，未使用`);
        continue;
      }
      if (face.index !== 0) {
        notes.push(`${face.family} 在字体集 ${face.file} 的第 ${face.index + 1} 个字体中，暂不支持从字体集中取用，未使用`);
        continue;
      }
      found = { family: face.family, postscriptName: face.postscriptName, file: face.file, index: face.index, source };
      knownAs = new Set(face.names.map(normaliseFontName));
      break;
    }
    if (found) break;
  }
  // A font that also goes by the template's name (仿宋_GB2312 is FangSong_GB2312 too) keeps it.
  const docxNames = found && !knownAs.has(normaliseFontName(spec.docx[0]!)) ? [found.family, ...spec.docx] : [...spec.docx];
  return { role: spec.role, use: spec.use, official: spec.official, found, fallback: spec.fallback, notes, docxNames };
}

const fileHashes = new Map<string, Promise<string>>();

/** A content hash of `file`, once per process for a file of the same size and time. */
async function fileHash(file: string): Promise<string> {
  const stat = await fs.stat(file);
  const key = `${file}\0${stat.size}\0${stat.mtimeMs}`;
  let hash = fileHashes.get(key);
  if (!hash) fileHashes.set(key, (hash = fs.readFile(file).then((b) => createHash('sha256').update(b).digest('hex'))));
  return hash;
}

export async function resolveFonts(options: ResolveFontsOptions): Promise<FontPlan> {
  const { fontsDir } = options;
  if (fontsDir) {
    const stat = await fs.stat(fontsDir).catch(() => null);
    if (!stat?.isDirectory()) throw new FontsError(`字体文件夹不存在：${fontsDir}。请检查 --fonts 参数或 NIANBAO_FONTS 环境变量。`);
  }
  const [folder, system] = await Promise.all([
    fontsDir ? listFontFiles(fontsDir).then((files) => Promise.all(files.map(readFontFaces))).then((f) => f.flat()) : [],
    (options.systemFonts ?? installedFonts)(WANTED),
  ]);
  const choices = ROLE_SPECS.map((spec) => choose(spec, folder, system));
  const parts = await Promise.all(
    choices.map(async (c) => `${c.role} ${c.found ? `${await fileHash(c.found.file)}:${c.found.index}` : `web:${c.fallback.family}`}`),
  );
  return { fontsDir, choices, digest: createHash('sha256').update(parts.join('\n')).digest('hex') };
}

/** The roles without their official font. */
export const missingFonts = (plan: FontPlan): FontChoice[] => plan.choices.filter((c) => !c.found);
