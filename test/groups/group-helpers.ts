/** The groups of data/ and of test/fixtures, loaded and checked as the build does it. */
import path from 'node:path';
import { discoverData } from '../../src/load/discover.ts';
import { SourceCache } from '../../src/load/source-cache.ts';
import { loadGroup, type GroupData, type GroupFile } from '../../src/groups/group-file.ts';
import { groupYear, type GroupYear } from '../../src/groups/group-year.ts';
import { resolveOptions } from '../../src/options.ts';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const EXAMPLES = path.join(REPO, 'data');
export const fixtureData = (name: string): string => path.join(REPO, 'test', 'fixtures', name, 'data');

export async function loadGroupYear(dataDir: string, groupId: string, year: number): Promise<GroupYear> {
  const options = resolveOptions({ dataDir, outDir: path.join(dataDir, '..', 'out'), output: { color: false } });
  const folder = await discoverData(dataDir);
  const file = await loadGroup(dataDir, groupId, folder.agencies);
  if (!('source' in file) || !file.data) throw new Error(`group ${groupId} does not load`);
  const out = path.join(options.outDir, 'groups', groupId, String(year));
  return groupYear(file as GroupFile & { data: GroupData }, year, out, folder.agencies, options, new SourceCache());
}
