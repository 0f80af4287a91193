/**
 * 二、主动公开政府信息情况 and 四、行政复议、行政诉讼情况, read from their regions' cells. Table 四
 * has no row labels in the national layout: its 15 numbers follow the header in one row (or are
 * spread over rows); where each group's label precedes its own numbers, they are read per group.
 */
import {
  APPEAL_GROUPS,
  APPEAL_OUTCOMES,
  APPEAL_OUTCOME_COUNT,
  appealGroupLabel,
  LITIGATION_HEADER,
  PROACTIVE_BLOCKS,
  PROACTIVE_CONTENT_LABEL,
  SECTION_HEADINGS,
  TOTAL_LABEL,
} from '../../format/index.ts';
import type { AppealsData, ProactiveData } from '../../model/types.ts';
import type { Cell } from './cells.ts';
import type { Finding } from './findings.ts';
import { rowOutcome, sum, truncation } from './row-findings.ts';
import { rowValues } from './row-values.ts';
import { walkTable, type RowSpec } from './table-walk.ts';

const PROACTIVE_SPECS: RowSpec[] = PROACTIVE_BLOCKS.flatMap((b) => b.rows.map((r): RowSpec => ({ key: r.key, label: r.label, counts: [b.columns.length] })));
const PROACTIVE_INERT = [
  ...Object.values(SECTION_HEADINGS),
  PROACTIVE_CONTENT_LABEL,
  ...PROACTIVE_BLOCKS.flatMap((b) => [b.item, ...b.columns]),
  '本年收费金额',
  '单位：万元',
];

export interface TableRead<T> {
  data: T;
  findings: Finding[];
  rowsFound: number;
}

export function readProactive(cells: readonly Cell[]): TableRead<ProactiveData> {
  const walk = walkTable(cells, PROACTIVE_SPECS, PROACTIVE_INERT);
  const findings: Finding[] = [];
  const data: Record<string, number | number[]> = {};
  for (const block of PROACTIVE_BLOCKS) {
    for (const row of block.rows) {
      const read = walk.rows.get(row.key);
      const width = block.columns.length;
      const outcome = rowOutcome(`二、表“${row.label}”行`, read, read ? rowValues(read.cells, [width]) : null, block.columns, width);
      findings.push(...outcome.findings);
      data[row.key] = width > 1 ? outcome.values : outcome.values[0]!;
    }
  }
  const found = PROACTIVE_SPECS.map((s) => walk.rows.has(s.key));
  const cut = truncation('二、主动公开政府信息情况表', PROACTIVE_SPECS.map((s) => s.label), found);
  const tail = cut ? PROACTIVE_SPECS.slice(found.lastIndexOf(true) + 1).map((s) => `二、表“${s.label}”行：原文中没有`) : [];
  const kept = findings.filter((f) => !tail.some((t) => f.message.startsWith(t)));
  if (cut) kept.push(cut);
  for (const o of walk.orphans) kept.push({ kind: 'unreadable', message: `二、表中${o.after ? `“${o.after}”之后` : ''}的数字 ${o.values.join(' ')} 不属于任何一行，未导入` });
  return { data: data as unknown as ProactiveData, findings: kept, rowsFound: found.filter(Boolean).length };
}

const GROUP_SPECS: RowSpec[] = APPEAL_GROUPS.map((g) => ({ key: g.key, label: g.label, counts: [APPEAL_OUTCOME_COUNT, APPEAL_OUTCOME_COUNT + 1] }));
const APPEAL_INERT = [...Object.values(SECTION_HEADINGS), LITIGATION_HEADER, ...APPEAL_OUTCOMES.map((o) => o.label), TOTAL_LABEL];
const OUTCOME_COLUMNS = [...APPEAL_OUTCOMES.map((o) => o.label), TOTAL_LABEL];

const numbersOf = (cells: readonly Cell[]) => cells.flatMap((c) => (c.kind === 'number' ? [c.value] : c.kind === 'group' ? c.parts : []));

/** A group as written: four outcomes, with the printed 总计 kept only when it disagrees. */
const asWritten = (values: number[]) =>
  values.length > APPEAL_OUTCOME_COUNT && values[APPEAL_OUTCOME_COUNT] === sum(values.slice(0, APPEAL_OUTCOME_COUNT)) ? values.slice(0, APPEAL_OUTCOME_COUNT) : values;

export function readAppeals(cells: readonly Cell[]): TableRead<AppealsData> {
  const walk = walkTable(cells, GROUP_SPECS, APPEAL_INERT);
  const perGroup = [...walk.rows.values()].filter((r) => numbersOf(r.cells).length > 0).length >= 2;
  const findings: Finding[] = [];
  const data: Record<string, number[]> = {};
  if (perGroup) {
    for (const g of APPEAL_GROUPS) {
      const read = walk.rows.get(g.key);
      const outcome = rowOutcome(`四、表“${appealGroupLabel(g)}”`, read, read ? rowValues(read.cells, [4, 5]) : null, OUTCOME_COLUMNS, APPEAL_OUTCOME_COUNT);
      findings.push(...outcome.findings);
      data[g.key] = asWritten(outcome.values);
    }
    return { data: data as unknown as AppealsData, findings, rowsFound: walk.rows.size };
  }
  // The national layout: every number in one sequence, five per group (four when no 总计 is printed).
  const numbers = numbersOf(cells);
  const per = numbers.length === APPEAL_GROUPS.length * APPEAL_OUTCOME_COUNT ? APPEAL_OUTCOME_COUNT : APPEAL_OUTCOME_COUNT + 1;
  const expected = APPEAL_GROUPS.length * per;
  APPEAL_GROUPS.forEach((g, i) => {
    const values = numbers.slice(i * per, (i + 1) * per);
    if (values.length < APPEAL_OUTCOME_COUNT) {
      const lacking = OUTCOME_COLUMNS.slice(values.length, per);
      findings.push({ kind: 'missing', message: `四、表“${appealGroupLabel(g)}”：${lacking.join('、')} 未找到，按 0 写入` });
    }
    while (values.length < APPEAL_OUTCOME_COUNT) values.push(0);
    data[g.key] = asWritten(values);
  });
  if (numbers.length && numbers.length < expected) {
    findings.unshift({ kind: 'missing', message: `四、政府信息公开行政复议、行政诉讼情况表只读出 ${numbers.length} 个数（应为 ${expected} 个），按列序从“行政复议”起依次填入` });
  }
  if (numbers.length > expected) findings.push({ kind: 'unreadable', message: `四、表多出的数字 ${numbers.slice(expected).join(' ')} 未导入` });
  return { data: data as unknown as AppealsData, findings, rowsFound: numbers.length ? 1 : 0 };
}
