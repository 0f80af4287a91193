/** One document through the loader and the gate, with what every outcome must satisfy. */
import path from 'node:path';
import { expect } from 'vitest';
import { checkReport } from '../../src/check/index.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { RULES } from '../../src/diagnostics/rules.ts';
import { parseSource, type SourceFile } from '../../src/load/source-file.ts';
import { resolveOptions } from '../../src/options.ts';
import { SEEDS } from './documents.ts';

const options = resolveOptions({ output: { color: false } });
const AGENCY_DIR = path.resolve('/nonexistent/demo');
const source = (name: string, text: string): SourceFile => parseSource(name, path.join(AGENCY_DIR, name), text);
const agencySeed = source('agency.yaml', SEEDS.find((s) => s.kind === 'agency')!.text);
const reportSeed = source('2023.yaml', SEEDS.find((s) => s.kind === 'report' && /^year: 2023$/m.test(s.text))!.text);

/** Every finding is well formed: a registered code, a Chinese message, a position inside its file. */
function expectWellFormed(file: SourceFile, diagnostics: readonly Diagnostic[]) {
  const lineCount = file.text.split('\n').length;
  // Plain checks, not expect(): this runs some 50,000 times per run. A bad one fails with `expect` below.
  for (const d of diagnostics) {
    const inFile = d.file !== file.file || (d.line >= 1 && d.line <= Math.max(1, lineCount) && d.column >= 1);
    if (!(d.code in RULES) || !/[\u4e00-\u9fff]/.test(d.message) || !inFile) expect(d).toBe('a registered code, a Chinese message, a position in the file');
  }
}

/**
 * Loads `text` as an agency or year file and gates it with a sound partner file (the year file
 * is also its own previous year, so the cross-year rules run too). Throws only when the loader
 * or the gate does, or when an outcome breaks the rules above.
 */
export async function gateDocument(kind: 'agency' | 'report', text: string): Promise<void> {
  const file = source(kind === 'agency' ? 'agency.yaml' : '2023.yaml', text);
  const result = await checkReport(
    {
      agencyId: 'demo',
      year: 2023,
      agencyDir: AGENCY_DIR,
      agency: kind === 'agency' ? file : agencySeed,
      report: kind === 'report' ? file : reportSeed,
      previous: kind === 'report' ? file : null,
    },
    options,
  );
  expectWellFormed(file, result.diagnostics);
  // A model exactly when there is no error.
  expect(result.model === null).toBe(result.diagnostics.some((d) => d.severity === 'error'));
}

/** Generous: the runs are counted, not timed; a slow machine must not fail them. */
export const PROPERTY_TIMEOUT_MS = 300_000;
