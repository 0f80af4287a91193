/** Compiles the schemas once with AJV (draft 2020-12, every error, strict) and caches the validators. */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { ANNOTATION_KEYWORDS } from './schema/schema-node.ts';
import { schemaFor, type FileKind } from './schema/index.ts';

// ajv-formats is CommonJS: depending on the loader its plugin is the module or its `default`.
type AddFormats = typeof addFormatsModule.default;
const formats = addFormatsModule as unknown as AddFormats | { default: AddFormats };
const addFormats: AddFormats = typeof formats === 'function' ? formats : formats.default;

let validators: Record<FileKind, ValidateFunction> | null = null;

function compileAll(): Record<FileKind, ValidateFunction> {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    // Our rows are tuples with an optional last cell (a written 总计), which strict tuples forbid.
    strictTuples: false,
    // Errors carry the value and the schema node, which the messages quote.
    verbose: true,
    // 11.42 is not an exact multiple of 0.0001 in binary floating point.
    multipleOfPrecision: 9,
  });
  addFormats(ajv, ['date', 'email', 'uri']);
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  return {
    agency: ajv.compile(schemaFor('agency')),
    report: ajv.compile(schemaFor('report')),
    group: ajv.compile(schemaFor('group')),
  };
}

export function validatorFor(kind: FileKind): ValidateFunction {
  validators ??= compileAll();
  return validators[kind];
}
