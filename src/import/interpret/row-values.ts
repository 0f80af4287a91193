/**
 * Turns the cells found after a row label into the row's numbers, counted against what the row
 * may hold. Cells with a space inside (“1 234”) are one number or several, whichever makes the
 * count right; blank cells count as 0 only when the numbers alone are too few and the row kept
 * its cells (tabs, `|`, a real table), read from the right where the numbers columns are.
 */
import type { Cell } from './cells.ts';

export interface RowValues {
  values: number[];
  /** The row had fewer numbers than it may hold: these many are missing at the end. */
  missing: number;
  /** Numbers beyond the row's largest count, dropped. */
  extra: number[];
  /** Blank cells were read as 0. */
  blanksAsZero: boolean;
}

type NumberCell = Extract<Cell, { kind: 'number' } | { kind: 'group' }>;

const flat = (cells: readonly NumberCell[], join: ReadonlySet<number>) =>
  cells.flatMap((c, i) => (c.kind === 'number' ? [c.value] : join.has(i) ? [c.joined] : c.parts));

/** Which groups to join so that the count is one the row may hold (fewest joins first). */
function fitGroups(cells: readonly NumberCell[], counts: readonly number[]): number[] | null {
  const groups = cells.flatMap((c, i) => (c.kind === 'group' ? [i] : []));
  if (groups.length > 10) return null;
  let best: number[] | null = null;
  let bestJoins = Infinity;
  for (let mask = 0; mask < 1 << groups.length; mask++) {
    const join = new Set(groups.filter((_, k) => mask & (1 << k)));
    const values = flat(cells, join);
    if (counts.includes(values.length) && join.size < bestJoins) {
      best = values;
      bestJoins = join.size;
    }
  }
  return best;
}

export function rowValues(cells: readonly Cell[], counts: readonly number[]): RowValues {
  const numbers = cells.filter((c): c is NumberCell => c.kind === 'number' || c.kind === 'group');
  const most = Math.max(...counts);
  const fitted = fitGroups(numbers, counts);
  if (fitted) return { values: fitted, missing: 0, extra: [], blanksAsZero: false };
  const split = flat(numbers, new Set());
  if (split.length > most) return { values: split.slice(0, most), missing: 0, extra: split.slice(most), blanksAsZero: false };

  // Too few numbers: blank cells stand for 0 if, read from the right, they make up a full row.
  const slots = cells.filter((c) => c.kind !== 'break' && c.kind !== 'text');
  while (slots.length && slots[slots.length - 1]!.kind === 'empty') slots.pop();
  const width = [...counts].sort((a, b) => b - a).find((n) => slots.length >= n);
  if (width !== undefined && slots.some((c) => c.kind === 'empty')) {
    const values = slots.slice(-width).flatMap((c) => (c.kind === 'empty' ? [0] : c.kind === 'number' ? [c.value] : c.kind === 'group' ? [c.joined] : []));
    if (values.length === width) return { values, missing: 0, extra: [], blanksAsZero: true };
  }
  const least = Math.min(...counts);
  return { values: split, missing: Math.max(0, least - split.length), extra: [], blanksAsZero: false };
}
