/**
 * Label-anchored reading of a flattened table. Walking the cells in reading order, each run of
 * text is searched (from its end) for the official row labels still ahead, in table order; the
 * numbers after a label belong to its row until the next label. Labels that hold no numbers
 * (merged group labels, column headers, repeated page headers) are known and skipped.
 */
import type { Cell } from './cells.ts';
import { matchForm, similarity, suffixScore, threshold } from './label-match.ts';

export interface RowSpec {
  key: string;
  /** The official label. */
  label: string;
  /** Older or common variants that name the same row. */
  aliases?: readonly string[];
  /** How many numbers the row may hold (e.g. 6 applicant columns, or 7 with 总计). */
  counts: readonly number[];
}

export interface RowRead {
  spec: RowSpec;
  /** The label as printed (match form) and how well it matched. */
  seen: string;
  score: number;
  /** Numbers, number groups and empty cells after the label, in order. */
  cells: Cell[];
}

export interface TableWalk {
  /** By row key; rows whose label was never found are absent. */
  rows: Map<string, RowRead>;
  /** Numbers that followed no row label (after an unknown label or before the first). */
  orphans: Array<{ after: string; values: number[] }>;
}

interface Candidate {
  form: string;
  /** Index into the row list, or -1 for a label that holds no numbers. */
  row: number;
}

const MAX_SPAN = 8;

const numbersIn = (cells: readonly Cell[]) =>
  cells.reduce((n, c) => n + (c.kind === 'number' ? 1 : c.kind === 'group' ? c.parts.length : 0), 0);

export function walkTable(cells: readonly Cell[], specs: readonly RowSpec[], inert: readonly string[]): TableWalk {
  const rowForms = specs.map((s, i) => [s.label, ...(s.aliases ?? [])].map((l): Candidate => ({ form: matchForm(l), row: i })));
  const inertForms = inert.map((l): Candidate => ({ form: matchForm(l), row: -1 }));
  const rows = new Map<string, RowRead>();
  const orphans: TableWalk['orphans'] = [];
  let next = 0;
  const state: { current: RowRead | null } = { current: null };
  let orphan: { after: string; values: number[] } | null = null;
  let pieces: string[] = [];

  const full = (r: RowRead) => numbersIn(r.cells) >= Math.max(...r.spec.counts);

  /** The best label ending at piece `end` or earlier, searching rows from `from` on. */
  const findLast = (ps: readonly string[], from: number, upto: number) => {
    for (let end = ps.length - 1; end >= 0; end--) {
      let best: { cand: Candidate; score: number; begin: number; seen: string } | null = null;
      for (let begin = end; begin >= Math.max(0, end - MAX_SPAN); begin--) {
        const text = matchForm(ps.slice(begin, end + 1).join(''));
        const cands = [...rowForms.slice(from, upto).flat(), ...inertForms];
        for (const cand of cands) {
          const { score: raw, start } = suffixScore(text, cand.form);
          // Skipping rows costs a little, so that a label matches its nearest row.
          const score = cand.row >= 0 ? raw - 0.02 * (cand.row - from) : raw - 0.001;
          if (raw < threshold(cand.form) || (best && score <= best.score)) continue;
          best = { cand, score, begin, seen: text.slice(start) };
        }
      }
      if (best) return { ...best, end };
    }
    return null;
  };

  const resolveRun = () => {
    if (!pieces.length) return;
    const found = findLast(pieces, next, specs.length);
    const text = pieces.join('');
    pieces = [];
    if (!found) {
      // Unknown text after a complete row ends it (an unlisted row of an older format).
      if (state.current && full(state.current)) {
        state.current = null;
        orphan = { after: text, values: [] };
        orphans.push(orphan);
      }
      return;
    }
    if (found.cand.row < 0) {
      if (state.current && full(state.current)) state.current = null;
      return;
    }
    const spec = specs[found.cand.row]!;
    state.current = { spec, seen: found.seen, score: similarity(found.seen, found.cand.form), cells: [] };
    // Rows named earlier in the same run hold no numbers of their own.
    const earlier = labelsBefore(findLast, found.begin, next, found.cand.row);
    for (const e of earlier) rows.set(e.spec.key, e);
    rows.set(spec.key, state.current);
    orphan = null;
    next = found.cand.row + 1;
  };

  // Keeps the pieces of the current run visible to labelsBefore.
  let runPieces: string[] = [];
  const labelsBefore = (
    find: typeof findLast,
    begin: number,
    from: number,
    upto: number,
  ): RowRead[] => {
    const out: RowRead[] = [];
    let ps = runPieces.slice(0, begin);
    let limit = upto;
    while (ps.length) {
      const f = find(ps, from, limit);
      if (!f) break;
      if (f.cand.row >= 0) {
        const spec = specs[f.cand.row]!;
        out.push({ spec, seen: f.seen, score: similarity(f.seen, f.cand.form), cells: [] });
        limit = f.cand.row;
      }
      ps = ps.slice(0, f.begin);
    }
    return out;
  };

  for (const cell of cells) {
    if (cell.kind === 'text') {
      pieces.push(cell.text);
      continue;
    }
    if (cell.kind === 'break') continue;
    if (pieces.length) {
      runPieces = pieces;
      resolveRun();
    }
    if (cell.kind === 'empty') {
      if (state.current) state.current.cells.push(cell);
      continue;
    }
    if (state.current) state.current.cells.push(cell);
    else {
      if (!orphan) {
        orphan = { after: '', values: [] };
        orphans.push(orphan);
      }
      orphan.values.push(...(cell.kind === 'group' ? cell.parts : [cell.value]));
    }
  }
  if (pieces.length) {
    runPieces = pieces;
    resolveRun();
  }
  return { rows, orphans: orphans.filter((o) => o.values.length) };
}
