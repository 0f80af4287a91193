/**
 * The shape of a parsed YAML document that must be refused before its value is built: nesting
 * deeper than any data file needs (which would exhaust the stack of every recursive step after
 * it), aliases without an anchor, aliases that contain themselves, and aliases that expand to an
 * enormous value (an "alias bomb").
 */
import { isCollection, isPair, visit, type Document, type Node } from 'yaml';
import type { Diagnostic, SourcePosition } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/rules.ts';

/** Far more than the deepest data file (about 5 levels), far less than what overflows the stack. */
export const MAX_DEPTH = 40;

/** How many nodes the aliases of one file may expand to, in the yaml package's own count. */
export const MAX_ALIAS_COUNT = 100;

/** The first collection nested deeper than MAX_DEPTH, found without recursion. */
export function tooDeep(doc: Document, at: (offset: number) => SourcePosition): Diagnostic | null {
  const stack: Array<[unknown, number]> = [[doc.contents, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (isPair(node)) {
      stack.push([node.key, depth], [node.value, depth]);
      continue;
    }
    if (!isCollection(node)) continue;
    if (depth > MAX_DEPTH) return nesting(at((node as Node).range?.[0] ?? 0));
    for (const item of node.items) stack.push([item, depth + 1]);
  }
  return null;
}

export const nesting = (pos: SourcePosition): Diagnostic =>
  diagnostic('yaml-nesting', pos, `嵌套层数过多（超过 ${MAX_DEPTH} 层）：数据文件最多只有几层缩进或括号，请检查这里是否多写了 [ 、{ 或缩进`);

/** Aliases that name no earlier anchor, or that sit inside the value they name. */
export function badAliases(doc: Document, at: (offset: number) => SourcePosition): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Alias(_, alias) {
      const pos = at(alias.range?.[0] ?? 0);
      const target = alias.resolve(doc);
      if (!target) {
        out.push(diagnostic('yaml-alias', pos, `别名 *${alias.source} 没有对应的锚点：须先在前面用 &${alias.source} 标出要引用的值；不需要引用时请直接写出值`));
      } else if (target.range && alias.range && target.range[0] <= alias.range[0] && alias.range[1] <= target.range[2]) {
        out.push(diagnostic('yaml-alias', pos, `别名 *${alias.source} 引用了包含它自身的值，无法展开`));
      }
    },
  });
  return out;
}

/** The bomb's finding, at its first alias, when building the value exceeded MAX_ALIAS_COUNT. */
export function aliasBomb(doc: Document, at: (offset: number) => SourcePosition): Diagnostic {
  let first = 0;
  visit(doc, {
    Alias(_, alias) {
      first = alias.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return diagnostic('yaml-alias', at(first), `别名（*名称）展开后的内容过多（超过 ${MAX_ALIAS_COUNT} 处引用），疑似恶意构造的“别名炸弹”；请直接写出值`);
}


/**
 * The offset where the text nests deeper than MAX_DEPTH, estimated line by line before parsing:
 * the parser itself recurses once per level and can overflow the stack (throwing rather than
 * reporting) on a file of a few kilobytes such as `- - - - … x`. Counts indentation levels,
 * `- ` entries opened on one line and open brackets, skipping block scalars, quotes and comments;
 * it over-counts at worst slightly, far below what would overflow.
 */
export function nestingOffset(text: string): number | null {
  const indents: number[] = [];
  let brackets = 0;
  let blockScalarIndent: number | null = null;
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const indent = line.length - line.trimStart().length;
    const body = line.trimStart();
    if (blockScalarIndent !== null) {
      if (!body || indent > blockScalarIndent) continue;
      blockScalarIndent = null;
    }
    if (!body || body.startsWith('#')) continue;
    if (brackets === 0) {
      while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
    }
    let dashes = 0;
    while ((body[dashes * 2] === '-' || body[dashes * 2] === '?') && body[dashes * 2 + 1] === ' ') dashes++;
    if (indents.length + dashes > MAX_DEPTH) return start + indent + 2 * Math.max(0, MAX_DEPTH - indents.length);
    let quote: string | null = null;
    for (let i = dashes * 2; i < body.length; i++) {
      const ch = body[i]!;
      if (quote) {
        if (ch === quote) quote = null;
        continue;
      }
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '#' && body[i - 1] === ' ') break;
      else if (ch === '[' || ch === '{') brackets++;
      else if (ch === ']' || ch === '}') brackets = Math.max(0, brackets - 1);
      if (indents.length + dashes + brackets > MAX_DEPTH) return start + indent + i;
    }
    if (indents.length + dashes + brackets > MAX_DEPTH) return start + indent;
    if (/(^|[:-]\s+)[|>][-+0-9]*\s*(#.*)?$/.test(body)) blockScalarIndent = indent;
  }
  return null;
}
