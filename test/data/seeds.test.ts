/**
 * The data files of the five example agencies, transcribed from their published reports (the
 * extracted texts are in test/fixtures/published), must reproduce every table number of the
 * published tables, in the order the tables print them.
 *
 * For each agency the expected sequence is built from the YAML year file, walking the 2021 format
 * (src/format) row by row: 二 (规章 ×3, 行政规范性文件 ×3, 行政许可, 行政处罚, 行政强制, 收费),
 * 三 (each printed row's six columns then its 总计, with the computed （七）总计 row in place and
 * 四、结转 last) and 四 (each group's four outcomes then its computed 总计). Those numbers must occur,
 * in order, among the numeric tokens of the seed between "二、主动公开政府信息情况" and "五、".
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import {
  APPEAL_GROUPS,
  APPLICANT_COUNT,
  DOCUMENT_ROW_KEYS,
  PROACTIVE_BLOCKS,
  REQUEST_ROWS,
  RESULT_LEAVES,
  RESULT_ROWS,
  RESULTS_TOTAL,
  SECTION_HEADINGS,
  TOTAL_LABEL,
} from '../../src/format/index.ts';
import type { AppealRow, ApplicantRow, YearFile } from '../../src/model/types.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const seedsDir = resolve(repo, 'test/fixtures/published');

interface Seed {
  agency: string;
  year: number;
  file: string;
  /**
   * The seed's flattened 四 row prints only this many of its 15 cells (the first ones: 行政复议 and
   * 未经复议直接起诉); the remaining cells are absent from the extraction.
   */
  appealsPrinted?: number;
}

const SEEDS: readonly Seed[] = [
  { agency: 'shenmu', year: 2023, file: 'shenmu-2023-letter-and-report.txt' },
  { agency: 'jinjie', year: 2023, file: 'jinjie-2023-numbered-report.txt', appealsPrinted: 10 },
  { agency: 'shizuishan-office', year: 2023, file: 'shizuishan-office-2023.txt', appealsPrinted: 10 },
  { agency: 'xinxiang-office', year: 2023, file: 'xinxiang-office-2023.txt' },
  { agency: 'shuozhou-office', year: 2024, file: 'shuozhou-office-2024.txt' },
];

