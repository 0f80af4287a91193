/**
 * The build's diagnostics exactly as `nianbao check` prints them (the gate's formatter, with code
 * frames of the YAML), followed by the printer's notes per report.
 */
import fs from 'node:fs';
import { sortDiagnostics, uniqueDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { formatDiagnostics } from '../diagnostics/format.ts';
import type { NianbaoOptions } from '../options.ts';
import type { BuildSummary } from './index.ts';

function readSources(diagnostics: readonly Diagnostic[]): Record<string, string> {
  const sources: Record<string, string> = {};
  for (const file of new Set(diagnostics.map((d) => d.file))) {
    try {
      sources[file] = fs.readFileSync(file, 'utf8');
    } catch {
      // A folder or a missing file: the finding is shown without its lines.
    }
  }
  return sources;
}

export function formatBuildDiagnostics(summary: BuildSummary, options: NianbaoOptions): string {
  // An agency.yaml finding comes back with every report of its agency, and a missing agency.yaml
  // from discovery as well: each is shown once (the table still counts it per report).
  const all = sortDiagnostics(uniqueDiagnostics([...summary.diagnostics, ...summary.reports.flatMap((r) => r.diagnostics)]));
  const errors = all.filter((d) => d.severity === 'error').length;
  const parts: string[] = [];
  if (all.length) {
    const failed = errors > 0 || (options.strict && all.length > 0);
    const text = formatDiagnostics(
      { diagnostics: all, errors, warnings: all.length - errors, failed, sources: readSources(all) },
      { ...options, output: { ...options.output, format: 'text' } },
    );
    parts.push(text.trimEnd());
  }
  const notes = summary.reports.flatMap((r) => r.notes.map((note) => `${r.agencyId} ${r.year}：${note}`));
  if (notes.length) parts.push(['打印提示：', ...notes.map((n) => `  ${n}`)].join('\n'));
  return parts.join('\n\n');
}
