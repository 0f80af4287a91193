/**
 * Reads a data file as UTF-8 and parses it as YAML, keeping every node's source position so that
 * any finding can point at its line and column.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { isDocument, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Diagnostic, SourcePosition } from '../diagnostics/diagnostic.ts';
import { displayPath } from '../diagnostics/display-path.ts';
import { diagnostic } from '../diagnostics/rules.ts';
import { firstInvalidUtf8 } from './utf8-position.ts';
import { scalarFindings } from './scalar-findings.ts';
import { describeYamlError, isStackExhaustion } from './yaml-errors.ts';
import { aliasBomb, badAliases, MAX_ALIAS_COUNT, nesting, nestingOffset, tooDeep } from './yaml-structure.ts';

export type DataPath = ReadonlyArray<string | number>;

export interface SourceFile {
  /** Path as shown to users. */
  file: string;
  /** Absolute path. */
  absolute: string;
  text: string;
  /** Parsed value; undefined when the file could not be parsed. */
  data: unknown;
  /** Syntax, duplicate-key and encoding findings. */
  diagnostics: Diagnostic[];
  /** Position of the value at `dataPath`, or of its nearest existing ancestor. */
  locate(dataPath: DataPath): SourcePosition;
  /** Position of the key of the map entry at `dataPath` (for unknown keys), falling back to `locate`. */
  locateKey(dataPath: DataPath): SourcePosition;
  /**
   * Position of the character at `index` of the string value at `dataPath` (a number inside a
   * narrative block scalar), falling back to `locate` when the value cannot be followed.
   */
  locateText(dataPath: DataPath, index: number): SourcePosition;
}

// Defined with the diagnostics, which name files the same way; re-exported for the loaders.

/**
 * A year's data is some 10 KB; a file a hundred times that is a mistake (a pasted document, a
 * generated file) or an attack, and is refused before the parser spends time on it.
 */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Reads and parses `absolute`; never throws for bad content, only for I/O errors. */
export async function readSourceFile(absolute: string): Promise<SourceFile> {
  const file = displayPath(absolute);
  const { size } = await fs.stat(absolute);
  if (size > MAX_FILE_BYTES) {
    const message = `文件过大（${(size / 1024 / 1024).toFixed(1)} MB，上限 ${MAX_FILE_BYTES / 1024 / 1024} MB）：一个年度的数据通常只有几十 KB，请检查是否误粘贴了整篇文档`;
    return unreadable(file, absolute, diagnostic('file-too-large', { file, line: 1, column: 1 }, message));
  }
  const bytes = await fs.readFile(absolute);
  return parseSource(file, absolute, bytes);
}

/** A file whose content cannot be used at all: one finding at its start. */
function unreadable(file: string, absolute: string, finding: Diagnostic): SourceFile {
  const nowhere = () => ({ file, line: 1, column: 1 });
  return { file, absolute, text: '', data: undefined, diagnostics: [finding], locate: nowhere, locateKey: nowhere, locateText: nowhere };
}

export function parseSource(file: string, absolute: string, bytes: Uint8Array | string): SourceFile {
  let text: string;
  try {
    text = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const start = firstInvalidUtf8(bytes as Uint8Array);
    return unreadable(file, absolute, diagnostic('file-encoding', { file, ...start }, '文件不是有效的 UTF-8 编码（可能是 GBK/GB2312），请在编辑器中以 UTF-8 编码重新保存'));
  }
  // A UTF-8 BOM (common from Windows editors) is harmless: drop it so columns stay right.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Old Mac line endings (CR alone) are line breaks too; one character each, so offsets stay put.
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');

  const lineCounter = new LineCounter();
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length - 1)));
    return { file, line, column: col };
  };
  const doc = parseGuarded(text, lineCounter, at);
  if (!isDocument(doc)) return { ...unreadable(file, absolute, doc), text };
  const { diagnostics, data } = contentOf(doc, text, at);
  const nodeStart = (node: Node | null): SourcePosition => (node?.range ? at(node.range[0]) : { file, line: 1, column: 1 });
  return {
    file,
    absolute,
    text,
    data,
    diagnostics,
    locate: (dataPath) => nodeStart(findNode(doc, dataPath).node),
    locateKey(dataPath) {
      const { keyNode, node } = findNode(doc, dataPath);
      return nodeStart(keyNode ?? node);
    },
    locateText(dataPath, index) {
      const { node, exact } = findNode(doc, dataPath);
      if (!exact || !isScalar(node) || typeof node.value !== 'string' || !node.range) return nodeStart(node);
      const offset = scalarOffset(text, node.type, node.range, node.value, index);
      return offset === null ? nodeStart(node) : at(offset);
    },
  };
}