interface Cell {
  value: number;
  /** Where the number sits in the table, for failure messages. */
  where: string;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

function get(obj: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
}

function applicantRow(row: unknown, where: string): ApplicantRow {
  if (!Array.isArray(row)) throw new Error(`${where}: missing row`);
  // Only the six applicant columns are data; an optional seventh (总计) is not used here.
  return (row as number[]).slice(0, APPLICANT_COUNT);
}

function resultLeafRows(data: YearFile): { where: string; row: ApplicantRow }[] {
  return RESULT_LEAVES.map((leaf) => {
    const where = `${REQUEST_ROWS.results} ${leaf.group ?? ''}${leaf.label}`;
    return { where, row: applicantRow(get(data.requests.results, leaf.path), where) };
  });
}

function columnSums(rows: readonly ApplicantRow[]): ApplicantRow {
  return Array.from({ length: APPLICANT_COUNT }, (_, i) => sum(rows.map((r) => r[i] ?? 0)));
}

/** The published order of every number of sections 二, 三 and 四. */
function expectedCells(data: YearFile): { proactive: Cell[]; requests: Cell[]; appeals: Cell[] } {
  const proactive: Cell[] = [];
  for (const block of PROACTIVE_BLOCKS) {
    for (const row of block.rows) {
      const value = (data.proactive as unknown as Record<string, unknown>)[row.key];
      const values = (DOCUMENT_ROW_KEYS as readonly string[]).includes(row.key)
        ? (value as number[])
        : [value as number];
      values.forEach((v, i) => proactive.push({ value: v, where: `${block.item} ${row.label} [${i}]` }));
    }
  }

  const requests: Cell[] = [];
  const pushRow = (where: string, row: ApplicantRow) => {
    row.forEach((v, i) => requests.push({ value: v, where: `${where} [${i}]` }));
    requests.push({ value: sum(row), where: `${where} ${TOTAL_LABEL}` });
  };
  pushRow(REQUEST_ROWS.received, applicantRow(data.requests.received, REQUEST_ROWS.received));
  pushRow(REQUEST_ROWS.carriedOver, applicantRow(data.requests.carriedOver, REQUEST_ROWS.carriedOver));
  const leaves = resultLeafRows(data);
  // RESULT_ROWS gives the printed order; RESULT_LEAVES is its flattening, checked here to agree.
  const printedLeafCount = RESULT_ROWS.reduce((n, r) => n + (r.kind === 'leaf' ? 1 : r.children.length), 0);
  expect(leaves.length).toBe(printedLeafCount);
  for (const { where, row } of leaves) pushRow(where, row);
  pushRow(
    `${REQUEST_ROWS.results} ${RESULTS_TOTAL.label}`,
    columnSums(leaves.map((l) => l.row)),
  );
  pushRow(REQUEST_ROWS.carriedForward, applicantRow(data.requests.carriedForward, REQUEST_ROWS.carriedForward));

  const appeals: Cell[] = [];
  for (const group of APPEAL_GROUPS) {
    const row = ((data.appeals as unknown as Record<string, AppealRow>)[group.key] ?? []).slice(0, 4);
    if (row.length !== 4) throw new Error(`appeals.${group.key}: expected four outcomes`);
    row.forEach((v, i) => appeals.push({ value: v, where: `${group.label} [${i}]` }));
    appeals.push({ value: sum(row), where: `${group.label} ${TOTAL_LABEL}` });
  }
  return { proactive, requests, appeals };
}

/**
 * Numeric tokens of the seed's table region (二 … up to 五), without the digits of row labels
 * ("1.属于国家秘密", "5. 要求…").
 */
function seedTokens(text: string): number[] {
  const start = text.indexOf(SECTION_HEADINGS.proactive);
  expect(start, `seed lacks "${SECTION_HEADINGS.proactive}"`).toBeGreaterThanOrEqual(0);
  const end = text.indexOf('五、', start);
  expect(end, 'seed lacks "五、" after the tables').toBeGreaterThan(start);
  const region = text.slice(start, end).replace(/(?<![\d.])\d+\.(?!\d)/g, ' ');
  return [...region.matchAll(/\d+(\.\d+)?/g)].map((m) => Number(m[0]));
}

/** Index in `tokens` where each expected cell is matched, in order; -1 from the first miss on. */
function matchSubsequence(tokens: readonly number[], cells: readonly Cell[]): number[] {
  const at: number[] = [];
  let pos = 0;
  for (const cell of cells) {
    while (pos < tokens.length && tokens[pos] !== cell.value) pos++;
    if (pos >= tokens.length) {
      at.push(-1);
      break;
    }
    at.push(pos++);
  }
  return at;
}

function load(seed: Seed): { data: YearFile; raw: string; text: string } {
  const raw = readFileSync(resolve(repo, 'data', seed.agency, `${seed.year}.yaml`), 'utf8');
  const text = readFileSync(resolve(seedsDir, seed.file), 'utf8');
  return { data: parse(raw) as YearFile, raw, text };
}

describe('data transcribed from the published reports', () => {
  for (const seed of SEEDS) {
    describe(`${seed.agency}/${seed.year}`, () => {
      it('prints every table number of the published report, in order', () => {
        const { data, text } = load(seed);
        const { proactive, requests, appeals } = expectedCells(data);
        const printedAppeals = appeals.slice(0, seed.appealsPrinted ?? appeals.length);
        const expected = [...proactive, ...requests, ...printedAppeals];
        const tokens = seedTokens(text);

        const at = matchSubsequence(tokens, expected);
        const miss = at.indexOf(-1);
        const cell = miss >= 0 ? expected[miss] : undefined;
        expect(
          cell && `${cell.where} = ${cell.value} not found in ${seed.file} after token #${at[miss - 1] ?? -1}`,
        ).toBeUndefined();
        expect(at).toHaveLength(expected.length);

        // With label digits removed the table region holds nothing but the table numbers, so the
        // match must be exact: no number of the seed skipped, none left over.
        expect(tokens).toEqual(expected.map((c) => c.value));
      });

      it('keeps the 勾稽关系 of the published tables', () => {
        const { data } = load(seed);
        const total = columnSums(resultLeafRows(data).map((l) => l.row));
        const received = applicantRow(data.requests.received, 'received');
        const carriedOver = applicantRow(data.requests.carriedOver, 'carriedOver');
        const carriedForward = applicantRow(data.requests.carriedForward, 'carriedForward');
        for (let i = 0; i < APPLICANT_COUNT; i++) {
          expect((received[i] ?? 0) + (carriedOver[i] ?? 0), `column ${i}`).toBe(
            (total[i] ?? 0) + (carriedForward[i] ?? 0),
          );
        }
      });

      it('starts with the schema comment and leaves computed totals out', () => {
        const { data, raw } = load(seed);
        expect(raw.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/report.schema.json');
        expect(data.year).toBe(seed.year);
        expect(data.requests.results.total).toBeUndefined();
        const rows = [
          ...(['received', 'carriedOver', 'carriedForward'] as const).map((k) => data.requests[k]),
          ...RESULT_LEAVES.map((leaf) => get(data.requests.results, leaf.path)),
        ];
        for (const row of rows) expect(row).toHaveLength(APPLICANT_COUNT);
        for (const group of APPEAL_GROUPS) {
          expect((data.appeals as unknown as Record<string, AppealRow>)[group.key]).toHaveLength(4);
        }
        const agency = readFileSync(resolve(repo, 'data', seed.agency, 'agency.yaml'), 'utf8');
        expect(agency.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/agency.schema.json');
      });
    });
  }
});
