/**
 * Watches the data folder and the built-in templates and says which reports a change concerns:
 * a year file its own report and the next year's (whose cross-year check reads it); agency.yaml
 * or an agency's template override every year of that agency; a built-in template everything.
 * Changes arriving close together (an editor's save is often several writes) are reported once.
 */
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { AGENCY_FILE, yearOfFile } from '../load/discover.ts';
import { OVERRIDES_FOLDER } from '../render/html/template-files.ts';

export type Affected = { kind: 'everything' } | { kind: 'agency'; agencyId: string } | { kind: 'report'; agencyId: string; years: number[] };

export interface ChangeBatch {
  affected: Affected[];
  /** Files were added or removed: the list of reports may have changed. */
  structural: boolean;
}

const SETTLE_MS = 40;

export function affectedBy(file: string, dataDir: string, templatesDir: string): Affected | null {
  const inTemplates = path.relative(templatesDir, file);
  if (!inTemplates.startsWith('..') && !path.isAbsolute(inTemplates)) return { kind: 'everything' };
  const parts = path.relative(dataDir, file).split(path.sep);
  if (parts[0] === '..' || parts.length < 2) return null;
  const [agencyId, name] = parts as [string, string];
  const year = parts.length === 2 ? yearOfFile(name) : null;
  if (year !== null) return { kind: 'report', agencyId, years: [year, year + 1] };
  if (name === AGENCY_FILE || name === OVERRIDES_FOLDER) return { kind: 'agency', agencyId };
  return null;
}

export interface Watcher {
  ready: Promise<void>;
  close(): Promise<void>;
}

export function watchSources(dataDir: string, templatesDir: string, onChange: (batch: ChangeBatch) => void): Watcher {
  const watcher: FSWatcher = watch([dataDir, templatesDir], { ignoreInitial: true, ignored: (p) => path.basename(p).startsWith('.') });
  let pending: ChangeBatch = { affected: [], structural: false };
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    const batch = pending;
    pending = { affected: [], structural: false };
    if (batch.affected.length || batch.structural) onChange(batch);
  };
  const note = (event: string, file: string) => {
    const affected = affectedBy(path.resolve(file), dataDir, templatesDir);
    if (affected) pending.affected.push(affected);
    if (event === 'add' || event === 'unlink' || event === 'addDir' || event === 'unlinkDir') pending.structural = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, SETTLE_MS);
  };
  watcher.on('all', note);
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      if (timer) clearTimeout(timer);
      await watcher.close();
    },
  };
}
