/**
 * One report through the pipeline: skip it when its outputs are current, otherwise gate → render
 * → print → write (./report-build.ts). Every failure is caught and becomes the report's result, so one bad report
 * never stops the others — except a failure of the machine (EnvironmentError), which stops the build.
 */
import type { SourceCache } from '../load/source-cache.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { FontReportEntry } from '../fonts/index.ts';
import type { NianbaoOptions } from '../options.ts';
import { filesPresent, readManifest, type ReportManifest } from '../write/manifest.ts';
import { reportFolder } from '../write/report-folder.ts';
import type { Staging } from '../write/staging.ts';
import type { ReportFingerprint } from './fingerprint.ts';
import type { PlannedReport } from './plan.ts';
import type { TemplateListings } from '../render/html/template-files.ts';
import type { HandOffLane } from './hand-off-lane.ts';
import type { BuildStages, Printer, StageTimings } from './stages.ts';

export type ReportStatus = 'built' | 'current' | 'failed' | 'interrupted';

export interface ReportResult {
  agencyId: string;
  year: number;
  agencyName: string;
  status: ReportStatus;
  /** Files written by this build (empty when skipped or failed). */
  written: string[];
  /** The gate's findings; for a report skipped as current, the warnings it had when built. */
  diagnostics: Diagnostic[];
  /** The printer's notes. */
  notes: string[];
  /** Why rendering, printing or writing failed, in Chinese. */
  error: string | null;
  /** The manifest of what `out/` now holds for the report (the previous output when this build failed). */
  published: ReportManifest | null;
  durationMs: number;
  /** Time spent in each stage; empty for a report skipped as current. */
  stageMs: StageTimings;
}

/** A report's errors and warnings as the progress and the summary show them: the printer's notes count as warnings. */
export function findingCounts(r: ReportResult): { errors: number; warnings: number } {
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: r.diagnostics.length - errors + r.notes.length };
}

export interface JobContext {
  options: NianbaoOptions;
  stages: BuildStages;
  printer: Printer;
  staging: Staging;
  fingerprint: ReportFingerprint;
  /** The build's data files, each read and parsed once. */
  sources: SourceCache;
  /** The build's fonts, recorded in each manifest. */
  fonts: FontReportEntry[];
  signal?: AbortSignal;
  /** The build's template folder listings: the templates do not change while it runs. */
  templateListings?: TemplateListings;
  /**
   * Bounds the reports being built (rendered, printed, written) at once; the check whether a
   * report is current runs outside it, so a build of many current reports is not held to the
   * printer's pace.
   */
  buildLimit?: <T>(work: () => Promise<T>) => Promise<T>;
  /** At the start of a build, held by a report from reading its data until it hands its first document to the printer. */
  handOff?: HandOffLane;
}

/** Null when the build was aborted before this report's turn to be built came. */
export async function runReport(planned: PlannedReport, ctx: JobContext): Promise<ReportResult | null> {
  const started = performance.now();
  const { options } = ctx;
  const folder = reportFolder(options.outDir, planned.agencyId, planned.year);
  const [fingerprint, previous] = await Promise.all([
    ctx.fingerprint(planned.agencyDir, planned.year),
    readManifest(folder),
  ]);
  const result: ReportResult = {
    agencyId: planned.agencyId,
    year: planned.year,
    agencyName: previous?.agencyName ?? planned.agencyId,
    status: 'failed',
    written: [],
    diagnostics: [],
    notes: [],
    error: null,
    published: previous,
    durationMs: 0,
    stageMs: {},
  };
  const done = (status: ReportStatus): ReportResult =>
    Object.assign(result, { status, durationMs: Math.round(performance.now() - started) });

  const current =
    !options.force &&
    previous?.fingerprint === fingerprint &&
    !(options.strict && previous.warnings.length > 0) &&
    (await filesPresent(folder, previous));
  if (current) {
    result.diagnostics = previous.warnings;
    return done('current');
  }
  // The browser starts while this report is read, checked and rendered: its launch is off the
  // path to the first print. The report waits only for the printing code to load, so that the
  // browser starts before the work of reading and checking takes the process.
  await ctx.printer.warm?.();
  const limit = ctx.buildLimit ?? ((work) => work());
  return limit(async () => {
    if (ctx.signal?.aborted) return null;
    const { buildReport } = await import('./report-build.ts');
    return buildReport(planned, ctx, result, fingerprint, done);
  });
}
