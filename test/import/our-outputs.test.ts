/**
 * Round trip through our own outputs. First the readers: every example agency built with the real pipeline (browser
 * PDF, DOCX, portal page), each file read back through format sniffing, and every table row
 * and narrative paragraph of the example's data found again — tables cell for cell. The DOCX
 * exported to PDF by LibreOffice gives a second PDF producer with its own layout, rules and
 * spacing (skipped, with a note, where LibreOffice is not installed; CI installs it). Then the
 * whole import: each of those files imported through the API gives back the example's year
 * file — every table cell, and the narrative after white space normalisation.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { readDocument, sniffFormat } from '../../src/import/read/index.ts';
import { resolveOptions } from '../../src/options.ts';
import { convertToPdf, findSoffice } from '../render/docx/libreoffice.ts';
import { DATA_DIR, exampleAgencyIds, loadExample } from '../render/html/example-reports.ts';
import { parse } from 'yaml';
import { expectNarrative, expectTables } from './read/expected-content.ts';
import { importInto, tableCells, tempDataDir } from './helpers.ts';

let outDir: string;
const soffice = findSoffice();
if (!soffice) console.warn('未找到 LibreOffice（soffice）：跳过读取 LibreOffice 导出的 PDF。');
const OUTPUTS = [
  ['report.pdf', 'pdf'],
  ['report.docx', 'docx'],
  ['index.html', 'html'],
] as const;
const noTextReader = async (): Promise<never> => {
  throw new Error('our outputs are never read as plain text');
};

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-import-read-'));
  const summary = await build(resolveOptions({ dataDir: DATA_DIR, outDir, concurrency: 2, output: { quiet: true } }));
  expect(summary.failed).toBe(false);
  if (soffice) {
    const docx = exampleAgencyIds().map((id) => {
      const copy = path.join(outDir, 'libreoffice', `${id}.docx`);
      fs.mkdirSync(path.dirname(copy), { recursive: true });
      fs.copyFileSync(path.join(outDir, id, String(loadExample(id).year), 'report.docx'), copy);
      return copy;
    });
    convertToPdf(soffice, docx, path.join(outDir, 'libreoffice'));
  }
}, 420_000);

afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe.each(exampleAgencyIds())('%s', (agencyId) => {
  const example = loadExample(agencyId);
  it.each(OUTPUTS)('%s gives back every table cell and paragraph', async (name, format) => {
    const file = path.join(outDir, agencyId, String(example.year), name);
    const bytes = new Uint8Array(fs.readFileSync(file));
    expect(sniffFormat(file, bytes)).toBe(format);
    const doc = await readDocument(file, bytes, noTextReader);
    expect(doc.format).toBe(format);
    expectTables(doc, example.model);
    expectNarrative(doc, example.model);
    // The title names agency and year, for the interpreter to infer them from.
    const first = doc.blocks.find((b) => b.kind === 'paragraph');
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.text.includes(String(example.year)) && b.text.includes('报告'))).toBe(true);
    expect(first).toBeDefined();
  }, 180_000);

  it.skipIf(!soffice)('the DOCX exported to PDF by LibreOffice gives back every table cell and paragraph', async () => {
    const file = path.join(outDir, 'libreoffice', `${agencyId}.pdf`);
    const doc = await readDocument(file, new Uint8Array(fs.readFileSync(file)), noTextReader);
    expect(doc.format).toBe('pdf');
    expectTables(doc, example.model);
    expectNarrative(doc, example.model);
  }, 180_000);
});

const OVERVIEW_ITEMS = ['proactive', 'onRequest', 'management', 'platform', 'oversight'] as const;
const squashed = (text: unknown) => String(text ?? '').replace(/\s+/gu, '');
/** A sub-head's closing punctuation is layout: run in it needs one, on its own line it may not. */
const headingText = (text: unknown) => squashed(text).replace(/[：:。.]$/u, '');
describe.each(exampleAgencyIds())('importing %s', (agencyId) => {
  const example = loadExample(agencyId);
  const cases = [...OUTPUTS.map(([name, format]) => [name, format] as const), ...(soffice ? [['libreoffice', 'libreoffice'] as const] : [])];
  it.each(cases)('%s gives back the year file: every table cell and the narrative', async (name, kind) => {
    const file = kind === 'libreoffice' ? path.join(outDir, 'libreoffice', `${agencyId}.pdf`) : path.join(outDir, agencyId, String(example.year), name);
    const data = await tempDataDir();
    try {
      const summary = await importInto(data.dir, { paths: [file], agency: agencyId, year: example.year, dryRun: true });
      const imported = summary.files[0]!;
      expect(imported.status).toBe('dry-run');
      const got = parse(imported.yaml!) as Record<string, any>;
      const want = example.data as unknown as Record<string, any>;
      expect(Object.fromEntries(tableCells(got))).toEqual(Object.fromEntries(tableCells(want)));
      expect(squashed(got.overview?.intro)).toBe(squashed(want.overview.intro));
      for (const item of OVERVIEW_ITEMS) {
        expect(squashed(got.overview?.[item]?.text), item).toBe(squashed(want.overview[item].text));
        expect(headingText(got.overview?.[item]?.title), item).toBe(headingText(want.overview[item].title));
      }
      expect(squashed(got.problems)).toBe(squashed(want.problems));
      expect(squashed(got.otherMatters)).toBe(squashed(want.otherMatters));
    } finally {
      await data.remove();
    }
  }, 180_000);
});
