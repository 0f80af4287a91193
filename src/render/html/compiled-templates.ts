/**
 * Handlebars templates compiled once per content, not once per process: the compiled form (what
 * `Handlebars.precompile` gives) is kept (kept-files.ts) under a hash of the Handlebars version,
 * the options and the source. Compiling the templates took some 0.2 s of every build, most of it
 * the compiler's own first run; reading what it made takes a few ms. An edited template is
 * another hash, so it is compiled again.
 */
import type Handlebars from 'handlebars';
import { keep, keptName, readKept } from './kept-files.ts';

/** preventIndent: partial output must not be re-indented (it would alter inline text). */
const OPTIONS: Readonly<CompileOptions> = Object.freeze({ preventIndent: true });

type Env = typeof Handlebars;

async function precompiled(env: Env, source: string): Promise<string> {
  const name = `${keptName(env.VERSION, JSON.stringify(OPTIONS), source)}.js`;
  const kept = await readKept('templates', name);
  if (kept !== null) return kept;
  // A copy: Handlebars adds its defaults to the options object it is given. The result is
  // JavaScript source, whatever the declarations say.
  const spec = String(env.precompile(source, { ...OPTIONS }));
  await keep('templates', name, spec);
  return spec;
}

/**
 * The template of `source` in `env`. A source Handlebars cannot parse gives null: it is left to
 * `env.compile`, whose error the renderer reports when the template is first used, as before.
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
