/**
 * Converts DOCX files to PDF with headless LibreOffice, the way an office without Word would open
 * them. This machine (and CI) has no Chinese fonts, so LibreOffice gets a private fontconfig with
 * the fonts npm brought (@fontsource, WOFF turned into TrueType) standing in for the office fonts
 * the templates name: 仿宋_GB2312 → Noto Serif SC, 黑体 → Noto Sans SC, 楷体_GB2312 → LXGW WenKai.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { PACKAGE_ROOT } from '../../../src/options.ts';

export function findSoffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
    if (found) return found;
  }
  return null;
}

/** WOFF 1.0 is a zlib-compressed sfnt: inflate each table and lay the sfnt out again. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF file');
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + 20 * i;
    const [offset, compLength, origLength] = [woff.readUInt32BE(at + 4), woff.readUInt32BE(at + 8), woff.readUInt32BE(at + 12)];
    const raw = woff.subarray(offset, offset + compLength);
    return { tag: woff.subarray(at, at + 4), checksum: woff.readUInt32BE(at + 16), data: compLength < origLength ? zlib.inflateSync(raw) : raw };
  });
  const power = 2 ** Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + 16 * count);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(count * 16 - power * 16, 10);
  let offset = header.length;
  const bodies: Buffer[] = [];
  tables.forEach((t, i) => {
    t.tag.copy(header, 12 + 16 * i);
    header.writeUInt32BE(t.checksum, 12 + 16 * i + 4);
    header.writeUInt32BE(offset, 12 + 16 * i + 8);
    header.writeUInt32BE(t.data.length, 12 + 16 * i + 12);
    const padded = Buffer.alloc(Math.ceil(t.data.length / 4) * 4);
    t.data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}

const FONTSOURCE = path.join(PACKAGE_ROOT, 'node_modules/@fontsource');

/** Stand-in font file → the office font names it answers for (and whether it is asked for bold). */
const STAND_INS = [
  { file: 'noto-serif-sc/files/noto-serif-sc-chinese-simplified-400-normal.woff', names: ['仿宋_GB2312', '仿宋', 'FangSong', '宋体', 'SimSun', 'Times New Roman'] },
  { file: 'noto-serif-sc/files/noto-serif-sc-chinese-simplified-700-normal.woff', names: ['方正小标宋简体'], bold: true },
  { file: 'noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff', names: ['黑体', 'SimHei'] },
  { file: 'lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff', names: ['楷体_GB2312', '楷体', 'KaiTi'] },
];

/** Writes the fonts and a fonts.conf into `dir` (once); returns the fonts.conf path. */
export function prepareFonts(dir: string): string {
  const conf = path.join(dir, 'fonts.conf');
  if (fs.existsSync(conf)) return conf;
  fs.mkdirSync(path.join(dir, 'fonts'), { recursive: true });
  const rules = STAND_INS.map((s) => {
    const ttf = path.join(dir, 'fonts', path.basename(s.file).replace(/\.woff$/, '.ttf'));
    fs.writeFileSync(ttf, woffToSfnt(fs.readFileSync(path.join(FONTSOURCE, s.file))));
    const family = execFileSync('fc-scan', ['--format', '%{family[0]}', ttf], { encoding: 'utf8' }).trim();
    return s.names
      .map(
        (name) =>
          `<match target="pattern"><test name="family"><string>${name}</string></test>` +
          `<edit name="family" mode="assign" binding="strong"><string>${family}</string></edit>` +
          (s.bold ? '<edit name="weight" mode="assign"><const>bold</const></edit>' : '') +
          '</match>',
      )
      .join('\n');
  });
  fs.writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `<include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n<dir>${path.join(dir, 'fonts')}</dir>\n` +
      `<cachedir>${path.join(dir, 'cache')}</cachedir>\n${rules.join('\n')}\n</fontconfig>\n`,
  );
  return conf;
}

/** The installed versions of the font packages, so an upgrade brings fresh stand-ins. */
const fontVersions = ['noto-serif-sc', 'noto-sans-sc', 'lxgw-wenkai']
  .map((name) => (JSON.parse(fs.readFileSync(path.join(FONTSOURCE, name, 'package.json'), 'utf8')) as { version: string }).version)
  .join('-');

/** A folder for LibreOffice's fonts and profile, kept across test runs of this machine. */
export const LIBREOFFICE_WORK_DIR = path.join(os.tmpdir(), `nianbao-libreoffice-${process.getuid?.() ?? 0}-${fontVersions}`);

/** Converts every DOCX in `files` to PDF in `outDir` with one soffice run; returns the PDF paths. */
export function convertToPdf(soffice: string, files: readonly string[], outDir: string): string[] {
  const conf = prepareFonts(LIBREOFFICE_WORK_DIR);
  const profile = path.join(LIBREOFFICE_WORK_DIR, `profile-${process.pid}`);
  fs.mkdirSync(outDir, { recursive: true });
  const result = spawnSync(
    soffice,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files],
    { encoding: 'utf8', env: { ...process.env, FONTCONFIG_FILE: conf }, timeout: 180_000 },
  );
  fs.rmSync(profile, { recursive: true, force: true });
  const pdfs = files.map((f) => path.join(outDir, path.basename(f).replace(/\.docx$/, '.pdf')));
  const missing = pdfs.filter((p) => !fs.existsSync(p));
  if (result.status !== 0 || missing.length) {
    throw new Error(`LibreOffice 转换失败（退出码 ${result.status}）：${missing.join('、')}\n${result.stderr}`);
  }
  return pdfs;
}
