/**
 * Text lines rebuilt from a PDF's positioned text runs: runs whose baselines agree within a
 * fraction of the font size form a line, ordered left to right, with a space wherever the
 * gap between two runs is wider than a space of that font would be — except next to a CJK
 * character: justified lines and CJK–Latin autospacing open gaps there that mean no space.
 */
import { InlineText } from './inline-text.ts';

export interface TextRun {
  str: string;
  /** Left edge and baseline, pt, y up. */
  x: number;
  y: number;
  width: number;
  /** Font size, pt. */
  size: number;
  bold: boolean;
}

export interface Line {
  runs: TextRun[];
  left: number;
  right: number;
  /** Baseline. */
  y: number;
  size: number;
  /** Plain text, white space collapsed. */
  text: string;
  /** Text with bold runs marked `**…**`. */
  marked: string;
  /** The line is one run of bold type throughout. */
  allBold: boolean;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’]/u;

/** Groups runs into lines, top to bottom. */
export function buildLines(runs: readonly TextRun[]): Line[] {
  const sorted = runs.filter((r) => r.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const run of sorted) {
    const group = groups.find((g) => {
      const y = g[0]!.y;
      const size = Math.min(g[0]!.size, run.size);
      return Math.abs(y - run.y) <= size * 0.45;
    });
    if (group) group.push(run);
    else groups.push([run]);
  }
  return groups.map(lineOf).sort((a, b) => b.y - a.y);
}

export function lineOf(group: readonly TextRun[]): Line {
  const runs = dedupeOverprint([...group].sort((a, b) => a.x - b.x));
  const text = new InlineText();
  let previous: TextRun | undefined;
  for (const run of runs) {
    if (previous) {
      const gap = run.x - (previous.x + previous.width);
      const size = Math.min(previous.size, run.size);
      const nextToCjk = CJK.test(previous.str.trimEnd().at(-1) ?? '') || CJK.test(run.str.trimStart()[0] ?? '');
      if (!nextToCjk && gap > size * 0.25 && !/\s$/u.test(previous.str) && !/^\s/u.test(run.str)) text.add(' ', previous.bold && run.bold);
    }
    text.add(run.str, run.bold);
    previous = run;
  }
  const sizes = runs.map((r) => r.size).sort((a, b) => a - b);
  return {
    runs,
    left: Math.min(...runs.map((r) => r.x)),
    right: Math.max(...runs.map((r) => r.x + r.width)),
    y: runs.reduce((sum, r) => sum + r.y, 0) / runs.length,
    size: sizes[Math.floor(sizes.length / 2)] ?? 0,
    text: text.plain(),
    marked: text.marked(),
    allBold: runs.every((r) => r.bold || r.str.trim() === ''),
  };
}

/**
 * Some producers fake bold by painting the same text twice, a hair apart. The second copy
 * is dropped and the first counts as bold.
 */
function dedupeOverprint(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const run of runs) {
    const twin = out.find((o) => o.str === run.str && Math.abs(o.x - run.x) < run.size * 0.2 && Math.abs(o.y - run.y) < run.size * 0.2);
    if (twin) twin.bold = true;
    else out.push({ ...run });
  }
  return out;
}

/** Text of a cell or any small area: its lines joined, breaks between CJK characters dropped. */
export function areaText(runs: readonly TextRun[]): string {
  return buildLines(runs)
    .map((line) => line.text)
    .join('\n')
    .replace(/\n/gu, (_, offset: number, whole: string) => (CJK.test(whole[offset - 1] ?? '') || CJK.test(whole[offset + 1] ?? '') ? '' : ' '));
}
