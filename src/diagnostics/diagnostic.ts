/** A finding of the gate: where it is, how bad, which rule, and what is wrong (in Chinese). */

export type Severity = 'error' | 'warning';

export interface SourcePosition {
  /** Path as given to the loader (relative to the working directory when possible). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
}

export interface Diagnostic extends SourcePosition {
  /** Stable rule code, e.g. `requests-balance`; see rules.ts. */
  code: string;
  severity: Severity;
  message: string;
  /** Other places the finding concerns, e.g. the table cell a narrative number disagrees with. */
  related?: Array<SourcePosition & { message: string }>;
}

/** A set of findings as printers show it: `nianbao check`'s result, a build's gate. */
export interface FindingsReport {
  diagnostics: Diagnostic[];
  failed: boolean;
  errors: number;
  warnings: number;
  /** File as shown in diagnostics → its text, for code frames. */
  sources: Record<string, string>;
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error');

/** Drops repeats of a finding (same place, rule and message), keeping the first. */
export function uniqueDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Orders diagnostics by file, line and column so that output is stable. */
export const sortDiagnostics = (diagnostics: Diagnostic[]): Diagnostic[] =>
  diagnostics.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
