/**
 * Reads a data file as UTF-8 and parses it as YAML, keeping every node's source position so that
 * any finding can point at its line and column.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, SourcePosition } from '../diagnostics/diagnostic.ts';

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
}

const displayPath = (absolute: string): string => {
  const rel = path.relative(process.cwd(), absolute);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute;
};

/** Reads and parses `absolute`; never throws for bad content, only for I/O errors other than a missing file. */
export async function readSourceFile(absolute: string): Promise<SourceFile> {
  const file = displayPath(absolute);
  const bytes = await fs.readFile(absolute);
  return parseSource(file, absolute, bytes);
}

export function parseSource(file: string, absolute: string, bytes: Uint8Array): SourceFile {
  const diagnostics: Diagnostic[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const { line, column } = firstInvalidUtf8(bytes);
    diagnostics.push({
      file, line, column, severity: 'error', code: 'file-encoding',
      message: '文件不是有效的 UTF-8 编码（可能是 GBK/GB2312），请用 UTF-8 重新保存',
    });
    return { file, absolute, text: '', data: undefined, diagnostics, locate: () => ({ file, line: 1, column: 1 }), locateKey: () => ({ file, line: 1, column: 1 }) };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(Math.min(offset, Math.max(text.length - 1, 0)));
    return { file, line, column: col };
  };
  for (const error of doc.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    diagnostics.push({
      ...at(error.pos[0]),
      severity: 'error',
      code: duplicate ? 'yaml-duplicate-key' : 'yaml-syntax',
      message: duplicate ? '同一层级中出现了重复的字段名' : `YAML 语法错误：${yamlErrorText(error.code, error.message)}`,
    });
  }
  const data = doc.errors.length ? undefined : doc.toJS({ maxAliasCount: 100 });
  const nodeAt = (dataPath: DataPath): { node: Node | null; keyNode: Node | null } => findNode(doc, dataPath);
  return {
    file,
    absolute,
    text,
    data,
    diagnostics,
    locate(dataPath) {
      const { node } = nodeAt(dataPath);
      return node?.range ? at(node.range[0]) : { file, line: 1, column: 1 };
    },
    locateKey(dataPath) {
      const { keyNode, node } = nodeAt(dataPath);
      const target = keyNode ?? node;
      return target?.range ? at(target.range[0]) : { file, line: 1, column: 1 };
    },
  };
}

/** Walks the YAML AST along `dataPath`, stopping at the deepest node that exists. */
function findNode(doc: Document, dataPath: DataPath): { node: Node | null; keyNode: Node | null } {
  let node: Node | null = (doc.contents as Node | null) ?? null;
  let keyNode: Node | null = null;
  for (const segment of dataPath) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(segment));
      if (!pair) return { node, keyNode: null };
      keyNode = (pair.key as Node) ?? null;
      node = (pair.value as Node | null) ?? keyNode;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      keyNode = null;
      node = node.items[segment] as Node;
    } else {
      return { node, keyNode: null };
    }
  }
  return { node, keyNode };
}

const YAML_ERROR_TEXT: Record<string, string> = {
  BAD_INDENT: '缩进不正确',
  MISSING_CHAR: '缺少必要的字符（如引号或括号未闭合）',
  BLOCK_AS_IMPLICIT_KEY: '字段名写法不正确（可能缺少冒号后的空格）',
  MULTILINE_IMPLICIT_KEY: '字段名不能跨行（可能缺少冒号或缩进不对）',
  TAB_AS_INDENT: '不能用 Tab 缩进，请改用空格',
  UNEXPECTED_TOKEN: '出现了意外的内容',
  MULTIPLE_DOCS: '一个文件只能包含一个 YAML 文档',
  BAD_SCALAR_START: '值的开头字符不合法（如以 @ 或 ` 开头的值需要加引号）',
  IMPOSSIBLE: '无法解析',
};

const yamlErrorText = (code: string, message: string): string =>
  YAML_ERROR_TEXT[code] ?? message.split('\n')[0] ?? code;

function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  // Decode prefixes until decoding fails, so the message points near the first bad byte.
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) break;
    let ok = true;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) ok = false;
    if (!ok) break;
    if (b === 0x0a) {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
    i += len;
  }
  return { line, column };
}
