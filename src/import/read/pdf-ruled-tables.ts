/**
 * Tables drawn with rules: ruling segments that touch form a lattice; its distinct x and y
 * positions cut the region into slots, and two neighbouring slots belong to one (merged)
 * cell wherever the rule between them is missing. Text runs fall into the slot holding
 * their centre; each cell's text goes into its first slot, '' into the slots it covers.
 */
import { areaText, type TextRun } from './pdf-lines.ts';
import type { Segment } from './pdf-rulings.ts';

export interface Box {
  left: number;
  right: number;
  bottom: number;
  top: number;
}

export interface PlacedTable {
  box: Box;
  rows: string[][];
  /** Top edge of each row, pt, for page-break joins. */
  rowTops: number[];
  /** Right edges of the columns, to recognise a table's continuation on the next page. */
  columnEdges: number[];
  runs: Set<TextRun>;
}

const TOLERANCE = 2;

export function ruledTables(segments: readonly Segment[], runs: readonly TextRun[]): PlacedTable[] {
  const lines = mergeCollinear(segments);
  const tables: PlacedTable[] = [];
  for (const component of components(lines)) {
    const table = tableOf(component, runs);
    if (table) tables.push(table);
  }
  return tables.sort((a, b) => b.box.top - a.box.top);
}

/** Joins pieces of one rule (borders drawn cell by cell) into whole segments. */
function mergeCollinear(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const axis of ['h', 'v'] as const) {
    const sorted = segments.filter((s) => s.axis === axis).sort((a, b) => a.at - b.at || a.from - b.from);
    const bands: Segment[][] = [];
    for (const s of sorted) {
      const band = bands.at(-1);
      if (band && Math.abs(band[0]!.at - s.at) <= TOLERANCE) band.push(s);
      else bands.push([s]);
    }
    for (const band of bands) {
      const at = band.reduce((sum, s) => sum + s.at, 0) / band.length;
      const pieces = [...band].sort((a, b) => a.from - b.from);
      let current: Segment | undefined;
      for (const p of pieces) {
        if (current && p.from <= current.to + TOLERANCE) current.to = Math.max(current.to, p.to);
        else out.push((current = { axis, at, from: p.from, to: p.to }));
      }
    }
  }
  return out;
}

const crosses = (h: Segment, v: Segment) =>
  v.at >= h.from - TOLERANCE && v.at <= h.to + TOLERANCE && h.at >= v.from - TOLERANCE && h.at <= v.to + TOLERANCE;

/** Groups of segments connected by crossings. */
function components(lines: Segment[]): Segment[][] {
  const parent = lines.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  lines.forEach((a, i) => {
    if (a.axis !== 'h') return;
    lines.forEach((b, j) => {
      if (b.axis === 'v' && crosses(a, b)) parent[find(i)] = find(j);
    });
  });
  const groups = new Map<number, Segment[]>();
  lines.forEach((s, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), s]));
  return [...groups.values()];
}

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last && v - last.at(-1)! <= TOLERANCE) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

function tableOf(component: Segment[], runs: readonly TextRun[]): PlacedTable | undefined {
  const hs = component.filter((s) => s.axis === 'h');
  const vs = component.filter((s) => s.axis === 'v');
  if (hs.length < 2 || vs.length < 2) return undefined;
  // Open-sided tables have no outer verticals: the horizontal rules' ends bound them.
  const xs = cluster([...vs.map((s) => s.at), Math.min(...hs.map((s) => s.from)), Math.max(...hs.map((s) => s.to))]);
  const ys = cluster([...hs.map((s) => s.at), Math.min(...vs.map((s) => s.from)), Math.max(...vs.map((s) => s.to))]).reverse();
  const rowCount = ys.length - 1;
  const colCount = xs.length - 1;
  // One ruled row of several cells is still a table: the piece of one a page break left.
  if (rowCount < 1 || colCount < 2 || (rowCount < 2 && colCount < 3)) return undefined;
  const covered = (axis: 'h' | 'v', at: number, mid: number) =>
    component.some((s) => s.axis === axis && Math.abs(s.at - at) <= TOLERANCE && s.from - TOLERANCE <= mid && s.to + TOLERANCE >= mid);
  // Union slots not separated by a rule.
  const parent = Array.from({ length: rowCount * colCount }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (a: number, b: number) => {
    const ra = find(a), rb = find(b);
    parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rowCount; r++) {
    const midY = (ys[r]! + ys[r + 1]!) / 2;
    for (let c = 0; c < colCount; c++) {
      const midX = (xs[c]! + xs[c + 1]!) / 2;
      if (c + 1 < colCount && !covered('v', xs[c + 1]!, midY)) join(r * colCount + c, r * colCount + c + 1);
      if (r + 1 < rowCount && !covered('h', ys[r + 1]!, midX)) join(r * colCount + c, (r + 1) * colCount + c);
    }
  }
  const box: Box = { left: xs[0]!, right: xs.at(-1)!, top: ys[0]!, bottom: ys.at(-1)! };
  const inside = new Map<number, TextRun[]>();
  const used = new Set<TextRun>();
  for (const run of runs) {
    const cx = run.x + run.width / 2;
    const cy = run.y + run.size * 0.3;
    if (cx < box.left || cx > box.right || cy < box.bottom || cy > box.top) continue;
    const c = xs.findIndex((x, k) => k < colCount && cx >= x && cx <= xs[k + 1]!);
    const r = ys.findIndex((y, k) => k < rowCount && cy <= y && cy >= ys[k + 1]!);
    if (c < 0 || r < 0) continue;
    const root = find(r * colCount + c);
    inside.set(root, [...(inside.get(root) ?? []), run]);
    used.add(run);
  }
  if (used.size === 0) return undefined;
  const rows = Array.from({ length: rowCount }, (_, r) =>
    Array.from({ length: colCount }, (_, c) => {
      const slot = r * colCount + c;
      return find(slot) === slot ? areaText(inside.get(slot) ?? []) : '';
    }),
  );
  return { box, rows, rowTops: ys.slice(0, -1), columnEdges: xs, runs: used };
}
