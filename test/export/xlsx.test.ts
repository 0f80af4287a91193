/**
 * The XLSX workbook of the tables: read back with exceljs, every label is the format's and every
 * number a number equal to the report's; LibreOffice opens it (converted to CSV, UTF-8).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tablesOf } from '../../src/model/report-tables.ts';
import { SHEET_NAMES, tablesWorkbook } from '../../src/export/xlsx/tables-workbook.ts';
import { APPEAL_OUTCOMES, APPLICANT_COLUMNS, LEGAL_PERSON_HEADER, REQUEST_ROWS, REQUESTS_CORNER_NOTE, RESULTS_TOTAL } from '../../src/format/index.ts';
import { loadExample } from '../render/html/example-reports.ts';
import { findSoffice } from '../render/docx/libreoffice.ts';
import { tempDir } from '../build/helpers.ts';

const shenmu = loadExample('shenmu', 2023);
const jinjie = loadExample('jinjie', 2022);
const reports = [
  { caption: '神木市人民政府 2023年度', tables: tablesOf(shenmu.model) },
  { caption: '神木市锦界镇人民政府 2022年度', tables: tablesOf(jinjie.model) },
];

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** Row numbers whose first cell holds `text`. */
const rowsStartingWith = (sheet: ExcelJS.Worksheet, text: string) => {
  const rows: number[] = [];
  sheet.eachRow((row, n) => {
    if (row.getCell(1).value === text) rows.push(n);
  });
  return rows;
};

describe('the tables workbook', () => {
  it('has one sheet per table, each report under its caption, with the official labels and merged headers', async () => {
    const workbook = await readBack(await tablesWorkbook(reports));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([SHEET_NAMES.proactive, SHEET_NAMES.requests, SHEET_NAMES.appeals]);
    const requests = workbook.getWorksheet(SHEET_NAMES.requests)!;
    const captions = rowsStartingWith(requests, '神木市人民政府 2023年度').concat(rowsStartingWith(requests, '神木市锦界镇人民政府 2022年度'));
    expect(captions).toHaveLength(2);
    const top = captions[0]! + 1;
    expect(requests.getCell(top, 1).value).toBe(REQUESTS_CORNER_NOTE);
    expect(requests.getCell(top, 4).value).toBe('申请人情况');
    expect(requests.getCell(top + 1, 4).value).toBe(APPLICANT_COLUMNS[0].label);
    expect(requests.getCell(top + 1, 5).value).toBe(LEGAL_PERSON_HEADER);
    expect(requests.getCell(top + 2, 5).value).toBe('商业企业');
    const merges = (requests.model as unknown as { merges: string[] }).merges;
    // 申请人情况 over all seven columns, 法人或其他组织 over five, the corner over three columns and three rows.
    expect(merges).toEqual(expect.arrayContaining([`D${top}:J${top}`, `E${top + 1}:I${top + 1}`, `A${top}:C${top + 2}`, `D${top + 1}:D${top + 2}`]));
    expect(requests.getCell(top + 3, 1).value).toBe(REQUEST_ROWS.received);
    expect(requests.getCell(top + 5, 1).value).toBe(REQUEST_ROWS.results);
    expect(requests.getCell(top + 5, 2).value).toBe('（一）予以公开');
    expect(requests.getCell(top + 7, 2).value).toBe('（三）不予公开');
    expect(requests.getCell(top + 7, 3).value).toBe('1.属于国家秘密');
    expect(rowsStartingWith(requests, REQUEST_ROWS.carriedForward)).toHaveLength(2);

    const appeals = workbook.getWorksheet(SHEET_NAMES.appeals)!;
    const atop = rowsStartingWith(appeals, '神木市人民政府 2023年度')[0]! + 1;
    expect([appeals.getCell(atop, 1).value, appeals.getCell(atop, 6).value, appeals.getCell(atop + 1, 6).value, appeals.getCell(atop + 1, 11).value]).toEqual([
      '行政复议',
      '行政诉讼',
      '未经复议直接起诉',
      '复议后起诉',
    ]);
    expect(appeals.getCell(atop + 1, 1).value).toBe(APPEAL_OUTCOMES[0].label);
    expect((appeals.model as unknown as { merges: string[] }).merges).toEqual(expect.arrayContaining([`A${atop}:E${atop}`, `F${atop}:O${atop}`]));
  });

  it('stores every number as a number equal to the report\'s', async () => {
    const workbook = await readBack(await tablesWorkbook(reports));
    const requests = workbook.getWorksheet(SHEET_NAMES.requests)!;
    const [received] = rowsStartingWith(requests, REQUEST_ROWS.received);
    const row = Array.from({ length: 7 }, (_, i) => requests.getCell(received!, 4 + i).value);
    expect(row).toEqual(shenmu.model.requests.received); // [33, 1, 0, 1, 0, 0, 35]
    expect(row.every((v) => typeof v === 'number')).toBe(true);
    let total: number[] = [];
    requests.eachRow((r, n) => {
      if (r.getCell(2).value === RESULTS_TOTAL.label && !total.length) total = Array.from({ length: 7 }, (_, i) => requests.getCell(n, 4 + i).value as number);
    });
    expect(total).toEqual(shenmu.model.requests.resultsTotal);

    const proactive = workbook.getWorksheet(SHEET_NAMES.proactive)!;
    const values = (label: string) => {
      const [n] = rowsStartingWith(proactive, label);
      return [2, 3, 4].map((c) => proactive.getCell(n!, c).value);
    };
    expect(values('行政规范性文件')).toEqual([5, 0, 113]);
    // One-number rows span the three value columns: the value sits in the first.
    expect(values('行政许可')[0]).toBe(67974);
    expect(values('行政事业性收费')[0]).toBe(11.42);

    const appeals = workbook.getWorksheet(SHEET_NAMES.appeals)!;
    const atop = rowsStartingWith(appeals, '神木市人民政府 2023年度')[0]! + 4;
    expect(Array.from({ length: 15 }, (_, i) => appeals.getCell(atop, 1 + i).value)).toEqual([
      ...shenmu.model.appeals.review,
      ...shenmu.model.appeals.litigationDirect,
      ...shenmu.model.appeals.litigationAfterReview,
    ]);
  });

  it('gives the same bytes for the same tables', async () => {
    expect(Buffer.from(await tablesWorkbook(reports)).equals(Buffer.from(await tablesWorkbook(reports)))).toBe(true);
  });

  const soffice = findSoffice();
  it.runIf(soffice)('opens in LibreOffice: converted to CSV it holds the labels and numbers', async () => {
    const dir = await tempDir('xlsx');
    const file = path.join(dir, 'tables.xlsx');
    await fs.writeFile(file, await tablesWorkbook(reports));
    // 44,34,76: comma, double quote, UTF-8; the first sheet (二、主动公开政府信息情况) is converted.
    const result = spawnSync(
      soffice!,
      [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, file],
      { encoding: 'utf8', timeout: 180_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    const csv = await fs.readFile(path.join(dir, 'tables.csv'), 'utf8');
    expect(csv).toContain('神木市人民政府 2023年度');
    expect(csv).toContain('行政规范性文件,5,0,113');
    expect(csv).toContain('行政许可,67974');
    expect(csv).toContain('行政事业性收费,11.42');
    expect(csv).toContain('神木市锦界镇人民政府 2022年度');
    expect(csv).toContain('行政许可,12');
  }, 200_000);
});
