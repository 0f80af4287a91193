/**
 * A group's year folder, `out/groups/<group-id>/<year>/`: written as one unit like a report's
 * folder (staged beside `out/`, moved in with renames) with a manifest of its inputs' fingerprint,
 * so an unchanged group is skipped without gating, rendering or printing anything.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILE, readManifestFile, sha256, type ManifestFile } from '../write/manifest.ts';
import { commitFolder } from '../write/report-folder.ts';
import type { Staging } from '../write/staging.ts';
import { GROUPS_FOLDER } from '../load/discover.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { MemberStatus } from './member-reports.ts';

export interface MemberCheck {
  agencyId: string;
  agencyName: string;
  status: MemberStatus;
  diagnostics: Diagnostic[];
}

const GROUP_MANIFEST_FORMAT = 1;

export interface GroupManifest {
  format: typeof GROUP_MANIFEST_FORMAT;
  groupId: string;
  groupName: string;
  year: number;
  fingerprint: string;
  /** Whether the 汇总 report was made (every member that has a file passed). */
  summary: boolean;
  /** Each member's check, shown again when the folder is current. */
  members: MemberCheck[];
  files: Record<string, ManifestFile>;
}

/** The folder key under `out/`, as commitFolder and the staging's aside names take it. */
export const groupFolderKey = (groupId: string): string => `${GROUPS_FOLDER}/${groupId}`;

export const groupFolder = (outDir: string, groupId: string, year: number): string =>
  path.join(outDir, GROUPS_FOLDER, groupId, String(year));

export const readGroupManifest = (folder: string): Promise<GroupManifest | null> =>
  readManifestFile<GroupManifest>(folder, GROUP_MANIFEST_FORMAT);

export async function writeGroupFolder(
  staging: Staging,
  files: ReadonlyMap<string, Uint8Array>,
  fields: Omit<GroupManifest, 'format' | 'files'>,
): Promise<GroupManifest> {
  const key = groupFolderKey(fields.groupId);
  const dir = await staging.makeDir(`group-${fields.groupId}-${fields.year}`);
  const described: GroupManifest['files'] = {};
  for (const name of [...files.keys()].sort()) {
    const bytes = files.get(name)!;
    described[name] = { bytes: bytes.byteLength, sha256: sha256(bytes) };
    await fs.writeFile(path.join(dir, name), bytes);
  }
  const manifest: GroupManifest = { format: GROUP_MANIFEST_FORMAT, ...fields, files: described };
  await fs.writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  commitFolder(staging.outDir, dir, key, fields.year);
  return manifest;
}
