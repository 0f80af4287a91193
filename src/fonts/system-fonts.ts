/**
 * The fonts installed on the machine that may fill a role. On Linux (and wherever fontconfig is
 * installed) fontconfig's index answers at once, and it is also what Chrome asks; elsewhere the
 * standard font folders of Windows and macOS are read. Only the files that name a wanted font are
 * opened with fontkit, so the answer is the font's own name table, as for --fonts.
 */
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { listFontFiles, readFontFaces, type FontFace } from './font-file.ts';
import { normaliseFontName } from './roles.ts';

/** Faces whose names include one of `wanted` (normalised names). */
export type SystemFonts = (wanted: ReadonlySet<string>) => Promise<FontFace[]>;

function fcList(): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(
      'fc-list',
      ['--format', '%{file}\t%{family}\t%{fullname}\t%{postscriptname}\n'],
      { maxBuffer: 64 * 1024 * 1024, timeout: 10_000 },
      (error, stdout) => resolve(error ? null : stdout),
    );
  });
}

function fontFolders(): string[] {
  const home = os.homedir();
  if (process.platform === 'win32') {
    const windir = process.env.WINDIR ?? 'C:\\Windows';
    const local = process.env.LOCALAPPDATA;
    return [path.join(windir, 'Fonts'), ...(local ? [path.join(local, 'Microsoft', 'Windows', 'Fonts')] : [])];
  }
  if (process.platform === 'darwin') return ['/Library/Fonts', path.join(home, 'Library', 'Fonts')];
  return ['/usr/share/fonts', '/usr/local/share/fonts', path.join(home, '.local', 'share', 'fonts'), path.join(home, '.fonts')];
}

const matches = (face: FontFace, wanted: ReadonlySet<string>) => face.names.some((n) => wanted.has(normaliseFontName(n)));

/** The machine's fonts. */
export const installedFonts: SystemFonts = async (wanted) => {
  const listing = await fcList();
  let files: string[];
  if (listing !== null) {
    files = listing
      .split('\n')
      .filter((line) => line.split('\t').slice(1).join(',').split(',').some((n) => n && wanted.has(normaliseFontName(n))))
      .map((line) => line.split('\t')[0]!);
  } else {
    files = (await Promise.all(fontFolders().map(listFontFiles))).flat();
  }
  const faces = (await Promise.all([...new Set(files)].map(readFontFaces))).flat();
  return faces.filter((face) => matches(face, wanted));
};

/** No installed fonts (tests, or a build that must not depend on the machine). */
export const noSystemFonts: SystemFonts = async () => [];
