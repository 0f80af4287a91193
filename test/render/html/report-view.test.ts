import { describe, expect, it } from 'vitest';
import {
  APPEAL_GROUPS,
  APPEAL_OUTCOMES,
  APPLICANT_COLUMNS,
  DOCUMENT_ROW_KEYS,
  PROACTIVE_BLOCKS,
  REQUEST_ROWS,
  RESULT_LEAVES,
  RESULT_ROWS,
} from '../../../src/format/index.ts';
import { buildReportView } from '../../../src/render/html/report-view.ts';
import { allCells, cellAt, layOut, tableWidth } from './table-grid.ts';
import { exampleAgencyIds, loadExample } from './example-reports.ts';

const examples = exampleAgencyIds().map((id) => loadExample(id));

describe.each(examples.map((e) => [e.agencyId, e] as const))('report view of %s', (_id, example) => {
  const view = buildReportView(example.model);
  const tables = [view.proactive.table, view.requests.table, view.appeals.table];

  it('lays every table out as a full grid: no holes, no overlaps, spans inside their row groups', () => {
    for (const table of tables) expect(() => layOut(table)).not.toThrow();
    expect(tableWidth(view.proactive.table)).toBe(4);
    expect(tableWidth(view.requests.table)).toBe(3 + APPLICANT_COLUMNS.length + 1);
    expect(tableWidth(view.appeals.table)).toBe(APPEAL_GROUPS.length * (APPEAL_OUTCOMES.length + 1));
  });

  it('links every data cell to existing header cells, and gives every th a scope', () => {
    for (const table of tables) {
      const cells = allCells(table);
      const headerIds = new Set(cells.filter((c) => c.header && c.id).map((c) => c.id));
      for (const cell of cells) {
        if (cell.header) expect(cell.scope).toMatch(/^(col|colgroup|row|rowgroup)$/);
        for (const ref of (cell.headers ?? '').split(' ').filter(Boolean)) expect(headerIds).toContain(ref);
        if (cell.unit) expect(cell.headers, 'a number without headers').toBeTruthy();
      }
    }
  });

  it('uses ids unique across the whole report', () => {
    const ids = [
      ...tables.flatMap((t) => [t.id, t.captionId, ...allCells(t).flatMap((c) => (c.id ? [c.id] : []))]),
      ...view.sections.flatMap((s) => [s.id, s.headingId]),
      ...view.overview.items.flatMap((i) => [i.id, i.headingId]),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts every number of the data into the cell its headers name', () => {
    const { data } = example;
    const p = view.proactive.table;
    PROACTIVE_BLOCKS.forEach((block, b) => {
      for (const row of block.rows) {
        const rowId = `${p.id.replace(/-table$/, '')}-b${b + 1}-row-${row.key}`;
        const raw = data.proactive[row.key as keyof typeof data.proactive];
        const values = (DOCUMENT_ROW_KEYS as readonly string[]).includes(row.key) ? (raw as number[]) : [raw as number];
        values.forEach((v, c) => {
          const cell = cellAt(p, rowId, `${p.id.replace(/-table$/, '')}-b${b + 1}-col-${c + 1}`);
          expect(cell.number).toBe(v);
          expect(cell.unit).toBe(row.unit);
        });
      }
    });

    const r = view.requests.table;
    const base = r.id.replace(/-table$/, '');
    const col = (c: number) => (c < APPLICANT_COLUMNS.length ? `${base}-col-${APPLICANT_COLUMNS[c]!.key}` : `${base}-col-total`);
    for (const key of ['received', 'carriedOver', 'carriedForward'] as const) {
      const row = data.requests[key];
      row.slice(0, 6).forEach((v, c) => expect(cellAt(r, `${base}-row-${key}`, col(c)).number).toBe(v));
      expect(cellAt(r, `${base}-row-${key}`, col(6)).number).toBe(row.slice(0, 6).reduce((a, b) => a + b, 0));
    }
    for (const leaf of RESULT_LEAVES) {
      const row = leaf.path.reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], data.requests.results) as number[];
      row.slice(0, 6).forEach((v, c) => expect(cellAt(r, `${base}-row-${leaf.path.join('-')}`, col(c)).number).toBe(v));
    }
    example.model.requests.resultsTotal.forEach((v, c) => expect(cellAt(r, `${base}-row-total`, col(c)).number).toBe(v));

    const a = view.appeals.table;
    const abase = a.id.replace(/-table$/, '');
    for (const group of APPEAL_GROUPS) {
      const row = data.appeals[group.key];
      APPEAL_OUTCOMES.forEach((o, i) => expect(cellAt(a, `${abase}-${group.key}`, `${abase}-${group.key}-${o.key}`).number).toBe(row[i]));
      expect(cellAt(a, `${abase}-${group.key}`, `${abase}-${group.key}-total`).number).toBe(row.slice(0, 4).reduce((x, y) => x + y, 0));
    }
  });

  it('follows the overview sub-head style of the data', () => {
    const runIn = example.data.overview.subheads === 'runIn';
    expect(view.overview.runIn).toBe(runIn);
    for (const item of view.overview.items) {
      expect(item.heading).toMatch(/^（[一二三四五]）/);
      if (item.runIn) expect(item.heading).toMatch(/[。：]$/);
      expect(item.runIn).toBe(runIn && Boolean(item.lead));
    }
  });
});

