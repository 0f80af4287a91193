/**
 * The Handlebars environment: one isolated instance per (templates folder, agency folder), with
 * the helpers and every partial of `partials/` registered, the agency's overrides in place.
 * Cached, and rebuilt when any file's mtime or size changes, so a preview server sees edits.
 */
import fs from 'node:fs/promises';
import Handlebars from 'handlebars';
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

interface CacheEntry {
  fingerprint: string;
  set: TemplateSet;
}

const cache = new Map<string, CacheEntry>();

/** Loads the effective templates of an agency, from the cache while no file has changed. */
export async function loadTemplates(dirs: TemplateDirs): Promise<TemplateSet> {
  const key = `${dirs.templatesDir}\0${dirs.agencyDir}`;
  const files = await listTemplateFiles(dirs);
  const fingerprint = fingerprintOf(files);
  const cached = cache.get(key);
  if (cached?.fingerprint === fingerprint) return cached.set;
  const set = await buildTemplateSet(files);
  cache.set(key, { fingerprint, set });
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
  const env = Handlebars.create();
  registerHelpers(env);
  for (const [name, source] of sources) {
    if (name.startsWith(PARTIALS_FOLDER) && name.endsWith(TEMPLATE_EXTENSION)) {
      env.registerPartial(name.slice(PARTIALS_FOLDER.length, -TEMPLATE_EXTENSION.length), source);
    }
  }
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
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
        // preventIndent: partial output must not be re-indented (it would alter inline text).
        template = env.compile(source(name), { preventIndent: true });
        compiled.set(name, template);
      }
      return template(context);
    },
  };
}
