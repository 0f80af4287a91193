/**
 * Building one report that is not current: load → gate → render → print → write. Loaded only when
 * a build has such a report, so a build whose reports are all current never loads the parsers,
 * the schemas, the checks or the renderers.
 */
import { EnvironmentError } from '../environment-error.ts';
import { agencyNameOf, loadReportInput } from '../load/report-input.ts';
import { tablesOf } from '../model/report-tables.ts';
import { reportFolder, writeReportFolder } from '../write/report-folder.ts';
import { guardWrite } from '../write/write-failure.ts';
import type { PlannedReport } from './plan.ts';
import { renderOutputs } from './render-outputs.ts';
import type { JobContext, ReportResult, ReportStatus } from './report-job.ts';
import type { Printer } from './stages.ts';
import { timed } from './stages.ts';

export async function buildReport(
  planned: PlannedReport,
  ctx: JobContext,
  result: ReportResult,
  fingerprint: string,
  done: (status: ReportStatus) => ReportResult,
): Promise<ReportResult> {
  const { options } = ctx;
  const folder = reportFolder(options.outDir, planned.agencyId, planned.year);
  const leave = ctx.handOff ? await ctx.handOff.enter() : () => {};
  const printer: Printer = {
    ...ctx.printer,
    print: (doc, meta) => {
      leave();
      return ctx.printer.print(doc, meta);
    },
  };
  try {
    const input = await timed(result.stageMs, 'load', () => loadReportInput(planned.agencyDir, planned.year, ctx.sources, planned.file));
    result.agencyName = agencyNameOf(input.agency?.data, result.agencyName);
    const gate = await timed(result.stageMs, 'gate', () => ctx.stages.gate(input));
    result.diagnostics = gate.diagnostics;
    const warnings = gate.diagnostics.filter((d) => d.severity === 'warning');
    if (!gate.model || (options.strict && warnings.length)) return done('failed');
    const model = gate.model;
    result.agencyName = model.agency.name;

    const rendered = await renderOutputs(model, ctx.stages, printer, {
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
  } finally {
    leave();
  }
}
