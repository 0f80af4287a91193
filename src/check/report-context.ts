/**
 * What a rule family sees of one report: the parsed files with their positions, and which parts the
 * schema accepted. Families declare the parts they need and run only when those are sound.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { DataPath, SourceFile } from '../load/source-file.ts';
import type { AgencyFile, YearFile } from '../model/types.ts';
import type { Soundness } from '../validate/index.ts';

export interface CheckedFile<T> {
  /** The parsed data; only the parts `soundness` accepts have the declared shape. */
  data: T;
  source: SourceFile;
  soundness: Soundness;
}

export interface ReportContext {
  /** The year of the file name. */
  year: number;
  report: CheckedFile<YearFile>;
  /** Null when agency.yaml is missing or did not parse. */
  agency: CheckedFile<AgencyFile> | null;
  /** Last year's file, when it exists and parsed. */
  previous: CheckedFile<YearFile> | null;
}

export interface RuleNeeds {
  report?: DataPath[];
  agency?: DataPath[];
  previous?: DataPath[];
}

export interface RuleFamily {
  /** For tests and debugging; the codes a family reports are in the registry. */
  name: string;
  needs: RuleNeeds;
  run(ctx: ReportContext): Diagnostic[];
}

const soundIn = (file: CheckedFile<unknown> | null, paths: DataPath[] | undefined) =>
  !paths || (file !== null && paths.every((p) => file.soundness.isSound(p)));

export const canRun = (family: RuleFamily, ctx: ReportContext): boolean =>
  soundIn(ctx.report, family.needs.report) &&
  soundIn(ctx.agency, family.needs.agency) &&
  soundIn(ctx.previous, family.needs.previous);

export const runFamilies = (families: readonly RuleFamily[], ctx: ReportContext): Diagnostic[] =>
  families.filter((f) => canRun(f, ctx)).flatMap((f) => f.run(ctx));

/** The value at `dataPath` of plain parsed data. */
export const valueAt = (data: unknown, dataPath: DataPath): unknown =>
  dataPath.reduce<unknown>((node, key) => (node == null ? undefined : (node as Record<string | number, unknown>)[key]), data);

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
