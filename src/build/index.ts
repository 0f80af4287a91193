/**
 * `nianbao build`: every report of the data folder (or the part chosen by --agency, --year,
 * --shard) through gate → render → print → write, with one lazily launched printer for the whole
 * build, reports that are current skipped, and the portal index and open data written at the end.
 */
import fs from 'node:fs/promises';
import pLimit from 'p-limit';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { NianbaoOptions } from '../options.ts';
import { createStaging, lockOutput, recoverOutput, removeEmptyStagingRoot, type Staging } from '../write/staging.ts';
import { defaultStages } from './default-stages.ts';
import { toolchainFingerprint } from './fingerprint.ts';
import { planBuild } from './plan.ts';
import { writePortal } from './portal/index.ts';
import { silentReporter, type BuildReporter } from './progress.ts';
import { runReport, type ReportResult } from './report-job.ts';
import type { BuildStages, Printer } from './stages.ts';

export interface BuildHooks {
  /** Replaces the real stages (tests inject fast stubs here). */
  stages?: BuildStages;
  reporter?: BuildReporter;
  /** Aborting stops the build: no new report starts, the browser closes, temp folders go. */
  signal?: AbortSignal;
  /** Fixes the toolchain part of the fingerprints (tests: edits to src/ meanwhile must not count). */
  toolchain?: string;
}

export interface BuildSummary {
  reports: ReportResult[];
  /** Findings not tied to one report: the data folder, bad folder names, unknown --agency ids. */
  diagnostics: Diagnostic[];
  /** Portal files that changed; null when the portal was not written (a shard build). */
  portal: string[] | null;
  failed: boolean;
  interrupted: boolean;
  durationMs: number;
}

/** How long closing the browser may take before the build gives up on it. */
const CLOSE_TIMEOUT_MS = 5000;

export async function build(options: NianbaoOptions, hooks: BuildHooks = {}): Promise<BuildSummary> {
  const started = performance.now();
  const stages = hooks.stages ?? defaultStages(options);
  const reporter = hooks.reporter ?? silentReporter;
  const { signal } = hooks;
  const plan = await planBuild(options);
  const diagnostics = [...plan.diagnostics, ...plan.unknownAgencies.map(unknownAgency(options))];

  await fs.mkdir(options.outDir, { recursive: true });
  const release = lockOutput(options.outDir);
  let staging: Staging | null = null;
  const printer = abortablePrinter(stages.printer(), signal);
  const closePrinter = () => printer.close().catch(() => {});
  // Closing the browser makes any print in flight fail at once, so an abort does not wait for it.
  const onAbort = () => void closePrinter();
  signal?.addEventListener('abort', onAbort, { once: true });
  // If the process exits before the build winds down (a second Ctrl-C), temp folders still go.
  const onExit = () => {
    staging?.dispose();
    release();
    removeEmptyStagingRoot(options.outDir);
  };
  process.on('exit', onExit);
  try {
    for (const line of recoverOutput(options.outDir)) reporter.note(line);
    staging = await createStaging(options.outDir);
    const toolchain = hooks.toolchain ?? (await toolchainFingerprint(options.templatesDir));
    const ctx = { options, stages, printer, staging, toolchain, signal };
    // One report more than there are pages, so the next report renders while the others print.
    const limit = pLimit(options.concurrency + 1);
    reporter.start(plan.reports.length);
    const settled = await Promise.all(
      plan.reports.map((planned) =>
        limit(async () => {
          if (signal?.aborted) return null;
          reporter.begin(planned);
          const result = await runReport(planned, ctx);
          reporter.finish(result);
          return result;
        }),
      ),
    );
    const reports = settled.filter((r): r is ReportResult => r !== null);
    reporter.stop();
    const interrupted = Boolean(signal?.aborted);
    const portal = interrupted || options.shard ? null : await writePortal(staging, plan.agencies, reports);
    return {
      reports,
      diagnostics,
      portal,
      failed:
        interrupted ||
        diagnostics.some((d) => d.severity === 'error' || options.strict) ||
        reports.some((r) => r.status !== 'built' && r.status !== 'current'),
      interrupted,
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    reporter.stop();
    await Promise.race([closePrinter(), new Promise((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref())]);
    process.off('exit', onExit);
    onExit();
  }
}

/**
 * After an abort no print starts (it would launch the browser again) and prints in flight give up
 * at once; their documents are abandoned and the browser closes in the build's `finally`.
 */
function abortablePrinter(printer: Printer, signal: AbortSignal | undefined): Printer {
  const aborted = () => new Error('构建已中断');
  return {
    print(doc, meta) {
      if (!signal) return printer.print(doc, meta);
      if (signal.aborted) return Promise.reject(aborted());
      const printing = printer.print(doc, meta);
      printing.catch(() => {}); // an abandoned print may fail later; nobody waits for it
      return new Promise((resolve, reject) => {
        const onAbort = () => reject(aborted());
        signal.addEventListener('abort', onAbort, { once: true });
        printing.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
    close: () => printer.close(),
  };
}

const unknownAgency =
  (options: NianbaoOptions) =>
  (id: string): Diagnostic => ({
    file: options.dataDir,
    line: 1,
    column: 1,
    severity: 'error',
    code: 'agency-not-found',
    message: `数据目录中没有机关 ${id}（--agency ${id}）`,
  });
