/**
 * The workbook drawn ahead of the portal: made once every report of the portal has passed its
 * gate, taken only for exactly the reports it was made of, and the same bytes as the workbook
 * the portal draws itself.
 */
import { describe, expect, it } from 'vitest';
import { tablesWorkbook } from '../../../src/export/xlsx/tables-workbook.ts';
import { WorkbookDraft, workbookReport } from '../../../src/build/portal/workbook-draft.ts';
import { tablesOf } from '../../../src/model/report-tables.ts';
import { loadExample } from '../../render/html/example-reports.ts';

const shenmu = loadExample('shenmu', 2023);
const jinjie = loadExample('jinjie', 2023);
const order = [
  { agencyId: 'jinjie', year: 2023 },
  { agencyId: 'shenmu', year: 2023 },
];
const jinjieReport = workbookReport('神木市锦界镇人民政府', 2023, tablesOf(jinjie.model));
const shenmuReport = workbookReport('神木市人民政府', 2023, tablesOf(shenmu.model));

describe('WorkbookDraft', () => {
  it('is made once every report has passed, in the portal’s order, with the bytes the portal would draw', async () => {
    const draft = new WorkbookDraft(order);
    // Reports pass their gates in any order.
    draft.add('shenmu', 2023, shenmuReport);
    expect(draft.take([jinjieReport, shenmuReport])).toBeNull();
    draft.add('jinjie', 2023, jinjieReport);
    const drafted = draft.take([jinjieReport, { ...shenmuReport, tables: structuredClone(shenmuReport.tables) }]);
    expect(drafted).not.toBeNull();
    const own = await tablesWorkbook([jinjieReport, shenmuReport]);
    expect(Buffer.from(await drafted!).equals(Buffer.from(own))).toBe(true);
  });

  it('is not taken for other reports: one that failed, a changed table, another caption', () => {
    const draft = new WorkbookDraft(order);
    draft.add('jinjie', 2023, jinjieReport);
    draft.add('shenmu', 2023, shenmuReport);
    const changed = structuredClone(shenmuReport.tables);
    changed.requests.received[0] = (changed.requests.received[0] ?? 0) + 1;
    expect(draft.take([jinjieReport])).toBeNull();
    expect(draft.take([jinjieReport, { ...shenmuReport, tables: changed }])).toBeNull();
    expect(draft.take([jinjieReport, { ...shenmuReport, caption: '神木市人民政府 2024年度' }])).toBeNull();
    expect(draft.take([jinjieReport, shenmuReport])).not.toBeNull();
  });

  it('is never made while a report of the portal has not passed (a narrowed or partly current build)', () => {
    const draft = new WorkbookDraft([...order, { agencyId: 'shenmu', year: 2022 }]);
    draft.add('jinjie', 2023, jinjieReport);
    draft.add('shenmu', 2023, shenmuReport);
    expect(draft.take([jinjieReport, shenmuReport])).toBeNull();
  });
});

describe('tablesWorkbook', () => {
  it('makes the same bytes when it lets other work run between reports', async () => {
    const many = Array.from({ length: 23 }, (_, i) => (i % 2 ? jinjieReport : shenmuReport));
    expect(Buffer.from(await tablesWorkbook(many, { yielding: true })).equals(Buffer.from(await tablesWorkbook(many)))).toBe(true);
  });
});
