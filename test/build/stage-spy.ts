/**
 * Wraps a build's stages (the real ones, usually) so that every call is recorded — `gate <agency>/<year>`,
 * `web …`, `print …`, `docx …`, `printer`, `mergeSubmission` — without changing what they do. The
 * real stages load their modules and launch the browser only when called, so an empty record means
 * nothing was loaded, rendered or printed.
 */
import type { BuildStages } from '../../src/build/stages.ts';

export function spyOnStages(stages: BuildStages, calls: string[]): BuildStages {
  const record = <T>(entry: string, call: () => T): T => {
    calls.push(entry);
    return call();
  };
  const key = (report: { agencyId: string; year: number }) => `${report.agencyId}/${report.year}`;
  return {
    gate: (input) => record(`gate ${key(input)}`, () => stages.gate(input)),
    web: (model, ctx) => record(`web ${key(model)}`, () => stages.web(model, ctx)),
    print: (model, ctx) => record(`print ${key(model)}`, () => stages.print(model, ctx)),
    docx: (model, ctx) => record(`docx ${key(model)}`, () => stages.docx(model, ctx)),
    printer: () => record('printer', () => stages.printer()),
    mergeSubmission: (letter, report, meta) => record('mergeSubmission', () => stages.mergeSubmission(letter, report, meta)),
  };
}
