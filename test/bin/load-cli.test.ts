import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript without declarations: it runs before any TypeScript loader
import { codeCacheName, ensureBundle, PACKAGE_ROOT, sourceStamp } from '../../bin/load-cli.js';

describe('the compiled CLI', () => {
  it('names the state of the sources: an edit, a new file or a touch gives a new stamp', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-stamp-'));
    try {
      fs.mkdirSync(path.join(dir, 'cli'));
      fs.writeFileSync(path.join(dir, 'cli', 'main.ts'), 'export const a = 1;\n');
      const first = sourceStamp(dir);
      expect(sourceStamp(dir)).toBe(first);
      fs.writeFileSync(path.join(dir, 'cli', 'main.ts'), 'export const a = 2;\n');
      const edited = sourceStamp(dir);
      expect(edited).not.toBe(first);
      fs.writeFileSync(path.join(dir, 'extra.ts'), '');
      expect(sourceStamp(dir)).not.toBe(edited);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs from the bundle of the current sources', async () => {
    const entry: string = await ensureBundle();
    expect(entry).toBe(path.join(PACKAGE_ROOT, 'dist', sourceStamp(), 'cli.cjs'));
    expect(fs.existsSync(entry)).toBe(true);
    const version = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;
    const fromBundle = execFileSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin', 'nianbao.js'), '--version'], { encoding: 'utf8' });
    const fromSource = execFileSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin', 'nianbao.js'), '--version'], {
      encoding: 'utf8',
      env: { ...process.env, NIANBAO_FROM_SOURCE: '1' },
    });
    expect(fromBundle).toBe(`nianbao ${version}\n`);
    expect(fromSource).toBe(fromBundle);
  });

  /**
   * Runs `args` with a copy of the bundle in a folder of its own under dist/ (where it finds the
   * packages as the bundle does), so that its kept code is the test's alone.
   */
  function runCopy(dir: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
    const script = `
      const { runBundle, keepCompiledCode } = await import(${JSON.stringify(pathToFileURL(path.join(PACKAGE_ROOT, 'bin', 'load-cli.js')).href)});
      const cli = runBundle(${JSON.stringify(path.join(dir, 'cli.cjs'))}, ${JSON.stringify(args[0])});
      process.exitCode = await cli.main(${JSON.stringify(args)});
      keepCompiledCode();`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  async function bundleCopy(): Promise<{ dir: string; cacheOf: (command: string) => string; remove: () => void }> {
    const entry: string = await ensureBundle();
    const dir = fs.mkdtempSync(path.join(PACKAGE_ROOT, 'dist', 'test-'));
    fs.copyFileSync(entry, path.join(dir, 'cli.cjs'));
    return { dir, cacheOf: (command) => path.join(dir, codeCacheName(command)), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
  }

  it('keeps the code V8 compiled of the bundle, uses it in later runs, and makes it again when V8 refuses it', async () => {
    const { dir, cacheOf, remove } = await bundleCopy();
    const cache = cacheOf('--version');
    try {
      const first = runCopy(dir, ['--version']);
      expect(first.code, first.stderr).toBe(0);
      const made = fs.statSync(cache);
      expect(made.size).toBeGreaterThan(10_000);
      // Accepted, it is not written again.
      expect(runCopy(dir, ['--version']).stdout).toBe(first.stdout);
      expect(fs.statSync(cache).mtimeMs).toBe(made.mtimeMs);
      // Refused (here: not V8's at all), it is replaced by a good one.
      fs.writeFileSync(cache, 'not code');
      expect(runCopy(dir, ['--version']).stdout).toBe(first.stdout);
      const remade = fs.statSync(cache);
      expect(remade.size).toBeGreaterThan(10_000);
      expect(runCopy(dir, ['--version']).stdout).toBe(first.stdout);
      expect(fs.statSync(cache).mtimeMs).toBe(remade.mtimeMs);
      // Each command keeps its own: --help compiles other code than --version.
      expect(runCopy(dir, ['check', '--help']).code).toBe(0);
      expect(fs.existsSync(cacheOf('check'))).toBe(true);
      expect(fs.statSync(cache).mtimeMs).toBe(remade.mtimeMs);
    } finally {
      remove();
    }
  }, 60_000);

  it('imports the unbundled ES module packages, also when run from kept code', async () => {
    const { dir, cacheOf, remove } = await bundleCopy();
    const cache = cacheOf('import');
    try {
      expect(fs.readFileSync(path.join(dir, 'cli.cjs'), 'utf8').includes('__nianbaoImport("pdfjs-dist/legacy/build/pdf.mjs")')).toBe(true);
      // pdf.js is one: reading a PDF imports it. A PDF with no report in it: exit 1, saying so.
      const doc = await PDFDocument.create();
      doc.addPage([595, 842]).drawText('Hello', { x: 100, y: 700, size: 16, font: await doc.embedFont(StandardFonts.Helvetica) });
      const pdf = path.join(dir, 'hello.pdf');
      fs.writeFileSync(pdf, await doc.save());
      const args = ['import', '--dry-run', '--agency', 'x', '--year', '2023', pdf];
      for (const kept of [false, true]) {
        const result = runCopy(dir, args);
        expect(fs.existsSync(cache)).toBe(true);
        expect({ kept, code: result.code }).toEqual({ kept, code: 1 });
        expect(result.stderr).toContain('没有找到年度报告的任何部分');
      }
    } finally {
      remove();
    }
  }, 60_000);
});

describe('the sources run as they are (NIANBAO_FROM_SOURCE)', () => {
  // tsx keeps function names by wrapping named functions in a helper; a function that runs in
  // the page has no such helper, so one named inner function there fails every document using it.
  it('build every document, the 版记 set at the foot of the page included', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-from-source-'));
    try {
      const data = path.join(PACKAGE_ROOT, 'test', 'fixtures', 'clean', 'data');
      const result = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin', 'nianbao.js'), 'build', '--data', data, '--out', out, '--format', 'json'], {
        encoding: 'utf8',
        env: { ...process.env, NIANBAO_FROM_SOURCE: '1' },
      });
      expect(result.status, result.stdout + result.stderr).toBe(0);
      const summary = JSON.parse(result.stdout);
      expect(summary.reports.map((r: { status: string }) => r.status)).toEqual(['built', 'built']);
      expect(fs.readdirSync(path.join(out, 'demo-county', '2023'))).toContain('report.pdf');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