/** The parsed document, or the nesting finding when the text nests too deep to parse safely. */
function parseGuarded(text: string, lineCounter: LineCounter, at: (offset: number) => SourcePosition): Document | Diagnostic {
  const deep = nestingOffset(text);
  if (deep !== null) {
    // Not parsed, so the line starts the parser would have recorded are added here.
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    return nesting(at(deep));
  }
  // The parser makes an Error per finding; their stack traces are never read and cost more than
  // the parse itself on a badly broken file.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (error) {
    // The estimate above missed a nesting the parser could not take.
    if (error instanceof RangeError) return nesting({ ...at(0), line: 1, column: 1 });
    throw error;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * The document's findings and value. Nesting is measured first, without recursion, because every
 * later step (the parser's own, the walks below, the schema) recurses and would overflow on it.
 */
function contentOf(doc: Document, text: string, at: (offset: number) => SourcePosition): { diagnostics: Diagnostic[]; data: unknown } {
  const deep = tooDeep(doc, at);
  const overflow = doc.errors.find((e) => isStackExhaustion(e.code, e.message));
  if (deep || overflow) return { diagnostics: [deep ?? nesting(at(overflow!.pos[0]))], data: undefined };
  const diagnostics = [...yamlDiagnostics(doc, text, at), ...badAliases(doc, at)];
  if (diagnostics.length) return { diagnostics, data: undefined };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // The only throw left once aliases resolve and do not contain themselves: too many of them.
    if (!(error instanceof ReferenceError)) throw error;
    return { diagnostics: [aliasBomb(doc, at)], data: undefined };
  }
  return { diagnostics: scalarFindings(doc, text, at), data };
}

/**
 * One diagnostic per real problem: the parser often reports a broken line twice, and one
 * mis-indented block as one error per following line.
 */
function yamlDiagnostics(doc: Document, text: string, at: (offset: number) => SourcePosition): Diagnostic[] {
  const out: Diagnostic[] = [];
  const messages = new Set<string>();
  let lastLine = -1;
  for (const error of doc.errors) {
    if (error.code === 'DUPLICATE_KEY') {
      out.push(duplicateKey(doc, text, error.pos[0], at(error.pos[0]), at));
      continue;
    }
    const quoteStart = error.code === 'MISSING_CHAR' ? openingQuote(doc, error.pos[0]) : null;
    const pos = at(quoteStart ?? error.pos[0]);
    const message = `YAML 语法错误：${describeYamlError(error.code, error.message)}`;
    // Errors on the next line, or repeating one already given, are the parser tripping over the first.
    const echo = pos.line <= lastLine + 1 || messages.has(message);
    lastLine = Math.max(lastLine, pos.line);
    if (echo) continue;
    messages.add(message);
    out.push(diagnostic('yaml-syntax', pos, message));
  }
  return out;
}

/** An unclosed quote is reported where the file ends; the user needs the quote that opened it. */
function openingQuote(doc: Document, offset: number): number | null {
  let start: number | null = null;
  visit(doc, {
    Scalar(_, scalar) {
      const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
      if (quoted && scalar.range && scalar.range[0] <= offset && offset <= scalar.range[2]) {
        start = scalar.range[0];
        return visit.BREAK;
      }
    },
  });
  return start;
}

function duplicateKey(doc: Document, text: string, offset: number, pos: SourcePosition, at: (o: number) => SourcePosition): Diagnostic {
  let name = '';
  let first: number | null = null;
  visit(doc, {
    Map(_, map) {
      const keys = map.items.map((p) => p.key as Node | null);
      const dup = keys.find((k) => k?.range?.[0] === offset);
      if (!dup) return;
      name = isScalar(dup) ? String(dup.value) : text.slice(dup.range![0], dup.range![1]);
      first = keys.find((k) => k && isScalar(k) && String(k.value) === name)?.range?.[0] ?? null;
      return visit.BREAK;
    },
  });
  const firstAt = first !== null && first !== offset ? at(first) : null;
  return diagnostic(
    'yaml-duplicate-key',
    pos,
    `字段“${name}”在同一层级中重复出现${firstAt ? `（第一次出现在第 ${firstAt.line} 行）` : ''}；只保留一个`,
    firstAt ? [{ ...firstAt, message: `“${name}”第一次出现的位置` }] : undefined,
  );
}

/** Walks the YAML AST along `dataPath`, stopping at the deepest node that exists. */
function findNode(doc: Document, dataPath: DataPath): { node: Node | null; keyNode: Node | null; exact: boolean } {
  let node: Node | null = (doc.contents as Node | null) ?? null;
  let keyNode: Node | null = null;
  for (const segment of dataPath) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(segment));
      if (!pair) return { node, keyNode: null, exact: false };
      keyNode = (pair.key as Node) ?? null;
      node = (pair.value as Node | null) ?? keyNode;
    } else if (isSeq(node) && node.items[Number(segment)] !== undefined) {
      keyNode = null;
      node = node.items[Number(segment)] as Node;
    } else {
      return { node, keyNode: null, exact: false };
    }
  }
  return { node, keyNode, exact: true };
}

/**
 * Maps an index in a scalar's value to an offset in the source. Block scalars drop indentation,
 * folding joins lines and quotes escape characters, so the value's non-blank characters are
 * matched one by one against the source instead of computing the layout.
 */
function scalarOffset(text: string, type: string | undefined, range: readonly number[], value: string, index: number): number | null {
  const end = range[1] ?? text.length;
  let p = range[0]!;
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
    const header = text.indexOf('\n', p);
    if (header < 0) return null;
    p = header + 1;
  } else if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') {
    p += 1;
  }
  for (let i = 0; i <= index && i < value.length; i++) {
    const ch = value[i]!;
    if (/\s/.test(ch)) continue;
    while (p < end && text[p] !== ch) p++;
    if (p >= end) return null;
    if (i === index) return p;
    p++;
  }
  return null;
}
