/**
 * Turns markup plus a stylesheet into markup with style="…" attributes, for pasting into a
 * portal CMS that keeps neither <style> nor classes. It walks well-formed HTML that our own
 * templates produced; rules are applied in cascade order (specificity, then position), and a
 * style the markup already carries wins over the sheet, as it would in a browser.
 */
import { parseStylesheet, type Compound, type Selector, type StyleRule } from './css-rules.ts';

interface ElementInfo {
  tag: string;
  classes: string[];
  /** The element's tag and classes and those of its ancestors: what decides which rules match. */
  key: string;
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title']);

const TAG =
  /<!--[\s\S]*?-->|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export interface InlineOptions {
  /** Keep class attributes (default false: the CMS would drop them anyway). */
  keepClasses?: boolean;
}

/**
 * A sheet's rules in cascade order, indexed by what the last compound of their selector needs —
 * a class, else a tag — so that an element is tested only against rules that could match it.
 */
interface IndexedRules {
  byClass: Map<string, number[]>;
  byTag: Map<string, number[]>;
  any: number[];
  rules: StyleRule[];
  /**
   * The style the sheet gives an element, by its key: a page repeats the same few paths (a table
   * cell in a row of a table) thousands of times.
   */
  styles: Map<string, string>;
}

/** The sheets seen, parsed once: every report's page inlines the same sheet. */
const indexed = new Map<string, IndexedRules>();

function indexRules(css: string): IndexedRules {
  const known = indexed.get(css);
  if (known) return known;
  const rules = parseStylesheet(css).rules.sort(
    (a, b) =>
      a.selector.specificity[0] - b.selector.specificity[0] ||
      a.selector.specificity[1] - b.selector.specificity[1] ||
      a.order - b.order,
  );
  const index: IndexedRules = { byClass: new Map(), byTag: new Map(), any: [], rules, styles: new Map() };
  const add = (map: Map<string, number[]>, key: string, i: number) => map.set(key, [...(map.get(key) ?? []), i]);
  rules.forEach((rule, i) => {
    const last = rule.selector.compounds.at(-1)!;
    if (last.classes.length) add(index.byClass, last.classes[0]!, i);
    else if (last.tag !== null) add(index.byTag, last.tag, i);
    else index.any.push(i);
  });
  if (indexed.size >= 8) indexed.clear();
  indexed.set(css, index);
  return index;
}

/** The rules that match the last element of `path`, in cascade order. */
function matchingRules(index: IndexedRules, path: readonly ElementInfo[]): StyleRule[] {
  const element = path.at(-1)!;
  const candidates = [...index.any, ...(index.byTag.get(element.tag) ?? []), ...element.classes.flatMap((c) => index.byClass.get(c) ?? [])];
  return [...new Set(candidates)].sort((a, b) => a - b).map((i) => index.rules[i]!).filter((r) => matches(r.selector, path));
}

export function inlineStyles(html: string, css: string, options: InlineOptions = {}): string {
  const index = indexRules(css);
  const stack: ElementInfo[] = [];
  let out = '';
  let last = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    out += html.slice(last, m.index);
    last = TAG.lastIndex;
    const [whole, closing, opening, attributeText = '', selfClosing] = m;
    if (closing) {
      const name = closing.toLowerCase();
      const at = stack.map((e) => e.tag).lastIndexOf(name);
      if (at >= 0) stack.length = at;
      out += whole;
      continue;
    }
    if (!opening) continue; // a comment: the CMS gains nothing from it
    const tag = opening.toLowerCase();
    const attributes = parseAttributes(attributeText);
    const classes = (attributes.get('class') ?? '').split(/\s+/).filter(Boolean);
    const element = { tag, classes, key: `${stack.at(-1)?.key ?? ''}>${tag}.${classes.join('.')}` };
    const existing = attributes.get('style');
    const style = existing ? cascade(matchingRules(index, [...stack, element]), existing) : sheetStyle(index, stack, element);
    if (!options.keepClasses) attributes.delete('class');
    attributes.delete('style');
    if (style) attributes.set('style', style);
    out += `<${opening}${serializeAttributes(attributes)}${selfClosing ? ' /' : ''}>`;
    if (RAW_TEXT_ELEMENTS.has(tag)) {
      const end = html.toLowerCase().indexOf(`</${tag}`, last);
      const stop = end < 0 ? html.length : end;
      out += html.slice(last, stop);
      last = stop;
    } else if (!VOID_ELEMENTS.has(tag) && !selfClosing) {
      stack.push(element);
    }
  }
  return out + html.slice(last);
}

/** The style of an element with no style of its own, computed once per key. */
function sheetStyle(index: IndexedRules, stack: readonly ElementInfo[], element: ElementInfo): string {
  let style = index.styles.get(element.key);
  if (style === undefined) {
    style = cascade(matchingRules(index, [...stack, element]), null);
    index.styles.set(element.key, style);
  }
  return style;
}

function parseAttributes(text: string): Map<string, string | null> {
  const attributes = new Map<string, string | null>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(text); m; m = ATTRIBUTE.exec(text)) {
    const value = m[2] ?? m[3] ?? m[4];
    // Single-quoted values are re-emitted double-quoted, so their quotes need escaping.
    attributes.set(m[1]!.toLowerCase(), value === undefined ? null : m[3] !== undefined ? value.replaceAll('"', '&quot;') : value);
  }
  return attributes;
}

const serializeAttributes = (attributes: Map<string, string | null>) =>
  [...attributes].map(([name, value]) => (value === null ? ` ${name}` : ` ${name}="${value}"`)).join('');

/** Later declarations replace earlier ones and move to the end, so shorthands keep their order. */
function cascade(rules: readonly StyleRule[], existing: string | null | undefined): string {
  const declarations = new Map<string, string>();
  const set = (property: string, value: string) => {
    declarations.delete(property);
    declarations.set(property, value);
  };
  for (const rule of rules) for (const [property, value] of rule.declarations) set(property, value);
  for (const part of (existing ?? '').split(';')) {
    const colon = part.indexOf(':');
    if (colon > 0) set(part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim());
  }
  return [...declarations].map(([p, v]) => `${p}: ${attributeSafe(v)}`).join('; ');
}

/** Values go inside a double-quoted attribute: quote font names with ' instead. */
const attributeSafe = (value: string) =>
  value.includes("'") ? value.replaceAll('"', '&quot;') : value.replaceAll('"', "'");

const matchesCompound = (c: Compound, e: ElementInfo) =>
  (c.tag === null || c.tag === e.tag) && c.classes.every((cls) => e.classes.includes(cls));

/** Does `selector` match the last element of `path` (its ancestors before it)? */
export function matches(selector: Selector, path: readonly ElementInfo[]): boolean {
  const { compounds, combinators } = selector;
  const match = (ci: number, ei: number): boolean => {
    if (!matchesCompound(compounds[ci]!, path[ei]!)) return false;
    if (ci === 0) return true;
    if (combinators[ci - 1] === 'child') return ei > 0 && match(ci - 1, ei - 1);
    for (let a = ei - 1; a >= 0; a--) if (match(ci - 1, a)) return true;
    return false;
  };
  return path.length > 0 && match(compounds.length - 1, path.length - 1);
}
