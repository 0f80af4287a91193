/**
 * A small CSS reader for the inliner: plain style rules whose selectors are built from element
 * names and classes joined by descendant or child combinators. Anything else (at-rules such as
 * @media print, pseudo-classes, attribute or id selectors) is reported as skipped, never guessed.
 */

export interface Compound {
  /** Element name in lower case, or null for any. */
  tag: string | null;
  classes: string[];
}

export interface Selector {
  /** Left to right; `combinators[i]` joins `compounds[i]` and `compounds[i + 1]`. */
  compounds: Compound[];
  combinators: ('descendant' | 'child')[];
  /** [class count, element count]: enough to order the selectors we accept. */
  specificity: [number, number];
  text: string;
}

export interface StyleRule {
  selector: Selector;
  declarations: [property: string, value: string][];
  /** Position in the sheet, for ties of specificity. */
  order: number;
}

export interface Stylesheet {
  rules: StyleRule[];
  /** Selectors and at-rules left out, as written. */
  skipped: string[];
}

const COMPOUND = /^([a-zA-Z][a-zA-Z0-9-]*|\*)?((?:\.[a-zA-Z_][a-zA-Z0-9_-]*)*)$/;

export function parseSelector(text: string): Selector | null {
  const tokens = text.trim().replace(/\s*>\s*/g, ' > ').split(/\s+/);
  const compounds: Compound[] = [];
  const combinators: Selector['combinators'] = [];
  let pending: 'descendant' | 'child' | null = null;
  for (const token of tokens) {
    if (token === '>') {
      if (!compounds.length || pending === 'child') return null;
      pending = 'child';
      continue;
    }
    const m = COMPOUND.exec(token);
    if (!m || token === '') return null;
    if (compounds.length) combinators.push(pending ?? 'descendant');
    pending = null;
    const tag = m[1] && m[1] !== '*' ? m[1].toLowerCase() : null;
    compounds.push({ tag, classes: (m[2] ?? '').split('.').filter(Boolean) });
  }
  if (!compounds.length || pending) return null;
  const specificity: [number, number] = [
    compounds.reduce((n, c) => n + c.classes.length, 0),
    compounds.reduce((n, c) => n + (c.tag ? 1 : 0), 0),
  ];
  return { compounds, combinators, specificity, text: text.trim() };
}

/** Splits on `separator` outside quotes and parentheses. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function parseDeclarations(block: string): [string, string][] {
  return splitTopLevel(block, ';').flatMap((decl): [string, string][] => {
    const colon = decl.indexOf(':');
    if (colon < 0) return [];
    const property = decl.slice(0, colon).trim().toLowerCase();
    const value = decl.slice(colon + 1).trim();
    return property && value ? [[property, value]] : [];
  });
}

/** Index just past the block that opens at `open` (a `{`), counting nested braces. */
function blockEnd(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return i + 1;
  }
  throw new Error('CSS 中的花括号不配对');
}

export function parseStylesheet(source: string): Stylesheet {
  const css = source.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: StyleRule[] = [];
  const skipped: string[] = [];
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    const semicolon = css.indexOf(';', i);
    const prelude = css.slice(i, open < 0 ? undefined : open).trim();
    if (prelude.startsWith('@') && semicolon >= 0 && (open < 0 || semicolon < open)) {
      skipped.push(css.slice(i, semicolon).trim()); // @import, @charset …
      i = semicolon + 1;
      continue;
    }
    if (open < 0) break;
    const end = blockEnd(css, open);
    if (prelude.startsWith('@')) {
      skipped.push(prelude);
    } else {
      const declarations = parseDeclarations(css.slice(open + 1, end - 1));
      for (const text of splitTopLevel(prelude, ',')) {
        const selector = parseSelector(text);
        if (selector) rules.push({ selector, declarations, order: rules.length });
        else skipped.push(text.trim());
      }
    }
    i = end;
  }
  return { rules, skipped };
}
