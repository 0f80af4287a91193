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

/**
 * What one build has read of its template folders, which do not change while it runs: each
 * folder's listing (the built-in one is shared by every agency) and the Word templates' bytes.
 */
export class TemplateListings {
  readonly #folders = new Map<string, Promise<TemplateFile[]>>();
  readonly #files = new Map<string, Promise<Uint8Array | null>>();

  folder(root: string): Promise<TemplateFile[]> {
    let listing = this.#folders.get(root);
    if (!listing) this.#folders.set(root, (listing = describe(root)));
    return listing;
  }

  /** The bytes of `file`, or null when there is no such file. */
  file(file: string): Promise<Uint8Array | null> {
    let bytes = this.#files.get(file);
    if (!bytes) this.#files.set(file, (bytes = readIfFile(file)));
    return bytes;
  }
}

/** The bytes of `file`, or null when it is not a file. */
export async function readIfFile(file: string): Promise<Uint8Array | null> {
  return (await fs.stat(file).catch(() => null))?.isFile() ? fs.readFile(file) : null;
}

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
export async function listTemplateFiles(dirs: TemplateDirs): Promise<TemplateFile[]> {
  const list = (root: string) => dirs.listings?.folder(root) ?? describe(root);
  const [builtIn, overrides] = await Promise.all([list(dirs.templatesDir), list(path.join(dirs.agencyDir, OVERRIDES_FOLDER))]);
  const byName = new Map(builtIn.map((f) => [f.name, f]));
  for (const f of overrides) byName.set(f.name, f);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Changes whenever a file is added, removed, replaced or edited. */
export const fingerprintOf = (files: readonly TemplateFile[]): string =>
  files.map((f) => `${f.name}\0${f.path}\0${f.mtimeMs}\0${f.size}`).join('\n');
