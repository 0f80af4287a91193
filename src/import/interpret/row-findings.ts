/** The findings about one table row, worded by its row and column labels. */
import type { Finding } from './findings.ts';
import type { RowValues } from './row-values.ts';
import type { RowRead } from './table-walk.ts';

export interface RowOutcome {
  /** The row's numbers, missing cells as 0, to be written. */
  values: number[];
  findings: Finding[];
}

const list = (labels: readonly string[]) => labels.join('、');

/**
 * `columns`: the labels of every number the row may hold, in order (the last may be an
 * optional 总计); `width`: how many of them the row must hold.
 */
export function rowOutcome(where: string, read: RowRead | undefined, rv: RowValues | null, columns: readonly string[], width: number): RowOutcome {
  if (!read || !rv) {
    return { values: Array(width).fill(0), findings: [{ kind: 'missing', message: `${where}：原文中没有找到这一行` }] };
  }
  const findings: Finding[] = [];
  if (read.score < 1) findings.push({ kind: 'loose-label', message: `${where}：原文写作“${read.seen}”` });
  const values = [...rv.values];
  if (!values.length) {
    findings.push({ kind: 'missing', message: `${where}：找到了这一行，但没有读出数字（${list(columns.slice(0, width))}）` });
  } else if (values.length < width) {
    findings.push({
      kind: 'missing',
      message: `${where}：只读出 ${values.length} 个数，${list(columns.slice(values.length, width))} 缺失（按原文顺序填入前 ${values.length} 列）`,
    });
  }
  while (values.length < width) values.push(0);
  if (rv.extra.length) findings.push({ kind: 'unreadable', message: `${where}：多出的数字 ${rv.extra.join(' ')} 未导入` });
  if (rv.blanksAsZero) findings.push({ kind: 'assumed', message: `${where}：空白单元格按 0 读取` });
  return { values, findings };
}

export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Names the rows a truncated table lacks: the run of missing rows at its end, said once. */
export function truncation(table: string, labels: readonly string[], found: readonly boolean[]): Finding | null {
  const last = found.lastIndexOf(true);
  if (last < 0 || last === found.length - 1) return null;
  const missing = labels.slice(last + 1);
  return {
    kind: 'missing',
    message: `${table}在“${labels[last]}”之后中断：缺少 ${missing.length} 行（${list(missing)}），已按 0 写入`,
  };
}
