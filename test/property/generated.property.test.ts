/**
 * The loader and the gate on documents made from scratch — year and agency files with values of
 * any kind in any place, and arbitrary text — 4,500 per run; never an exception.
 */
import { fc, test } from '@fast-check/vitest';
import { describe } from 'vitest';
import { generatedDocument } from './documents.ts';
import { gateDocument, PROPERTY_TIMEOUT_MS } from './gate-harness.ts';

describe('the loader and the gate on generated documents', () => {
  test.prop([generatedDocument], { numRuns: 3500 })('data-file shapes never throw', ({ kind, text }) => gateDocument(kind, text), PROPERTY_TIMEOUT_MS);
  test.prop([fc.string({ unit: 'binary', maxLength: 400 })], { numRuns: 1000 })('arbitrary text never throws', (text) => gateDocument('report', text), PROPERTY_TIMEOUT_MS);
});
