/**
 * A table region as a stream of cells: label text, numbers, empty cells and line ends. Only a
 * word that is a number on its own is a number: the digits of 1.属于国家秘密, （三）, 2023年 or a
 * stray `1.` before a label never are.
 */
import type { Line } from './lines.ts';
import { foldWidth } from './text-forms.ts';

export type Cell =
  | { kind: 'text'; text: string }
  /** `zero`: printed as / — - for zero. */
  | { kind: 'number'; value: number; zero?: boolean }
  /** Numbers a space separates inside one delimited cell: one number with stray spaces, or several. */
  | { kind: 'group'; parts: number[]; joined: number }
  | { kind: 'empty' }
  | { kind: 'break' };

const NUMBER = /^\d+(?:\.\d+)?$/;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const WITH_UNIT = /^(\d+(?:\.\d+)?)(?:万元|元|件|条|个|项|起|次)$/;
const ZERO_MARK = /^[/／\\—\-－–―~～一]+$/;

function numberOf(word: string): { value: number; zero?: boolean } | null {
  const w = foldWidth(word);
  if (NUMBER.test(w)) return { value: Number(w) };
  if (THOUSANDS.test(w)) return { value: Number(w.replace(/,/g, '')) };
  const unit = WITH_UNIT.exec(w);
  if (unit) return { value: Number(unit[1]) };
  // 一 alone is a dash only as a whole cell; inside prose it is a numeral.
  if (ZERO_MARK.test(w)) return { value: 0, zero: true };
  return null;
}

/** The cells of one piece of a line (a whole cell when `delimited`, else the line). */
function pieceCells(piece: string, delimited: boolean): Cell[] {
  const words = piece.trim().split(/[\s\u3000]+/).filter(Boolean);
  if (!words.length) return delimited ? [{ kind: 'empty' }] : [];
  const out: Cell[] = [];
  let digits: number[] = [];
  const flush = () => {
    if (digits.length > 1 && delimited) out.push({ kind: 'group', parts: digits, joined: Number(digits.join('')) });
    else out.push(...digits.map((value): Cell => ({ kind: 'number', value })));
    digits = [];
  };
  for (const word of words) {
    const n = numberOf(word);
    // A lone 一 or - among label words is text (一、 or a hyphen), a cell of its own a zero.
    if (n?.zero && (words.length > 1 || !delimited) && word === '一') {
      flush();
      out.push({ kind: 'text', text: word });
    } else if (n && !n.zero && Number.isInteger(n.value) && /^\d+$/.test(foldWidth(word))) {
      digits.push(n.value);
    } else if (n) {
      flush();
      out.push({ kind: 'number', ...n });
    } else {
      flush();
      out.push({ kind: 'text', text: word });
    }
  }
  flush();
  return out;
}

export function lineCells(line: Line): Cell[] {
  const pieces = line.cells ?? [line.text];
  const cells = pieces.flatMap((p) => pieceCells(p, line.cells !== null));
  cells.push({ kind: 'break' });
  return cells;
}

export const regionCells = (lines: readonly Line[]): Cell[] => lines.flatMap(lineCells);