describe('requests table structure', () => {
  const view = buildReportView(examples[0]!.model);
  const cells = allCells(view.requests.table);
  const byText = (text: string) => cells.find((c) => c.text === text)!;

  it('merges the header cells as the 2021 format does', () => {
    expect(byText('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')).toMatchObject({ header: false, colspan: 3, rowspan: 3 });
    expect(byText('申请人情况')).toMatchObject({ header: true, scope: 'colgroup', colspan: 7 });
    expect(byText('自然人')).toMatchObject({ scope: 'col', rowspan: 2 });
    expect(byText('法人或其他组织')).toMatchObject({ scope: 'colgroup', colspan: 5 });
    expect(byText('总计')).toMatchObject({ scope: 'col', rowspan: 2 });
  });

  it('spans 三、本年度办理结果 over every result row, and each group over its leaves', () => {
    const resultRows = RESULT_ROWS.reduce((n, r) => n + (r.kind === 'leaf' ? 1 : r.children.length), 0) + 1;
    expect(byText(REQUEST_ROWS.results)).toMatchObject({ scope: 'rowgroup', rowspan: resultRows });
    for (const row of RESULT_ROWS) {
      if (row.kind === 'group') expect(byText(row.label).rowspan).toBe(row.children.length);
      else expect(byText(row.label).colspan).toBe(2);
    }
    expect(byText('（七）总计').colspan).toBe(2);
    expect(byText(REQUEST_ROWS.received).colspan).toBe(3);
  });

  it('names every header of a nested cell, outermost first', () => {
    const base = view.requests.table.id.replace(/-table$/, '');
    const cell = cellAt(view.requests.table, `${base}-row-withheld-stateSecret`, `${base}-col-business`);
    expect(cell.headers!.split(' ')).toEqual([
      `${base}-applicants`,
      `${base}-legal`,
      `${base}-col-business`,
      `${base}-row-results`,
      `${base}-row-withheld`,
      `${base}-row-withheld-stateSecret`,
    ]);
  });
});

describe('appeals table structure', () => {
  const view = buildReportView(examples[0]!.model);
  const [top, middle, bottom] = view.appeals.table.head;

  it('has the three header rows of the 2021 format', () => {
    expect(top!.cells.map((c) => [c.text, c.colspan])).toEqual([
      ['行政复议', 5],
      ['行政诉讼', 10],
    ]);
    expect(middle!.cells.map((c) => c.text)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉']);
    expect(middle!.cells.slice(0, 5).every((c) => c.rowspan === 2)).toBe(true);
    expect(bottom!.cells).toHaveLength(10);
  });
});

describe('narrative headings', () => {
  it('never skip a level going down', async () => {
    const { buildNarrative } = await import('../../../src/render/html/narrative-view.ts');
    const blocks = buildNarrative(
      [
        { type: 'heading', level: 3, runs: [{ text: '1.先出现的三级', bold: false }] },
        { type: 'paragraph', runs: [{ text: '正文', bold: false }] },
        { type: 'heading', level: 2, runs: [{ text: '（一）二级', bold: false }] },
        { type: 'heading', level: 3, runs: [{ text: '1.三级', bold: false }] },
      ],
      3,
    );
    expect(blocks.map((b) => b.level)).toEqual([3, undefined, 3, 4]);
  });
});
