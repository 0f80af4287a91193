/**
 * `nianbao build`: every report of the data folder (or the part chosen by --agency, --year,
 * --shard) through gate → render → print → write, with one lazily launched printer for the whole
 * build, reports that are current skipped, and the portal index and open data written at the end.
 * Signals are the caller's: the CLI turns SIGINT/SIGTERM into an abort of `hooks.signal`.
 */
import fs from 'node:fs/promises';
import pLimit from 'p-limit';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { NianbaoOptions } from '../options.ts';
import { EnvironmentError } from '../environment-error.ts';
import { makeDir } from '../write/make-dir.ts';
import { createStaging, recoverOutput, removeEmptyStagingRoot, type Staging } from '../write/staging.ts';
import { guardWrite } from '../write/write-failure.ts';
import { agencySources } from './agency-sources.ts';
import { SourceCache } from '../load/source-cache.ts';
import { lockOutput } from './output-lock.ts';
import { defaultStages } from './default-stages.ts';
import { fontReport, FontsError, missingFontsMessage, resolveFonts, type FontPlan, type FontReportEntry } from '../fonts/index.ts';
import { buildInputsFingerprint, reportFingerprints } from './fingerprint.ts';
import { handOffLane } from './hand-off-lane.ts';
import { lazyPrinter } from './lazy-printer.ts';
import { planBuild } from './plan.ts';
import { writePortal } from './portal/index.ts';
import type { GroupResult, GroupsOutcome } from '../groups/build-groups.ts';
import { groupsDir } from '../load/discover.ts';
import { silentReporter, type BuildReporter } from './progress.ts';
import { runReport, type ReportResult } from './report-job.ts';
import { TemplateListings } from '../render/html/template-files.ts';
import type { BuildStages, Printer } from './stages.ts';

/** Reports checked for being current at once. */
const CURRENT_CHECKS = 32;

export interface BuildHooks {
  /** Replaces the real stages (tests inject fast stubs here). */
  stages?: BuildStages;
  reporter?: BuildReporter;
  /** Aborting stops the build: no new report starts, the browser closes, temp folders go. */
  signal?: AbortSignal;
  /** Fixes the toolchain part of the fingerprints (tests: edits to src/ meanwhile must not count). */
  toolchain?: string;
  /** The fonts to use instead of resolving them from options.fontsDir and the machine (tests). */
  fonts?: FontPlan;
}

export interface BuildSummary {
  reports: ReportResult[];
  /** Findings not tied to one report: the data folder, bad folder names, unknown --agency ids. */
  diagnostics: Diagnostic[];
  /** Each group's years (data/groups/); empty when the build was narrowed, sharded or interrupted. */
  groups: GroupResult[];
  /** Portal files that changed; null when the portal was not written (a shard build). */
  portal: string[] | null;
  /** Per typeface role, the font the PDFs are set in and, where the official one is missing, a warning. */
  fonts: FontReportEntry[];
  failed: boolean;
  interrupted: boolean;
  durationMs: number;
}

