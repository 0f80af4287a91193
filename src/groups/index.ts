/**
 * `nianbao summary <group-id>`: one group's 汇总 reports and review dashboards, outside a full
 * build. Writes like `build` does (locked output, staged folders, one lazily launched printer).
 * `npm run build` builds every group through {@link buildGroups} as its last step.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { defaultStages } from '../build/default-stages.ts';
import { buildInputsFingerprint } from '../build/fingerprint.ts';
import { lazyPrinter } from '../build/lazy-printer.ts';
import type { BuildStages } from '../build/stages.ts';
import { resolveFonts } from '../fonts/index.ts';
import { discoverData } from '../load/discover.ts';
import { SourceCache } from '../load/source-cache.ts';
import type { NianbaoOptions } from '../options.ts';
import { lockOutput } from '../build/output-lock.ts';
import { makeDir } from '../write/make-dir.ts';
import { createStaging, recoverOutput, removeEmptyStagingRoot, type Staging } from '../write/staging.ts';
import { guardWrite } from '../write/write-failure.ts';
import { buildGroups, type GroupResult } from './build-groups.ts';

export interface SummaryRequest {
  groupId: string;
  /** Only these years; empty: every year a member has a file for. */
  years?: number[];
}

export interface SummaryOutcome {
  results: GroupResult[];
  diagnostics: Diagnostic[];
  /** A group file error, a failing member or a broken sum: no summary for some year asked for. */
  failed: boolean;
}

export async function summarize(
  options: NianbaoOptions,
  request: SummaryRequest,
  hooks: { stages?: BuildStages; toolchain?: string } = {},
): Promise<SummaryOutcome> {
  const fontPlan = await resolveFonts({ fontsDir: options.fontsDir });
  const stages = hooks.stages ?? defaultStages(options, Promise.resolve(fontPlan));
  const folder = await discoverData(options.dataDir);
  // As in a build: made one level at a time, a write failure an environment error, never a hang.
  await guardWrite(options.outDir, () => makeDir(options.outDir));
  const release = lockOutput(options.outDir);
  const printer = lazyPrinter(() => stages.printer());
  let staging: Staging | null = null;
  try {
    await guardWrite(options.outDir, () => recoverOutput(options.outDir));
    staging = await guardWrite(options.outDir, () => createStaging(options.outDir));
    const toolchain = await buildInputsFingerprint(options.templatesDir, fontPlan.digest, hooks.toolchain);
    const ctx = { options, stages, printer, staging, toolchain, sources: new SourceCache(), agencies: folder.agencies };
    const outcome = await buildGroups(ctx, [request.groupId], request.years ?? []);
    const failed =
      outcome.diagnostics.some((d) => d.severity === 'error') ||
      outcome.results.length === 0 ||
      outcome.results.some((r) => r.status === 'failed' || !r.summary);
    return { ...outcome, failed };
  } finally {
    await printer.close().catch(() => {});
    staging?.dispose();
    release();
    removeEmptyStagingRoot(options.outDir);
  }
}

export { buildGroups, type GroupResult, type GroupStatus } from './build-groups.ts';
