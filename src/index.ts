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
