/**
 * LibreOffice as the yardstick: `soffice --headless --convert-to pdf` of the build's DOCX files in
 * one batch (one process for all of them). It gets its own profile, made by an untimed conversion
 * first, so that neither a first-run set-up nor another LibreOffice on the machine is measured.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LibreOfficeRun {
  files: number;
  totalMs: number;
  version: string;
}

async function findSoffice(): Promise<string | null> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const file = path.join(dir, name);
      if (await fs.access(file, fs.constants.X_OK).then(() => true, () => false)) return file;
    }
  }
  return null;
}

/** Every DOCX below `outDir`, copied flat into `dir` under names that stay unique. */
async function collectDocx(outDir: string, dir: string): Promise<string[]> {
  const names = (await fs.readdir(outDir, { recursive: true })).filter((n) => n.endsWith('.docx'));
  return Promise.all(
    names.map(async (name) => {
      const flat = path.join(dir, name.split(path.sep).join('--'));
      await fs.copyFile(path.join(outDir, name), flat);
      return flat;
    }),
  );
}

/** Null when LibreOffice is not installed. */
export async function measureLibreOffice(outDir: string): Promise<LibreOfficeRun | null> {
  const soffice = await findSoffice();
  if (!soffice) return null;
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-soffice-'));
  try {
    const [input, output, warm] = ['docx', 'pdf', 'warm'].map((n) => path.join(root, n)) as [string, string, string];
    await Promise.all([input, output, warm].map((d) => fs.mkdir(d)));
    const files = await collectDocx(outDir, input);
    if (!files.length) throw new Error(`${outDir} 中没有 DOCX 文件`);
    const convert = (outdir: string, docs: string[]) =>
      run(soffice, [`-env:UserInstallation=${pathToFileURL(path.join(root, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outdir, ...docs], {
        maxBuffer: 64 * 1024 * 1024,
      });
    await convert(warm, [files[0]!]);
    const started = performance.now();
    await convert(output, files);
    const totalMs = performance.now() - started;
    const pdfs = (await fs.readdir(output)).filter((n) => n.endsWith('.pdf'));
    if (pdfs.length !== files.length) throw new Error(`LibreOffice 只转换了 ${pdfs.length}/${files.length} 个 DOCX`);
    const version = (await run(soffice, ['--version'])).stdout.trim();
    return { files: files.length, totalMs, version };
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}
