/**
 * The Handlebars environment: one isolated instance per effective set of template files, with
 * the helpers and every partial of `partials/` registered, an agency's overrides in place.
 * Cached by that set (names, paths, mtimes, sizes): every agency without overrides shares one
 * compiled environment, and an edited file makes a new one, so a preview server sees edits.
 */
import fs from 'node:fs/promises';
import { compiledTemplate, compileOptions } from './compiled-templates.ts';
import { handlebars } from './handlebars-library.ts';
import { registerHelpers } from './helpers.ts';
import { fingerprintOf, listTemplateFiles, type TemplateDirs, type TemplateFile } from './template-files.ts';

const PARTIALS_FOLDER = 'partials/';
const TEMPLATE_EXTENSION = '.hbs';

export interface TemplateSet {
  /** Renders the template at `name` (relative to the templates folder, e.g. `web/page.hbs`). */
  render(name: string, context: unknown): string;
  /** A stylesheet such as `web/page.css`, overrides applied, trimmed, safe inside a <style> element. */
  styleSheet(name: string): string;
}

/** Environments kept: one per distinct set of files (the built-in one, each agency's overrides). */
const CACHE_LIMIT = 32;

const cache = new Map<string, Promise<TemplateSet>>();

/** Loads the effective templates of an agency, from the cache while no file has changed. */
export async function loadTemplates(dirs: TemplateDirs): Promise<TemplateSet> {
  const files = await listTemplateFiles(dirs);
  const key = fingerprintOf(files);
  let set = cache.get(key);
  if (set) {
    // Most recently used last, so the oldest goes first when the cache is full.
    cache.delete(key);
  } else {
    set = buildTemplateSet(files);
    set.catch(() => cache.delete(key));
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, set);
  return set;
}

/** Drops every cached environment (tests; a server that knows better). */
export function clearTemplateCache(): void {
  cache.clear();
}

async function buildTemplateSet(files: readonly TemplateFile[]): Promise<TemplateSet> {
  const sources = new Map<string, string>(
    await Promise.all(files.map(async (f) => [f.name, await fs.readFile(f.path, 'utf8')] as const)),
  );
  const env = handlebars().create();
  registerHelpers(env);
  // Every template compiled (or its compiled form read) now; one Handlebars cannot parse is
  // compiled when first used, which reports its error as it always did.
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  await Promise.all(
    [...sources].map(async ([name, text]) => {
      if (!name.endsWith(TEMPLATE_EXTENSION)) return;
      const template = await compiledTemplate(env, text);
      if (name.startsWith(PARTIALS_FOLDER)) env.registerPartial(name.slice(PARTIALS_FOLDER.length, -TEMPLATE_EXTENSION.length), template ?? text);
      else if (template) compiled.set(name, template);
    }),
  );
  const source = (name: string) => {
    const text = sources.get(name);
    if (text === undefined) throw new Error(`找不到模板文件：${name}`);
    return text;
  };
  return {
    styleSheet(name) {
      const css = source(name);
      // The sheets come from the template folders, not from data; still, none may end the element.
      if (/<\/style/i.test(css)) throw new Error(`${name} 不得包含 </style>`);
      return css.trim();
    },
    render(name, context) {
      let template = compiled.get(name);
      if (!template) {
        template = env.compile(source(name), compileOptions());
        compiled.set(name, template);
      }
      return template(context);
    },
  };
}
