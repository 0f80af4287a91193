/**
 * Findings about single values that the schema cannot see, because the YAML parser has already
 * turned them into ordinary numbers and strings: numbers written in hexadecimal or octal (0x21 is
 * 33 to YAML, but surely not what the writer meant), integers beyond 2^53 (stored inexactly),
 * .inf and .nan, and control or invisible characters in text.
 */
import { isPair, isScalar, isSeq, visit, type Document, type Node, type Scalar } from 'yaml';
import type { Diagnostic, SourcePosition } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/rules.ts';
import { codePoint, CONTROL, INVISIBLE, spellings } from './text-characters.ts';

type At = (offset: number) => SourcePosition;

export function scalarFindings(doc: Document, text: string, at: At): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (!node.range) return;
      // Field names: the schema reports unknown ones; control characters in them still count.
      const field = fieldOf(key, node, ancestors);
      if (typeof node.value === 'number') {
        const finding = numberFinding(node, field, at(node.range[0]));
        if (finding) out.push(finding);
      } else if (typeof node.value === 'string') {
        out.push(...characterFindings(node as Scalar<string>, field, text, at));
      }
    },
  });
  return out;
}

function numberFinding(node: Scalar, field: string, pos: SourcePosition): Diagnostic | null {
  const value = node.value as number;
  const written = node.source ?? String(value);
  if (node.format === 'HEX' || node.format === 'OCT') {
    return diagnostic('number-notation', pos, `${field}写成了${node.format === 'HEX' ? '十六进制' : '八进制'}的“${written}”（YAML 会读作 ${value}）；请写成十进制数字`);
  }
  if (!Number.isFinite(value)) {
    return diagnostic('number-notation', pos, `${field}写成了“${written}”（无穷大或非数字）；请写成具体的十进制数字`);
  }
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    return diagnostic('number-too-large', pos, `${field}的值 ${written} 太大（超过 2^53 = 9007199254740992），无法准确保存；请核对是否多写了数字`);
  }
  return null;
}

function characterFindings(node: Scalar<string>, field: string, text: string, at: At): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [pattern, code] of [[CONTROL, 'text-control'], [INVISIBLE, 'text-invisible']] as const) {
    const m = pattern.exec(node.value);
    if (!m) continue;
    const ch = m[0];
    const pos = at(findInSource(text, node.range!, ch) ?? node.range![0]);
    out.push(
      code === 'text-control'
        ? diagnostic(code, pos, `${field}中有控制字符 ${codePoint(ch)}（第 ${m.index + 1} 个字符），Word 文件和网页无法容纳；请删除它（常见于从其他软件复制粘贴的文字）`)
        : diagnostic(code, pos, `${field}中有不可见的格式字符 ${codePoint(ch)}（第 ${m.index + 1} 个字符），可能使文字显示的顺序或内容与实际不同；生成标题时会去掉它，请从数据中删除`),
    );
  }
  return out;
}

/** Where `ch` is written inside the scalar's source, raw or as a double-quoted escape. */
function findInSource(text: string, range: readonly number[], ch: string): number | null {
  const source = text.slice(range[0], range[1]);
  const lower = source.toLowerCase();
  const hits = spellings(ch)
    .map((s, i) => (i === 0 ? source.indexOf(s) : lower.indexOf(s.toLowerCase())))
    .filter((i) => i >= 0);
  return hits.length ? range[0]! + Math.min(...hits) : null;
}

/** `requests.received[0]`, from the pairs and sequences above the scalar. */
function fieldOf(key: number | 'key' | 'value' | null, node: Node, ancestors: readonly unknown[]): string {
  const parts: string[] = [];
  let child: unknown = node;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const parent = ancestors[i];
    if (isPair(parent)) {
      if (parent.key !== child) parts.unshift(isScalar(parent.key) ? String(parent.key.value) : '?');
    } else if (isSeq(parent)) {
      parts.unshift(`[${parent.items.indexOf(child as never)}]`);
    }
    child = parent;
  }
  const path = parts.reduce((acc, p) => (p.startsWith('[') ? acc + p : acc ? `${acc}.${p}` : p), '');
  const isKey = key === 'key';
  return isKey ? `字段名“${String((node as Scalar).value)}”` : path ? `“${path}”` : '文件';
}
