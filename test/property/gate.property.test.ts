/**
 * Whatever the bytes of a data file, the loader and the gate end in a result — a model or
 * diagnostics with Chinese messages at real positions — and never throw. 6,000 real files mutated
 * at random per run (test/property/generated.property.test.ts adds 4,500 generated ones); on a
 * failure fast-check prints the seed and the shrunk document, to replay with `{ seed }`.
 */
import { test } from '@fast-check/vitest';
import { describe } from 'vitest';
import { mutatedDocument } from './documents.ts';
import { gateDocument, PROPERTY_TIMEOUT_MS } from './gate-harness.ts';

describe('the loader and the gate on mutated files', () => {
  test.prop([mutatedDocument], { numRuns: 6000 })('never throw', ({ kind, text }) => gateDocument(kind, text), PROPERTY_TIMEOUT_MS);
});
