/**
 * One report through the pipeline: skip it when its outputs are current, otherwise gate → render
 * → print → write. Every failure is caught and becomes the report's result, so one bad report
 * never stops the others — except a failure of the machine (EnvironmentError), which stops the build.
 */
import { EnvironmentError } from '../environment-error.ts';
import { loadReportInput } from '../load/report-input.ts';
import type { SourceCache } from '../load/source-cache.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { FontReportEntry } from '../fonts/index.ts';
import type { NianbaoOptions } from '../options.ts';
import { filesPresent, readManifest, type ReportManifest } from '../write/manifest.ts';
import { reportFolder, writeReportFolder } from '../write/report-folder.ts';
import type { Staging } from '../write/staging.ts';
import { guardWrite } from '../write/write-failure.ts';
import type { ReportFingerprint } from './fingerprint.ts';
import type { PlannedReport } from './plan.ts';
import { tablesOf } from '../model/report-tables.ts';
import type { TemplateListings } from '../render/html/template-files.ts';
import { renderOutputs } from './render-outputs.ts';
import { timed, type BuildStages, type Printer, type StageTimings } from './stages.ts';

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
}

const agencyNameOf = (data: unknown, fallback: string): string => {
  const name = (data as { name?: unknown } | null | undefined)?.name;
  return typeof name === 'string' && name ? name : fallback;
};

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
  const limit = ctx.buildLimit ?? ((work) => work());
  return limit(async () => (ctx.signal?.aborted ? null : buildReport(planned, ctx, result, fingerprint, done)));
}

async function buildReport(
  planned: PlannedReport,
  ctx: JobContext,
  result: ReportResult,
  fingerprint: string,
  done: (status: ReportStatus) => ReportResult,
): Promise<ReportResult> {
  const { options } = ctx;
  const folder = reportFolder(options.outDir, planned.agencyId, planned.year);
  try {
    const input = await timed(result.stageMs, 'load', () => loadReportInput(planned.agencyDir, planned.year, ctx.sources, planned.file));
    result.agencyName = agencyNameOf(input.agency?.data, result.agencyName);
    const gate = await timed(result.stageMs, 'gate', () => ctx.stages.gate(input));
    result.diagnostics = gate.diagnostics;
    const warnings = gate.diagnostics.filter((d) => d.severity === 'warning');
    if (!gate.model || (options.strict && warnings.length)) return done('failed');
    const model = gate.model;
    result.agencyName = model.agency.name;

    const rendered = await renderOutputs(model, ctx.stages, ctx.printer, {
      templatesDir: options.templatesDir,
      agencyDir: planned.agencyDir,
      listings: ctx.templateListings,
    }, fingerprint, result.stageMs);
    result.notes = rendered.notes;
    if (ctx.signal?.aborted) return done('interrupted');

    const manifest = {
      agencyId: planned.agencyId,
      agencyName: model.agency.name,
      year: planned.year,
      title: model.title,
      fingerprint,
      warnings,
      fonts: ctx.fonts,
      tables: tablesOf(model),
    };
    result.published = await timed(result.stageMs, 'write', () => guardWrite(folder, () => writeReportFolder(ctx.staging, rendered.files, manifest)));
    result.written = Object.keys(result.published.files);
    return done('built');
  } catch (error) {
    // The machine failed, not this report: the build stops and says so (exit 3).
    if (error instanceof EnvironmentError) throw error;
    if (ctx.signal?.aborted) return done('interrupted');
    result.error = error instanceof Error ? error.message : String(error);
    return done('failed');
  }
}
