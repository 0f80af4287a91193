/**
 * A paragraph's text gathered run by run, bold runs marked `**…**` as the narrative's
 * Markdown subset has them. Neighbouring bold runs merge (Word splits runs at every edit),
 * and white space stays outside the markers so `** 一是 **` never appears.
 */
import { collapseSpace } from './table-grid.ts';

interface Run {
  text: string;
  bold: boolean;
}

export class InlineText {
  private readonly runs: Run[] = [];

  add(text: string, bold: boolean): void {
    if (text === '') return;
    const last = this.runs.at(-1);
    // White space takes the weight of the run before it, so "**一是** **二是**" stays one run.
    const weight = /^\s+$/u.test(text) && last ? last.bold : bold;
    if (last && last.bold === weight) last.text += text;
    else this.runs.push({ text, bold: weight });
  }

  get isEmpty(): boolean {
    return this.plain() === '';
  }

  /** The text without markers, white space collapsed. */
  plain(): string {
    return collapseSpace(this.runs.map((r) => r.text).join(''));
  }

  /**
   * The text with bold runs marked, white space collapsed. A paragraph bold throughout is a
   * heading's look, not emphasis, and stays unmarked.
   */
  marked(): string {
    if (this.runs.every((run) => run.bold || run.text.trim() === '')) return this.plain();
    const parts = this.runs.map((run) => {
      if (!run.bold) return run.text;
      const match = /^(\s*)([\s\S]*?)(\s*)$/u.exec(run.text)!;
      return match[2] ? `${match[1]}\ue000${match[2]}\ue001${match[3]}` : run.text;
    });
    return collapseSpace(parts.join('')).replace(/[\ue000\ue001]/gu, '**');
  }
}
