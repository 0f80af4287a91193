/**
 * Parses the narrative Markdown subset into a small tree that every renderer (HTML, DOCX) walks.
 * Text stays text: raw HTML is off, so nothing a user types is ever trusted as markup.
 */
import MarkdownIt from 'markdown-it';

export interface Run {
  text: string;
  bold: boolean;
}

export type Block =
  | { type: 'paragraph'; runs: Run[] }
  /** Level 2: a sub-head such as （一）… (楷体); level 3: a sub-head such as 1.… (仿宋, bold). */
  | { type: 'heading'; level: 2 | 3; runs: Run[] };

let parser: MarkdownIt | null = null;

/** Made on first use. A run that builds no report (a no-op build) loads no model, nor markdown-it. */
function markdown(): MarkdownIt {
  if (!parser) {
    parser = new MarkdownIt('zero', { html: false, breaks: false, linkify: false }).enable(['heading', 'emphasis', 'paragraph', 'newline']);
  }
  return parser;
}

type Token = ReturnType<MarkdownIt['parse']>[number];

/** Parses `source`; soft line breaks inside a paragraph are dropped (Chinese text has no spaces between lines). */
export function parseNarrative(source: string | undefined): Block[] {
  if (!source?.trim()) return [];
  const tokens = markdown().parse(source, {});
  const blocks: Block[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const inline = tokens[i + 1];
    if (token.type === 'paragraph_open' && inline?.type === 'inline') {
      blocks.push({ type: 'paragraph', runs: inlineRuns(inline) });
    } else if (token.type === 'heading_open' && inline?.type === 'inline') {
      blocks.push({ type: 'heading', level: token.tag === 'h3' || token.tag > 'h3' ? 3 : 2, runs: inlineRuns(inline) });
    }
  }
  return blocks.filter((b) => b.runs.some((r) => r.text.trim()));
}

function inlineRuns(inline: Token): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  for (const child of inline.children ?? []) {
    if (child.type === 'strong_open') bold++;
    else if (child.type === 'strong_close') bold--;
    else if (child.type === 'text' || child.type === 'code_inline') push(runs, child.content, bold > 0);
    else if (child.type === 'hardbreak') push(runs, '\n', bold > 0);
    // softbreak: joined without a space
  }
  return runs;
}

function push(runs: Run[], text: string, bold: boolean) {
  const last = runs[runs.length - 1];
  if (last && last.bold === bold) last.text += text;
  else if (text) runs.push({ text, bold });
}

/** The plain text of blocks, one line per block (for checks and search). */
export const blocksText = (blocks: readonly Block[]): string =>
  blocks.map((b) => b.runs.map((r) => r.text).join('')).join('\n');
