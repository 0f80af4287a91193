// Finds the CLI's code for bin/nianbao.js. The TypeScript sources are bundled, with the packages
// they use, into one ESM program under dist/<stamp>/, where the stamp names the exact state of
// src/ (every file's path, size and modification time), of this file and of the installed packages
// (the lockfiles): a new checkout, `git pull`, `npm install` or an edit gives a new stamp and a new
// bundle on first use. Starting from the bundle spares every run the cost of transpiling some two
// hundred modules, and of resolving and loading the packages' files one by one (a build of the
// examples read some 1,100 of them). When no bundle can be made (esbuild missing, a read-only
// install), the sources run directly through tsx. Either way the command is the code in src/.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const PACKAGE_ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(PACKAGE_ROOT, 'src');
const DIST = path.join(PACKAGE_ROOT, 'dist');
const ENTRY = 'cli.js';
/** Bundles of other states of src/ are removed once this old: a process may still be running one. */
const STALE_MS = 60 * 60 * 1000;

/** A hash of what the bundle is made from. */
export function sourceStamp(srcDir = SRC) {
  const hash = crypto.createHash('sha256');
  hash.update(fs.readFileSync(import.meta.filename));
  const walk = (dir, rel) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, name);
      else {
        const stat = fs.statSync(full);
        hash.update(`${name}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
  };
  walk(srcDir, '');
  // The packages are in the bundle too: another install of them is another bundle.
  for (const lockfile of ['package.json', 'package-lock.json', path.join('node_modules', '.package-lock.json')]) {
    const stat = fs.statSync(path.join(PACKAGE_ROOT, lockfile), { throwIfNoEntry: false });
    if (stat) hash.update(`${lockfile}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Packages left outside the bundle: those that find files of their own beside their code
 * (__dirname, a WebAssembly or browser binary, worker scripts), and the tools that only run
 * the sources. They load from node_modules as usual.
 */
const UNBUNDLED = [
  '@sparticuz/chromium',
  '@tootallnate/quickjs-emscripten',
  'esbuild',
  'fontverter',
  'harfbuzzjs',
  'pdfjs-dist',
  'subset-font',
  'tsx',
  'wawoff2',
];

/** Bundles src/cli/main.ts and the packages it uses (but UNBUNDLED) into `outDir` with esbuild. */
export async function compileCli(outDir) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: PACKAGE_ROOT,
    entryPoints: { cli: path.join(SRC, 'cli', 'main.ts') },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: UNBUNDLED.flatMap((name) => [name, `${name}/*`]),
    // The packages' CommonJS code calls require(): an ESM program has none of its own.
    banner: { js: "import { createRequire as __nianbaoCreateRequire } from 'node:module'; const require = __nianbaoCreateRequire(import.meta.url);" },
    logLevel: 'silent',
  });
}

/** The bundle for the current src/, made if missing; null when it cannot be made. */
export async function ensureBundle() {
  let stamp;
  try {
    stamp = sourceStamp();
  } catch {
    return null;
  }
  const dir = path.join(DIST, stamp);
  const entry = path.join(dir, ENTRY);
  if (fs.existsSync(entry)) return entry;
  const temp = `${dir}.${process.pid}.tmp`;
  try {
    await compileCli(temp);
    try {
      fs.renameSync(temp, dir);
    } catch (error) {
      // Another process made the same bundle meanwhile: use theirs.
      if (!fs.existsSync(entry)) throw error;
    }
    removeOldBundles(stamp);
    return entry;
  } catch {
    return null;
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

function removeOldBundles(keep) {
  for (const name of fs.readdirSync(DIST)) {
    if (name === keep) continue;
    const full = path.join(DIST, name);
    try {
      if (Date.now() - fs.statSync(full).mtimeMs > STALE_MS) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      // Someone else removed it first.
    }
  }
}

/** The CLI's module: the bundle when there is one, otherwise the sources through tsx. */
export async function loadCli() {
  const bundle = process.env.NIANBAO_FROM_SOURCE ? null : await ensureBundle();
  if (bundle) return import(pathToFileURL(bundle).href);
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(path.join(SRC, 'cli', 'main.ts')).href);
}
