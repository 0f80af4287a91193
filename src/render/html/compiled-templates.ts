/**
 * Handlebars templates compiled once per content, not once per process: the compiled form (what
 * `Handlebars.precompile` gives) is kept under dist/, beside the CLI's own bundle, named by a hash
 * of the Handlebars version, the options and the source. Compiling the templates took some 0.2 s
 * of every build, most of it the compiler's own first run; reading what it made takes a few ms.
 * An edited template is another hash, so it is compiled again. Where dist/ cannot be written (a
 * read-only install), every process compiles.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type Handlebars from 'handlebars';
import { PACKAGE_ROOT } from '../../options.ts';

const CACHE_DIR = path.join(PACKAGE_ROOT, 'dist', 'templates');

/** preventIndent: partial output must not be re-indented (it would alter inline text). */
const OPTIONS: Readonly<CompileOptions> = Object.freeze({ preventIndent: true });

type Env = typeof Handlebars;

async function precompiled(env: Env, source: string): Promise<string> {
  const key = createHash('sha256').update(`${env.VERSION}\0${JSON.stringify(OPTIONS)}\0${source}`).digest('hex').slice(0, 32);
  const file = path.join(CACHE_DIR, `${key}.js`);
  const kept = await fs.readFile(file, 'utf8').catch(() => null);
  if (kept !== null) return kept;
  // JavaScript source, whatever the declarations say.
  // A copy: Handlebars adds its defaults to the options object it is given.
  const spec = String(env.precompile(source, { ...OPTIONS }));
  // Written whole or not at all: a process reading it meanwhile sees the file or none.
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await fs.mkdir(CACHE_DIR, { recursive: true });
    await fs.writeFile(temp, spec);
    await fs.rename(temp, file);
  } catch {
    await fs.rm(temp, { force: true }).catch(() => {});
  }
  return spec;
}

/**
 * The template of `source` in `env`. A source Handlebars cannot parse is left to `env.compile`,
 * whose error the renderer reports when the template is first used, as before.
 */
export async function compiledTemplate(env: Env, source: string): Promise<HandlebarsTemplateDelegate | null> {
  let spec: string;
  try {
    spec = await precompiled(env, source);
  } catch {
    return null;
  }
  // The spec is JavaScript that Handlebars wrote from the template, as env.compile evaluates too.
  return env.template(new Function(`return ${spec}`)() as TemplateSpecification);
}

/** For env.compile; a copy each time, as above. */
export const compileOptions = (): CompileOptions => ({ ...OPTIONS });
