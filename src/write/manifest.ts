/**
 * The manifest of a report's output folder (`out/<agency>/<year>/manifest.json`): which inputs
 * the outputs were built from (a fingerprint), which files belong to the report with their sizes
 * and hashes, the warnings the gate gave and the report's tables for the portal's open data. It is
 * written into the folder before the folder moves into place, so it always matches its files.
 */
import fs from 'node:fs/promises';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { FontReportEntry } from '../fonts/report.ts';
import type { ReportTables } from '../model/report-tables.ts';

export const MANIFEST_FILE = 'manifest.json';
const MANIFEST_FORMAT = 1;

export interface ManifestFile {
  bytes: number;
  sha256: string;
}

export interface ReportManifest {
  format: typeof MANIFEST_FORMAT;
  agencyId: string;
  agencyName: string;
  year: number;
  title: string;
  /** Hash of every input the outputs depend on; equal fingerprints mean the outputs are current. */
  fingerprint: string;
  files: Record<string, ManifestFile>;
  /** The gate's warnings, shown again when the report is skipped as current. */
  warnings: Diagnostic[];
  /** The fonts the PDFs were set in, per typeface role (absent in manifests of older builds). */
  fonts?: FontReportEntry[];
  tables: ReportTables;
}

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** What a report's build knows about it; the writer adds the format and the files. */
export type ManifestFields = Omit<ReportManifest, 'format' | 'files'>;

/** The manifest of `fields` and `files`, in the current format. */
export function completeManifest(fields: ManifestFields, files: ReadonlyMap<string, Uint8Array>): ReportManifest {
  const described: Record<string, ManifestFile> = {};
  for (const name of [...files.keys()].sort()) {
    const bytes = files.get(name)!;
    described[name] = { bytes: bytes.byteLength, sha256: sha256(bytes) };
  }
  return { format: MANIFEST_FORMAT, ...fields, files: described };
}

/**
 * Reads the manifest.json of a folder — a report's, or another kind's such as a group's — in
 * format `format`; null when it is missing, unreadable or of another format.
 */
export async function readManifestFile<T extends { format: number; fingerprint: string }>(folder: string, format: T['format']): Promise<T | null> {
  try {
    // Synchronous on purpose, as in filesPresent: see ../build/fingerprint.ts.
    const parsed = JSON.parse(readFileSync(path.join(folder, MANIFEST_FILE), 'utf8')) as T;
    return parsed.format === format && typeof parsed.fingerprint === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/** Reads a report folder's manifest; null when it is missing, unreadable or of another format. */
export const readManifest = (folder: string): Promise<ReportManifest | null> => readManifestFile<ReportManifest>(folder, MANIFEST_FORMAT);

/** Cheap check that the files a manifest lists are still there with their sizes (no hashing). */
export async function filesPresent(folder: string, manifest: Pick<ReportManifest, 'files'>): Promise<boolean> {
  return Object.entries(manifest.files).every(([name, file]) => {
    const stat = statSync(path.join(folder, name), { throwIfNoEntry: false });
    return stat?.isFile() === true && stat.size === file.bytes;
  });
}

/** Full check: the folder holds exactly the manifest's files, each with its hash. */
export async function verifyFolder(folder: string): Promise<string[]> {
  const manifest = await readManifest(folder);
  if (!manifest) return [`${folder}: 缺少或无法读取 ${MANIFEST_FILE}`];
  const problems: string[] = [];
  const present = (await fs.readdir(folder)).filter((n) => n !== MANIFEST_FILE).sort();
  const listed = Object.keys(manifest.files).sort();
  for (const name of present) if (!listed.includes(name)) problems.push(`${folder}: 多出文件 ${name}`);
  for (const name of listed) {
    const bytes = await fs.readFile(path.join(folder, name)).catch(() => null);
    if (!bytes) problems.push(`${folder}: 缺少文件 ${name}`);
    else if (sha256(bytes) !== manifest.files[name]!.sha256) problems.push(`${folder}: ${name} 与清单不符`);
  }
  return problems;
}
