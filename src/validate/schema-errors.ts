/**
 * Turns AJV's errors into diagnostics: one per real problem, at the line and column of the value
 * (or of the key, for unknown keys), worded in Chinese with the field's title.
 */
import type { ErrorObject } from 'ajv';
import zhModule from 'ajv-i18n/localize/zh/index.js';
import { uniqueDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/rules.ts';
import type { DataPath, SourceFile } from '../load/source-file.ts';
import { formatPath, pointerToPath, type Soundness } from './data-path.ts';
import { suggestKey, type KeyChoice } from './did-you-mean.ts';
import { fieldName, schemaAt } from './field-names.ts';
import { valueMessage } from './schema-messages.ts';
import type { SchemaNode } from './schema/index.ts';

// ajv-i18n is CommonJS and its types claim an ES default export: take whichever is the function.
type Localize = (errors: ErrorObject[]) => void;
const zh = zhModule as unknown as Localize | { default: Localize };
const localizeZh: Localize = typeof zh === 'function' ? zh : zh.default;

const COMBINATORS = new Set(['anyOf', 'oneOf', 'allOf', 'not', 'if', 'then', 'else']);

const related = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

/** Keywords that judge a map's keys rather than a value: each of their errors is its own problem. */
const KEY_KEYWORDS = new Set(['required', 'additionalProperties']);

/**
 * Drops AJV's echoes: a combinator failing because of an error inside it, every other error at a
 * place whose type is already wrong (a string has no minimum worth reporting), and a second
 * complaint about the same value (a portal address failing both `pattern` and `format`).
 */
export function collapseErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const typeWrong = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const judged = new Set<string>();
  return errors.filter((e) => {
    if (COMBINATORS.has(e.keyword)) {
      return !errors.some((o) => o !== e && !COMBINATORS.has(o.keyword) && related(o.instancePath, e.instancePath));
    }
    if (KEY_KEYWORDS.has(e.keyword)) return true;
    if (e.keyword !== 'type' && typeWrong.has(e.instancePath)) return false;
    if (judged.has(e.instancePath)) return false;
    judged.add(e.instancePath);
    return true;
  });
}

export function schemaDiagnostics(
  errors: readonly ErrorObject[],
  source: SourceFile,
  schema: SchemaNode,
  soundness: Soundness,
): Diagnostic[] {
  const kept = collapseErrors(errors);
  localizeZh(kept as ErrorObject[]);
  const misspelt = misspeltKeys(kept, schema);
  const found = kept.flatMap((error) => {
    // Made even when dropped below: a missing field must still mark its place unsound.
    const d = toDiagnostic(error, source, schema, soundness);
    // A missing field whose misspelling is reported as an unknown key is one problem, not two.
    const misspeltRequired = error.keyword === 'required' && misspelt.has(`${error.instancePath}/${String(error.params.missingProperty)}`);
    return misspeltRequired ? [] : [d];
  });
  return uniqueDiagnostics(found);
}

/**
 * `instancePath/key` of every required key that an unknown key stands for: its misspelling in the
 * same map, or the key itself indented one level too deep.
 */
function misspeltKeys(errors: readonly ErrorObject[], schema: SchemaNode): Set<string> {
  const out = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const key = String(e.params.additionalProperty);
    const reading = readUnknownKey(key, pointerToPath(e.instancePath), schema);
    if (reading.kind === 'misspelt') out.add(`${e.instancePath}/${reading.meant.key}`);
    else if (reading.kind === 'tooDeep') out.add(`${e.instancePath.slice(0, e.instancePath.lastIndexOf('/'))}/${key}`);
  }
  return out;
}

type UnknownKeyReading =
  | { kind: 'misspelt'; meant: KeyChoice }
  /** A known key one level too deep: usually a wrong indentation. */
  | { kind: 'tooDeep' }
  | { kind: 'unknown'; choices: KeyChoice[] };

/** What an unknown key in the map at `parentPath` most likely stands for. */
function readUnknownKey(key: string, parentPath: DataPath, schema: SchemaNode): UnknownKeyReading {
  const choices = Object.entries(schemaAt(schema, parentPath)?.properties ?? {}).map(([k, s]) => ({ key: k, title: s.title }));
  const meant = suggestKey(key, choices);
  if (meant) return { kind: 'misspelt', meant };
  const grand = parentPath.length ? schemaAt(schema, parentPath.slice(0, -1)) : null;
  return grand?.properties?.[key] ? { kind: 'tooDeep' } : { kind: 'unknown', choices };
}

function toDiagnostic(error: ErrorObject, source: SourceFile, schema: SchemaNode, soundness: Soundness): Diagnostic {
  const dataPath = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    // An unknown key leaves the known fields usable: it does not make the data unsound.
    return unknownKey(String(params.additionalProperty), dataPath, source, schema);
  }
  if (error.keyword === 'required') {
    const missing = String(params.missingProperty);
    soundness.markBroken([...dataPath, missing]);
    return missingField(missing, dataPath, source, schema);
  }
  soundness.markBroken(dataPath);
  const finding = valueMessage(error, fieldName(schema, dataPath), schemaAt(schema, dataPath), error.message ?? '');
  return diagnostic(finding.code, source.locate(dataPath), finding.message);
}

function missingField(missing: string, parentPath: DataPath, source: SourceFile, schema: SchemaNode): Diagnostic {
  const title = schemaAt(schema, [...parentPath, missing])?.title;
  const where = parentPath.length ? `${formatPath(parentPath)} 下` : '';
  const at = parentPath.length ? source.locateKey(parentPath) : source.locate([]);
  return diagnostic('schema-required', at, `${where}缺少必填字段 ${missing}${title ? `（${title}）` : ''}`);
}

function unknownKey(key: string, parentPath: DataPath, source: SourceFile, schema: SchemaNode): Diagnostic {
  const where = parentPath.length ? `${formatPath(parentPath)} 下` : '';
  const at = source.locateKey([...parentPath, key]);
  const reading = readUnknownKey(key, parentPath, schema);
  if (reading.kind === 'misspelt') {
    const title = reading.meant.title ? `（${reading.meant.title}）` : '';
    return diagnostic('schema-unknown-key', at, `${where}不认识的字段“${key}”，您是否想写 ${reading.meant.key}${title}？`);
  }
  if (reading.kind === 'tooDeep') {
    return diagnostic('schema-unknown-key', at, `字段“${key}”不能放在 ${formatPath(parentPath)} 下：缩进是否多了一级？`);
  }
  const list = reading.choices.map((c) => c.key).join('、');
  return diagnostic('schema-unknown-key', at, `${where}不认识的字段“${key}”；这里可用的字段：${list}`);
}
