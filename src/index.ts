/**
 * nianbao's programmatic API. The pipeline, stage by stage:
 *   load (src/load) → validate (src/validate) → check arithmetic (src/check) → model (src/model)
 *   → render HTML and DOCX (src/render) → print PDF (src/print) → write (src/write),
 * driven per report by src/build. The CLI (src/cli) is a thin shell over these exports.
 */
export { resolveOptions, parseShard, type NianbaoOptions, type NianbaoOptionsInput } from './options.ts';
export { check, type CheckSummary } from './check/index.ts';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.ts';
export type { ReportModel } from './model/report-model.ts';
export type { AgencyFile, YearFile } from './model/types.ts';
export { build, type BuildHooks, type BuildSummary } from './build/index.ts';
export type { ReportResult, ReportStatus } from './build/report-job.ts';
export type { BuildStages, OutputName, StageTimings } from './build/stages.ts';
export { createReporter, type BuildReporter } from './build/progress.ts';
export { formatBuildSummary } from './build/summary.ts';
export { shardAgencies } from './build/plan.ts';
export { assemblePortal, PortalInputError, type PortalRequest, type PortalSummary } from './build/portal/assemble.ts';
export { create, CreateError, type CreateRequest, type CreateResult } from './create/index.ts';
export { serve, type PreviewServer, type ServeHooks } from './serve/index.ts';
export { importReports, ImportError, type ImportRequest, type ImportSummary, type ImportedFile, type ImportStatus } from './import/index.ts';
export { formatImportSummary, dryRunYaml } from './import/summary.ts';
export type { ImportedDocument, DocumentBlock, SourceFormat } from './import/document.ts';
export { summarize, type SummaryOutcome, type SummaryRequest } from './groups/index.ts';
export type { GroupResult, GroupStatus } from './groups/build-groups.ts';
