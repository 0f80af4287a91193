/**
 * The effective set of template files for one agency: the built-in folder, with any file of
 * `<agencyDir>/templates/` at the same relative path taking its place (or adding to it).
 */
import fs from 'node:fs/promises';
import path from 'node:path';

export interface TemplateDirs {
  /** Built-in templates (options.templatesDir). */
  templatesDir: string;
  /** The agency's data folder; its `templates/` subfolder holds overrides. */
  agencyDir: string;
  /**
   * Listings already made, for a run in which the files cannot change (a build): each folder is
   * then listed once rather than on every render. Without it every render lists the folders
   * again, so a preview sees an edit at once.
   */
  listings?: TemplateListings;
}

/** The listings of one build, by (templates folder, agency folder). */
export type TemplateListings = Map<string, Promise<TemplateFile[]>>;

export interface TemplateFile {
  /** Relative path with forward slashes, e.g. `partials/requests-table.hbs`. */
  name: string;
  path: string;
  mtimeMs: number;
  size: number;
}

export const OVERRIDES_FOLDER = 'templates';

/** Only these belong to the HTML renderers; the DOCX sources beside them are someone else's. */
const HTML_TEMPLATE_EXTENSIONS = ['.hbs', '.css'];

async function walk(root: string, dir = ''): Promise<string[]> {
  const entries = await fs.readdir(path.join(root, dir), { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [];
    throw e;
  });
  const found: string[] = [];
  for (const entry of entries) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...(await walk(root, rel)));
    else if (entry.isFile() && !entry.name.startsWith('.') && HTML_TEMPLATE_EXTENSIONS.includes(path.extname(entry.name))) {
      found.push(rel);
    }
  }
  return found;
}

async function describe(root: string): Promise<TemplateFile[]> {
  const names = await walk(root);
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(root, name);
      const stat = await fs.stat(file);
      return { name, path: file, mtimeMs: stat.mtimeMs, size: stat.size };
    }),
  );
}

/** Lists the effective files, sorted by name; overrides win. */
export function listTemplateFiles(dirs: TemplateDirs): Promise<TemplateFile[]> {
  if (!dirs.listings) return listFiles(dirs);
  const key = `${dirs.templatesDir}\0${dirs.agencyDir}`;
  let listing = dirs.listings.get(key);
  if (!listing) dirs.listings.set(key, (listing = listFiles(dirs)));
  return listing;
}

async function listFiles(dirs: TemplateDirs): Promise<TemplateFile[]> {
  const [builtIn, overrides] = await Promise.all([
    describe(dirs.templatesDir),
    describe(path.join(dirs.agencyDir, OVERRIDES_FOLDER)),
  ]);
  const byName = new Map(builtIn.map((f) => [f.name, f]));
  for (const f of overrides) byName.set(f.name, f);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Changes whenever a file is added, removed, replaced or edited. */
export const fingerprintOf = (files: readonly TemplateFile[]): string =>
  files.map((f) => `${f.name}\0${f.path}\0${f.mtimeMs}\0${f.size}`).join('\n');
