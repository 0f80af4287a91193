/**
 * The schema gate of one data file: loader findings, the schema declaration line, and every schema
 * error, together with which parts of the data are sound enough for the arithmetic rules.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/rules.ts';
import type { SourceFile } from '../load/source-file.ts';
import { validatorFor } from './compile.ts';
import { Soundness } from './data-path.ts';
import { schemaDiagnostics } from './schema-errors.ts';
import { schemaFor, schemaLine, type FileKind } from './schema/index.ts';

export interface FileValidation {
  /** Everything found in the file, loader findings first. */
  diagnostics: Diagnostic[];
  /** Parts the schema accepted; a file that did not parse is unsound everywhere. */
  soundness: Soundness;
}

export function validateSource(source: SourceFile, kind: FileKind): FileValidation {
  const soundness = new Soundness();
  const diagnostics = [...source.diagnostics];
  if (source.data === undefined) {
    soundness.markBroken([]);
    return { diagnostics, soundness };
  }
  const line = checkSchemaLine(source, kind);
  if (line) diagnostics.push(line);
  const validate = validatorFor(kind);
  if (!validate(source.data)) {
    diagnostics.push(...schemaDiagnostics(validate.errors ?? [], source, schemaFor(kind), soundness));
  }
  return { diagnostics, soundness };
}

function checkSchemaLine(source: SourceFile, kind: FileKind): Diagnostic | null {
  const expected = schemaLine(kind);
  const first = source.text.split(/\r?\n/, 1)[0]?.trim() ?? '';
  if (first === expected) return null;
  const at = { file: source.file, line: 1, column: 1 };
  return first.startsWith('# yaml-language-server:')
    ? diagnostic('schema-line', at, `第一行的 schema 声明不对，应为：${expected}`)
    : diagnostic('schema-line', at, `文件第一行应为 schema 声明（编辑器据此补全字段、显示中文说明）：${expected}`);
}

export type { FileKind } from './schema/index.ts';
export { Soundness } from './data-path.ts';
