/**
 * The validators are compiled ahead of time (schema/validators.cjs, written by `npm run schema`)
 * and used only while they match the schemas; they must find exactly what compiling gives.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createAjv, PRECOMPILED_FILE, schemasHash, validatorFor } from '../../src/validate/compile.ts';
import { schemaFor } from '../../src/validate/schema/index.ts';
import { standaloneValidators } from '../../src/validate/standalone.ts';

const require = createRequire(import.meta.url);

describe('precompiled validators', () => {
  it('schema/validators.cjs is what `npm run schema` writes, for the current schemas', () => {
    expect(readFileSync(PRECOMPILED_FILE, 'utf8')).toBe(standaloneValidators());
    expect(require(PRECOMPILED_FILE).schemasHash).toBe(schemasHash());
  });

  it('are the ones in use, and report the same errors as validators compiled at run time', () => {
    expect(validatorFor('report')).toBe(require(PRECOMPILED_FILE).report);
    const compiled = createAjv().compile(schemaFor('report'));
    const bad = { year: '2023', overview: { intro: 5 }, proactive: { regulations: [1, -1] }, extra: true };
    expect(validatorFor('report')(bad)).toBe(false);
    expect(compiled(bad)).toBe(false);
    const strip = (errors: typeof compiled.errors) => errors!.map(({ schemaPath, instancePath, keyword, params, message, data }) => ({ schemaPath, instancePath, keyword, params, message, data }));
    expect(strip(validatorFor('report').errors)).toEqual(strip(compiled.errors));
    expect(validatorFor('report').errors!.every((e) => e.parentSchema && typeof e.parentSchema === 'object')).toBe(true);
  });
});
