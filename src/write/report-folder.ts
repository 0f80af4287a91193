/**
 * Writes a report's outputs as one unit: every file goes into a staging folder outside `out/`,
 * then the folder replaces `out/<agency>/<year>` with renames. An interruption at any point leaves
 * either the previous folder or the new one in place (see recoverOutput for the one gap).
 */
import fs from 'node:fs';
import path from 'node:path';
import { makeDirSync } from './make-dir.ts';
import { asideDir, asideName, type Staging } from './staging.ts';
import { completeManifest, MANIFEST_FILE, type ManifestFields, type ReportManifest } from './manifest.ts';

export const reportFolder = (outDir: string, agencyId: string, year: number): string =>
  path.join(outDir, agencyId, String(year));

export async function writeReportFolder(
  staging: Staging,
  files: ReadonlyMap<string, Uint8Array>,
  manifest: ManifestFields,
): Promise<ReportManifest> {
  const dir = await staging.makeDir(asideName(manifest.agencyId, manifest.year));
  await Promise.all([...files].map(([name, bytes]) => fs.promises.writeFile(path.join(dir, name), bytes)));
  const complete = completeManifest(manifest, files);
  await fs.promises.writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(complete, null, 2)}\n`);
  commitFolder(staging.outDir, dir, manifest.agencyId, manifest.year);
  return complete;
}

/**
 * Moves a finished folder into place. Synchronous on purpose: a signal handler cannot run between
 * the two renames, so only a SIGKILL or a power cut can stop it halfway, and recoverOutput
 * repairs that on the next run.
 */
export function commitFolder(outDir: string, ready: string, agencyId: string, year: number): void {
  const target = reportFolder(outDir, agencyId, year);
  makeDirSync(path.dirname(target));
  const parked = path.join(asideDir(outDir), asideName(agencyId, year));
  let hadPrevious = false;
  try {
    makeDirSync(path.dirname(parked));
    fs.rmSync(parked, { recursive: true, force: true });
    fs.renameSync(target, parked);
    hadPrevious = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    fs.renameSync(ready, target);
  } catch (error) {
    // The new folder could not move in: the previous one goes back, so out/ never loses a report.
    if (hadPrevious) fs.renameSync(parked, target);
    throw error;
  }
  if (hadPrevious) fs.rmSync(parked, { recursive: true, force: true });
}
