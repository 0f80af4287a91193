/**
 * The portal's own manifest (`out/manifest.json`): a hash of everything the portal files are made
 * from — each listed report's fingerprint, files and check status — and the portal files' sizes.
 * When both still match, the portal is current and is not generated again: at a province's scale
 * tables.csv alone is tens of megabytes, which a no-op build should neither make nor compare.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../../write/manifest.ts';
import type { PortalEntry } from './portal-entries.ts';

export const PORTAL_MANIFEST = 'manifest.json';
const FORMAT = 1;

interface PortalManifest {
  format: typeof FORMAT;
  /** Hash of the portal's inputs. */
  inputs: string;
  files: Record<string, { bytes: number }>;
}

/** What the portal files depend on besides the code that makes them (which every report fingerprint covers). */
export function portalInputs(entries: readonly PortalEntry[], generator: string): string {
  const lines = entries.map((e) =>
    JSON.stringify([
      e.agencyId,
      e.agencyName,
      e.year,
      e.check,
      e.warnings,
      e.errors,
      e.manifest?.fingerprint ?? null,
      e.manifest ? Object.entries(e.manifest.files).map(([name, f]) => `${name}:${f.sha256}`) : null,
    ]),
  );
  return sha256([generator, ...lines].join('\n'));
}

/** True when `out/` holds the portal of these inputs, every file with its recorded size. */
export async function portalCurrent(outDir: string, inputs: string, names: readonly string[]): Promise<boolean> {
  let manifest: PortalManifest;
  try {
    manifest = JSON.parse(await fs.readFile(path.join(outDir, PORTAL_MANIFEST), 'utf8')) as PortalManifest;
  } catch {
    return false;
  }
  if (manifest.format !== FORMAT || manifest.inputs !== inputs) return false;
  const sizes = await Promise.all(names.map((n) => fs.stat(path.join(outDir, n)).then((s) => s.size, () => -1)));
  return names.every((n, i) => manifest.files[n]?.bytes === sizes[i]);
}

export async function portalManifestText(outDir: string, inputs: string, names: readonly string[]): Promise<string> {
  const files: PortalManifest['files'] = {};
  for (const name of names) files[name] = { bytes: (await fs.stat(path.join(outDir, name))).size };
  return `${JSON.stringify({ format: FORMAT, inputs, files } satisfies PortalManifest, null, 2)}\n`;
}
