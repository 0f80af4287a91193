/** Builds a rule context from in-memory YAML: the clean fixture's files, edited by string replacement. */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { canRun, type CheckedFile, type ReportContext, type RuleFamily } from '../../../src/check/report-context.ts';
import { parseSource } from '../../../src/load/source-file.ts';
import type { AgencyFile, YearFile } from '../../../src/model/types.ts';
import { validateSource, type FileKind } from '../../../src/validate/index.ts';

const CLEAN = path.resolve(import.meta.dirname, '../../fixtures/clean/data/demo-county');

export const cleanText = (name: 'agency.yaml' | '2022.yaml' | '2023.yaml'): string =>
  fs.readFileSync(path.join(CLEAN, name), 'utf8');

export type Edit = readonly [from: string, to: string];

/** Applies each edit, insisting that its text occurs exactly once. */
export function edit(text: string, edits: readonly Edit[] = []): string {
  return edits.reduce((t, [from, to]) => {
    expect(t.split(from).length - 1, `“${from}” should occur once`).toBe(1);
    return t.replace(from, to);
  }, text);
}

function checked<T>(name: string, text: string, kind: FileKind): CheckedFile<T> {
  const source = parseSource(name, name, text);
  const { soundness } = validateSource(source, kind);
  return { data: source.data as T, source, soundness };
}

export interface ContextEdits {
  report?: readonly Edit[];
  agency?: readonly Edit[];
  /** Edits of last year's file; null leaves it out. */
  previous?: readonly Edit[] | null;
  year?: number;
}

export function contextOf(edits: ContextEdits = {}): ReportContext {
  return {
    year: edits.year ?? 2023,
    report: checked<YearFile>('2023.yaml', edit(cleanText('2023.yaml'), edits.report), 'report'),
    agency: checked<AgencyFile>('agency.yaml', edit(cleanText('agency.yaml'), edits.agency), 'agency'),
    previous: edits.previous === null ? null : checked<YearFile>('2022.yaml', edit(cleanText('2022.yaml'), edits.previous ?? []), 'report'),
  };
}

/** The family's findings as `code@file:line:col`, or null when the family would not run. */
export function findings(family: RuleFamily, ctx: ReportContext): string[] | null {
  if (!canRun(family, ctx)) return null;
  return family.run(ctx).map((d) => `${d.code}@${d.file}:${d.line}:${d.column}`);
}

export const messages = (family: RuleFamily, ctx: ReportContext): string[] => family.run(ctx).map((d) => d.message);
