/**
 * Narrative blocks as the `narrative` partial draws them: paragraphs and headings whose HTML
 * level follows from where the narrative sits, never skipping a level (h2 → h4) on the way down.
 */
import type { Block, Run } from '../../model/narrative.ts';

export interface BlockView {
  heading: boolean;
  /** HTML heading level 2–6 (headings only). */
  level?: number;
  /** The narrative's own level (2: （一）… sub-head, 3: 1.… sub-head), for CSS. */
  depth?: 2 | 3;
  runs: Run[];
}

/**
 * @param base the HTML level a `##` sub-head takes here: one below the heading the narrative sits under.
 */
export function buildNarrative(blocks: readonly Block[], base: number): BlockView[] {
  let last = base - 1;
  return blocks.map((block): BlockView => {
    if (block.type === 'paragraph') return { heading: false, runs: block.runs };
    const wanted = base + (block.level - 2);
    const level = Math.min(6, Math.max(base, Math.min(wanted, last + 1)));
    last = level;
    return { heading: true, level, depth: block.level, runs: block.runs };
  });
}
