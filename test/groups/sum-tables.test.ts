/** The 汇总 of the example group 神木市 (shenmu + jinjie): every cell is the members' sum, and the sum passes the gate. */
import { describe, expect, it } from 'vitest';
import { tableCells } from '../../src/build/portal/report-tables.ts';
import { TO_COMPLETE } from '../../src/groups/summary-report.ts';
import { EXAMPLES, loadGroupYear } from './group-helpers.ts';

describe.each([2022, 2023])('the example group shenmu-city in %i', (year) => {
  it('sums every cell of every table, totals included', async () => {
    const g = await loadGroupYear(EXAMPLES, 'shenmu-city', year);
    expect(g.members.map((m) => [m.agencyId, m.status === 'failed' || m.status === 'missing'])).toEqual([
      ['shenmu', false],
      ['jinjie', false],
    ]);
    const sum = tableCells(g.summary!.model!);
    const members = g.members.map((m) => tableCells(m.model!));
    expect(sum.length).toBeGreaterThanOrEqual(200);
    for (const [i, cell] of sum.entries()) {
      const expected = members.reduce((a, cells) => a + cells[i]!.value, 0);
      expect(members.every((cells) => cells[i]!.rowPath.join() === cell.rowPath.join() && cells[i]!.column === cell.column)).toBe(true);
      // Money (万元) is summed in floating point and rounded to the format's 4 decimals.
      expect(cell.value, `${cell.rowPath.join(' / ')} · ${cell.column}`).toBeCloseTo(expected, 4);
    }
  }, 30_000);

  it('passes the gate, carry-over from last year\'s sum included, and leaves the narrative to the office', async () => {
    const g = await loadGroupYear(EXAMPLES, 'shenmu-city', year);
    expect(g.summary!.diagnostics).toEqual([]);
    const model = g.summary!.model!;
    expect(model.title).toBe(`神木市${year}年政府信息公开工作年度报告（汇总）`);
    expect(model.signature?.name).toBe('神木市人民政府办公室');
    expect(g.summary!.source.text).toContain(TO_COMPLETE);
    expect(g.summary!.source.text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/report.schema.json');
  }, 30_000);
});

describe('the example group\'s numbers', () => {
  it('2022: 31 + 3 applications received; 2023: 35 + 0', async () => {
    const [y2022, y2023] = await Promise.all([loadGroupYear(EXAMPLES, 'shenmu-city', 2022), loadGroupYear(EXAMPLES, 'shenmu-city', 2023)]);
    expect(y2022.summary!.model!.requests.received.at(-1)).toBe(34);
    // Both members have applications in 2022, so a sum that took one member only would show here.
    expect(y2022.members.map((m) => m.model!.requests.received.at(-1))).toEqual([31, 3]);
    expect(y2023.summary!.model!.requests.received.at(-1)).toBe(35);
    expect(y2023.trend.map((p) => [p.year, p.received, p.review, p.litigation])).toEqual([
      [2022, 34, 3, 1],
      [2023, 35, 3, 3],
    ]);
  }, 30_000);
});