export async function build(options: NianbaoOptions, hooks: BuildHooks = {}): Promise<BuildSummary> {
  const started = performance.now();
  // Fonts and the plan side by side (asking the machine for its fonts is a process of its own);
  // both only read, and --strict-fonts still stops the build before anything is written.
  const [fontPlan, plan] = await Promise.all([hooks.fonts ?? resolveFonts({ fontsDir: options.fontsDir }), planBuild(options)]);
  const fonts = fontReport(fontPlan);
  if (options.strictFonts && fonts.some((f) => f.substituted)) throw new FontsError(missingFontsMessage(fonts));
  const stages = hooks.stages ?? defaultStages(options, Promise.resolve(fontPlan));
  const reporter = hooks.reporter ?? silentReporter;
  const { signal } = hooks;
  const diagnostics = plan.diagnostics;

  await guardWrite(options.outDir, () => makeDir(options.outDir));
  const release = lockOutput(options.outDir);
  // A failure of the machine (a full disk) fails every report alike: the first one stops the build.
  const fatal = new AbortController();
  let fatalError: EnvironmentError | null = null;
  const stop = signal ? AbortSignal.any([signal, fatal.signal]) : fatal.signal;
  let staging: Staging | null = null;
  const printer = lazyPrinter(() => stages.printer());
  const closePrinter = () => printer.close().catch(() => {});
  // Closing the printer makes prints in flight fail at once and refuses later ones, so an abort
  // waits for no print and launches no browser.
  const onAbort = () => void closePrinter();
  stop.addEventListener('abort', onAbort, { once: true });
  // If the process exits before the build winds down (a second Ctrl-C), temp folders still go.
  const onExit = () => {
    staging?.dispose();
    release();
    removeEmptyStagingRoot(options.outDir);
  };
  process.on('exit', onExit);
  try {
    for (const line of await guardWrite(options.outDir, () => recoverOutput(options.outDir))) reporter.note(line);
    staging = await guardWrite(options.outDir, () => createStaging(options.outDir));
    const toolchain = await buildInputsFingerprint(options.templatesDir, fontPlan.digest, hooks.toolchain);
    const fingerprint = reportFingerprints(toolchain);
    // One report more than there are pages, so the next report renders while the others print.
    const buildLimit = pLimit(options.concurrency + 1);
    const sources = agencySources(plan.reports);
    // The groups start once a report has handed its first document to the printer (or every
    // report was found current or failed): their reading, at once, would hold up the first print,
    // for which the browser waits.
    let markUnderWay!: () => void;
    const underWay = new Promise<void>((resolve) => (markUnderWay = resolve));
    const reportPrinter: Printer = {
      ...printer,
      print: (doc, meta) => {
        markUnderWay();
        return printer.print(doc, meta);
      },
    };
    const ctx = { options, stages, printer: reportPrinter, staging, fingerprint, signal: stop, buildLimit, handOff: handOffLane(Math.max(1, options.concurrency)), fonts, templateListings: new TemplateListings() };
    // Whether a report is current takes a few small reads: many at once, so their waits overlap.
    const limit = pLimit(CURRENT_CHECKS);
    reporter.start(plan.reports.length);
    const reportsRun = Promise.all(
      plan.reports.map((planned) =>
        limit(async () => {
          if (stop.aborted) return null;
          reporter.begin(planned);
          try {
            const result = await runReport(planned, { ...ctx, sources: sources.take(planned.agencyId) });
            if (result) reporter.finish(result);
            return result;
          } catch (error) {
            if (!(error instanceof EnvironmentError)) throw error;
            fatalError ??= error;
            fatal.abort();
            return null;
          } finally {
            sources.release(planned.agencyId);
          }
        }),
      ),
    );
    // Groups sum whole agencies: only a build of every agency makes them. They need the data, not
    // the reports' outputs, so they are built alongside the reports and share the printer.
    const groupsRun: Promise<{ outcome: GroupsOutcome } | { error: unknown }> = (async () => {
      const none = { results: [], diagnostics: [] };
      if (options.shard || options.agencies.length) return { outcome: none };
      // The groups' code (their parser, checks and workbook) loads only for a data folder that has groups.
      if (!(await fs.readdir(groupsDir(options.dataDir)).catch(() => [])).length) return { outcome: none };
      await Promise.race([underWay, reportsRun.then(() => undefined, () => undefined)]);
      const { buildGroups } = await import('../groups/build-groups.ts');
      const groupCtx = { options, stages, printer, staging, toolchain, sources: new SourceCache(), agencies: plan.agencies };
      return { outcome: await buildGroups(groupCtx, null, options.years) };
    })().catch((error: unknown) => ({ error }));
    const settled = await reportsRun;
    const reports = settled.filter((r): r is ReportResult => r !== null);
    reporter.stop();
    // Nothing prints once the reports and the groups are done: the browser closes then, not after
    // the portal, whose files (at a province's scale the build's largest) are made meanwhile.
    void groupsRun.then(closePrinter);
    const interrupted = Boolean(signal?.aborted);
    // The portal needs only the reports: it is written while the last group summaries print.
    const portalRun = fatalError || interrupted || options.shard ? null : writePortal(staging, plan.agencies, reports, { review: options.review });
    // Both settle before anything is thrown: neither may still write once the staging goes.
    const [grouped, portalDone] = await Promise.allSettled([groupsRun, portalRun]);
    if (fatalError) throw fatalError;
    if (portalDone.status === 'rejected') throw portalDone.reason;
    const portal = portalDone.value;
    if (grouped.status === 'rejected') throw grouped.reason;
    if ('error' in grouped.value) throw grouped.value.error;
    const groups = stop.aborted ? { results: [], diagnostics: [] } : grouped.value.outcome;
    diagnostics.push(...groups.diagnostics);
    return {
      reports,
      groups: groups.results,
      diagnostics,
      portal,
      fonts,
      failed:
        interrupted ||
        diagnostics.some((d) => d.severity === 'error' || options.strict) ||
        reports.some((r) => r.status !== 'built' && r.status !== 'current') ||
        groups.results.some((g) => g.status === 'failed'),
      interrupted,
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    stop.removeEventListener('abort', onAbort);
    reporter.stop();
    await closePrinter();
    process.off('exit', onExit);
    onExit();
  }
}
