/**
 * Importing each of the five published reports (test/fixtures/published) reproduces the example
 * data transcribed from it (data/): every table cell, and every narrative paragraph after
 * whitespace normalisation. The one difference allowed is an editorial correction the data file
 * itself documents in its header.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importInto, readYaml, repo, tableCells, tempDataDir } from './helpers.ts';

interface Seed {
  agency: string;
  year: number;
  file: string;
  /** Corrections the data file's header records as made by hand: [field, printed, corrected]. */
  corrections?: Array<[string, string, string]>;
}

const SEEDS: readonly Seed[] = [
  { agency: 'shenmu', year: 2023, file: 'shenmu-2023-letter-and-report.txt' },
  { agency: 'jinjie', year: 2023, file: 'jinjie-2023-numbered-report.txt' },
  // “对照政府网站管理规范 and 标准要求”: the data file records restoring 和 for the extracted “and”.
  { agency: 'shizuishan-office', year: 2023, file: 'shizuishan-office-2023.txt', corrections: [['problems', '规范 and 标准', '规范和标准']] },
  { agency: 'xinxiang-office', year: 2023, file: 'xinxiang-office-2023.txt' },
  { agency: 'shuozhou-office', year: 2024, file: 'shuozhou-office-2024.txt' },
];

const NARRATIVE = [
  'preamble',
  'overview.intro',
  'overview.subheads',
  ...['proactive', 'onRequest', 'management', 'platform', 'oversight'].flatMap((k) => [`overview.${k}.title`, `overview.${k}.text`]),
  'problems',
  'otherMatters',
  'signature.date',
  'letter.signature.date',
  'document.number.year',
  'document.number.number',
  'document.opening',
  'document.closing',
];

const at = (data: unknown, dotted: string): unknown => dotted.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], data);

/** Paragraphs with runs of whitespace made one space. */
const paragraphs = (value: unknown) =>
  typeof value === 'string' ? value.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean) : value;

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

// The first import compiles the gate's schemas: slow on a busy machine.
describe('importing the published reports', { timeout: 120_000 }, () => {
  it.each(SEEDS.map((s) => [`${s.file} → data/${s.agency}/${s.year}.yaml`, s] as const))('%s', async (_title, seed) => {
    const { dir, remove } = await tempDataDir();
    cleanup = remove;
    const summary = await importInto(dir, { paths: [path.join(repo, 'test/fixtures/published', seed.file)], agency: seed.agency });
    const [file] = summary.files;
    expect(file!.status, file!.message).toBe('imported');
    expect(file!.year).toBe(seed.year);

    const imported = await readYaml(path.join(dir, seed.agency, `${seed.year}.yaml`));
    const data = await readYaml(path.join(repo, 'data', seed.agency, `${seed.year}.yaml`));
    expect(Object.fromEntries(tableCells(imported))).toEqual(Object.fromEntries(tableCells(data)));

    for (const [field, printed, corrected] of seed.corrections ?? []) {
      const text = at(imported, field) as string;
      expect(text).toContain(printed);
      (imported as Record<string, unknown>)[field] = text.replace(printed, corrected);
    }
    for (const field of NARRATIVE) expect(paragraphs(at(imported, field)), field).toEqual(paragraphs(at(data, field)));

    // What the report says about the agency (its 简称 is never printed as such).
    const agency = await readYaml(path.join(dir, seed.agency, 'agency.yaml'));
    const { shortName: _, ...expectedAgency } = await readYaml(path.join(repo, 'data', seed.agency, 'agency.yaml'));
    expect(agency).toEqual(expectedAgency);

    // The published tables are consistent: the gate finds nothing wrong with the import.
    expect(file!.check!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
