// Finds the CLI's code for bin/nianbao.js. The TypeScript sources are bundled, with the packages
// they use, into one CommonJS program under dist/<stamp>/, where the stamp names the exact state of
// src/ (every file's path, size and modification time), of this file and of the installed packages
// (the lockfiles): a new checkout, `git pull`, `npm install` or an edit gives a new stamp and a new
// bundle on first use. Starting from the bundle spares every run the cost of transpiling some two
// hundred modules, and of resolving and loading the packages' files one by one (a build of the
// examples read some 1,100 of them). Beside the bundle V8 keeps the code it compiled of it (see
// runBundle). When no bundle can be made (esbuild missing, a read-only install), the sources run
// directly through tsx. Either way the command is the code in src/.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

export const PACKAGE_ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(PACKAGE_ROOT, 'src');
const DIST = path.join(PACKAGE_ROOT, 'dist');
const ENTRY = 'cli.cjs';
/**
 * V8's code of the bundle as an earlier run of `command` compiled it (see runBundle): one per
 * command, since each compiles other parts of the bundle (a build its whole pipeline, `--version`
 * next to nothing).
 */
export const codeCacheName = (command) => `cli.cjs.${/^[a-z][a-z-]*$/.test(command ?? '') ? command : 'cli'}.code-cache`;
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

/**
 * Bundles src/cli/main.ts and the packages it uses (but UNBUNDLED) into `outDir` with esbuild, as
 * one CommonJS file: V8 keeps the compiled code of a script (runBundle), not of ES modules in
 * Node 20. The modules the sources import on first use still run only then (esbuild wraps each
 * in a function called by the import). The unbundled packages they import on first use are
 * imported by this module for them (IMPORT, see runBundle).
 */
export async function compileCli(outDir) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: PACKAGE_ROOT,
    entryPoints: { cli: path.join(SRC, 'cli', 'main.ts') },
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: UNBUNDLED.flatMap((name) => [name, `${name}/*`]),
    // import() of an unbundled package stays an import() (some are ES modules), made IMPORT below.
    supported: { 'dynamic-import': true },
    // The sources are ES modules: import.meta names the bundle's own file.
    define: { 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename', 'import.meta.url': '__nianbaoUrl' },
    banner: { js: "const __nianbaoUrl = require('node:url').pathToFileURL(__filename).href;" },
    minifyWhitespace: true,
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  fs.mkdirSync(outDir, { recursive: true });
  for (const file of result.outputFiles) {
    const meta = result.metafile.outputs[path.relative(PACKAGE_ROOT, file.path).split(path.sep).join('/')];
    let text = file.text;
    for (const { path: specifier } of (meta?.imports ?? []).filter((i) => i.kind === 'dynamic-import' && i.external)) {
      const quoted = JSON.stringify(specifier);
      const call = `import(${quoted})`;
      if (!text.includes(call)) throw new Error(`${file.path}: no ${call}`);
      text = text.replaceAll(call, `${IMPORT}(${quoted})`);
    }
    fs.writeFileSync(file.path, text);
  }
}

/** What import() of an unbundled package becomes in the bundle: a function runBundle passes in. */
const IMPORT = '__nianbaoImport';

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

/** The CLI's module, to run `command`: the bundle when there is one, otherwise the sources through tsx. */
export async function loadCli(command) {
  const bundle = process.env.NIANBAO_FROM_SOURCE ? null : await ensureBundle();
  if (bundle) return runBundle(bundle, command);
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(path.join(SRC, 'cli', 'main.ts')).href);
}

/** The bundle's script, when this run found no code of it to reuse: keepCompiledCode saves its code. */
let uncached = null;

/**
 * Runs the bundle as Node runs a CommonJS file, but with the code an earlier run compiled of it,
 * so that this run neither parses nor compiles what that one did (a cold build of the examples
 * spent a tenth of its time there). The bundle's import() of unbundled packages is made here, by
 * IMPORT: a script compiled from kept code cannot import itself in Node 20.
 */
export function runBundle(entry, command) {
  const cacheFile = path.join(path.dirname(entry), codeCacheName(command));
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const source = `(function (exports, require, module, __filename, __dirname, ${IMPORT}) {${fs.readFileSync(entry, 'utf8')}\n})`;
  const script = new vm.Script(source, { filename: entry, cachedData });
  // V8 refuses code made by another V8, or under other flags: it is made again.
  if (!cachedData || script.cachedDataRejected) uncached = { script, cacheFile };
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(entry), module, entry, path.dirname(entry), (specifier) => import(specifier));
  return module.exports;
}

/**
 * Saves the code V8 compiled of the bundle, when the run found none to reuse. Called once the
 * command has run, so the code of everything it ran is kept, not only the bundle's top level; V8
 * must then have the flags it had when the bundle was compiled.
 */
export function keepCompiledCode() {
  if (!uncached) return;
  const { script, cacheFile } = uncached;
  uncached = null;
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, script.createCachedData());
    fs.renameSync(temp, cacheFile);
  } catch {
    // A read-only install: every run compiles the bundle again.
    fs.rmSync(temp, { force: true });
  }
}

/** Whether this run will save the bundle's compiled code (see keepCompiledCode). */
export const keepsCompiledCode = () => uncached !== null;
