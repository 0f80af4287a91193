/**
 * The few lines of YAML around a finding, as printed under it. Long lines (a 10 MB narrative on
 * one line, thousands of brackets) are cut to a window of the terminal's width around the column,
 * marked with … at the cuts, and control and invisible characters are shown as visible stand-ins
 * so that nothing in a data file can move the terminal's cursor or reorder its text.
 */
import { codeFrameColumns } from '@babel/code-frame';
import { showInvisible } from '../load/text-characters.ts';
import { displayWidth } from './display-width.ts';

const ABOVE = 2;
const BELOW = 1;
/** Used when the output is not a terminal (CI logs, pipes). */
const DEFAULT_WIDTH = 100;
const MIN_TEXT_WIDTH = 20;

/** The index where a slice of `text` from `start` reaches `width` columns. */
function endWithin(text: string, start: number, width: number): number {
  let w = 0;
  let i = start;
  while (i < text.length) {
    const step = text.codePointAt(i)! > 0xffff ? 2 : 1;
    const cw = displayWidth(text.slice(i, i + step));
    if (w + cw > width) break;
    w += cw;
    i += step;
  }
  return i;
}

/** The first index of a window of `width` columns that keeps `index` near its middle. */
function startFor(text: string, index: number, width: number): number {
  let start = index;
  let w = 0;
  while (start > 0 && w + displayWidth(text[start - 1]!) <= width / 2) {
    start -= 1;
    w += displayWidth(text[start]!);
  }
  return start;
}

/**
 * A code frame around line:column for a screen `columns` wide. Babel places the caret by counting
 * characters, which puts it short of the column on lines with Chinese text, so the caret line is
 * re-padded by display width.
 */
export function codeFrame(source: string, line: number, column: number, columns = process.stdout.columns || DEFAULT_WIDTH): string {
  const lines = source.split(/\r\n|\r|\n/);
  if (line < 1 || line > lines.length) return '';
  const gutter = `> ${line + BELOW} | `.length;
  const width = Math.max(MIN_TEXT_WIDTH, columns - gutter - 2);
  const target = showInvisible(lines[line - 1]!.replace(/\t/g, ' '));
  const index = Math.min(Math.max(0, column - 1), target.length);
  const start = displayWidth(target) <= width ? 0 : startFor(target, index, width - 1);
  const shown = new Array<string>(lines.length).fill('');
  let caretColumn = column;
  for (let n = Math.max(1, line - ABOVE); n <= Math.min(lines.length, line + BELOW); n++) {
    const text = showInvisible(lines[n - 1]!.replace(/\t/g, ' '));
    if (start === 0 && displayWidth(text) <= width) {
      shown[n - 1] = text;
      continue;
    }
    const from = Math.min(start, text.length);
    // A neighbour that ends before the window starts shows as blank, not as a lone …
    if (from === text.length && n !== line) continue;
    const lead = from > 0 ? '…' : '';
    const end = endWithin(text, from, width - lead.length - 1);
    shown[n - 1] = `${lead}${text.slice(from, end)}${end < text.length ? '…' : ''}`;
    if (n === line) caretColumn = index - from + lead.length + 1;
  }
  const frame = codeFrameColumns(shown.join('\n'), { start: { line, column: caretColumn } }, { highlightCode: false, linesAbove: ABOVE, linesBelow: BELOW });
  const padding = ' '.repeat(displayWidth(shown[line - 1]!.slice(0, Math.max(0, caretColumn - 1))));
  return frame.replace(/^( +\| )[ \t]*\^/m, (_, gutterText: string) => `${gutterText}${padding}^`);
}
