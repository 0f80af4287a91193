/**
 * The schemas' validators (AJV, draft 2020-12, every error, strict), made once per process.
 * Compiling them takes over half a second, paid by every `check` and every `build` that has a
 * report to build, so `npm run schema` also writes them as standalone code
 * (schema/validators.cjs, see ./standalone.ts) and this loads that instead. The file records a
 * hash of the schemas it was generated from; when it is missing or the schemas have changed
 * since, the validators are compiled here as before, so a stale file can never validate.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Ajv2020 as Ajv, ValidateFunction } from 'ajv/dist/2020.js';
import type addFormatsModule from 'ajv-formats';
import { PACKAGE_ROOT } from '../options.ts';
import { sha256 } from '../write/manifest.ts';
import { ANNOTATION_KEYWORDS } from './schema/schema-node.ts';
import { renderSchema, schemaFor, type FileKind } from './schema/index.ts';

const require = createRequire(import.meta.url);

export const PRECOMPILED_FILE = path.join(PACKAGE_ROOT, 'schema', 'validators.cjs');

/** Options of every validator, compiled here or standalone. */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  // Our rows are tuples with an optional last cell (a written 总计), which strict tuples forbid.
  strictTuples: false,
  // Errors carry the value and the schema node, which the messages quote.
  verbose: true,
  // 11.42 is not an exact multiple of 0.0001 in binary floating point.
  multipleOfPrecision: 9,
} as const;

export const KINDS: readonly FileKind[] = ['agency', 'report', 'group'];

/** What the validators are made from: every schema as `npm run schema` writes it. */
export const schemasHash = (): string => sha256(KINDS.map(renderSchema).join('\n'));

/** A fresh AJV with our options, formats and annotation keywords; `code` for standalone output. */
export function createAjv(code?: { source: true }): Ajv {
  // Loaded only here: a process with precompiled validators never loads AJV's compiler.
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  // ajv-formats is CommonJS: depending on the loader its plugin is the module or its `default`.
  type AddFormats = typeof addFormatsModule.default;
  const formats = require('ajv-formats') as AddFormats | { default: AddFormats };
  const addFormats: AddFormats = typeof formats === 'function' ? formats : formats.default;
  const ajv = new Ajv2020({ ...AJV_OPTIONS, ...(code ? { code } : {}) });
  addFormats(ajv, ['date', 'email', 'uri']);
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  return ajv;
}

type Validators = Record<FileKind, ValidateFunction>;

function precompiled(): Validators | null {
  try {
    const loaded = require(PRECOMPILED_FILE) as Partial<Validators> & { schemasHash?: string };
    if (loaded.schemasHash !== schemasHash() || !KINDS.every((kind) => loaded[kind])) return null;
    return Object.fromEntries(KINDS.map((kind) => [kind, loaded[kind]!])) as Validators;
  } catch {
    return null;
  }
}

function compileAll(): Validators {
  const ajv = createAjv();
  return Object.fromEntries(KINDS.map((kind) => [kind, ajv.compile(schemaFor(kind))])) as Validators;
}

let validators: Validators | null = null;

export function validatorFor(kind: FileKind): ValidateFunction {
  validators ??= precompiled() ?? compileAll();
  return validators[kind];
}
