import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APPEAL_GROUPS,
  APPEAL_OUTCOMES,
  APPLICANT_COLUMNS,
  DOCUMENT_COLUMNS,
  OVERVIEW_ITEMS,
  PROACTIVE_BLOCKS,
  RESULT_ROWS,
  TOTAL_LABEL,
} from '../../src/format/index.ts';
import { DEFAULT_TITLE_PATTERNS } from '../../src/model/titles.ts';
import { PACKAGE_ROOT } from '../../src/options.ts';
import { validatorFor } from '../../src/validate/compile.ts';
import { renderSchema, SCHEMA_FILES, schemaFor, type FileKind, type SchemaNode } from '../../src/validate/schema/index.ts';

const KINDS = Object.keys(SCHEMA_FILES) as FileKind[];

/** Every schema node below `node` that describes a value, with its path. */
function* fields(node: SchemaNode, at = '#'): Generator<[string, SchemaNode]> {
  yield [at, node];
  for (const [k, child] of Object.entries(node.properties ?? {})) yield* fields(child, `${at}/${k}`);
  for (const [i, child] of (node.prefixItems ?? []).entries()) yield* fields(child, `${at}/${i}`);
  if (node.items) yield* fields(node.items, `${at}/items`);
}

describe('JSON Schemas', () => {
  it.each(KINDS)('schema/%s.schema.json is what `npm run schema` writes', (kind) => {
    const committed = fs.readFileSync(path.join(PACKAGE_ROOT, 'schema', SCHEMA_FILES[kind]), 'utf8');
    expect(committed).toBe(renderSchema(kind));
  });

  it.each(KINDS)('%s: every field has a Chinese title and description; every object is closed', (kind) => {
    for (const [at, node] of fields(schemaFor(kind))) {
      expect(node.title, at).toMatch(/[\u4e00-\u9fff]/);
      expect(node.description, at).toMatch(/[\u4e00-\u9fff]/);
      if (node.type === 'object') expect(node.additionalProperties, at).toBe(false);
    }
  });

  it('is draft 2020-12', () => {
    for (const kind of KINDS) expect(schemaFor(kind).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('reads its fields from the national format', () => {
    const report = schemaFor('report');
    const props = report.properties!;
    expect(Object.keys(props.overview!.properties!)).toEqual(['intro', 'subheads', ...OVERVIEW_ITEMS.map((i) => i.key)]);
    expect(Object.keys(props.proactive!.properties!)).toEqual(PROACTIVE_BLOCKS.flatMap((b) => b.rows.map((r) => r.key)));
    expect(Object.keys(props.requests!.properties!.results!.properties!)).toEqual([...RESULT_ROWS.map((r) => r.key), 'total']);
    expect(Object.keys(props.appeals!.properties!)).toEqual(APPEAL_GROUPS.map((g) => g.key));

    const received = props.requests!.properties!.received!;
    expect(received.prefixItems!.map((i) => i.title)).toEqual([...APPLICANT_COLUMNS.map((c) => c.label), TOTAL_LABEL]);
    expect([received.minItems, received.maxItems]).toEqual([6, 7]);
    const review = props.appeals!.properties!.review!;
    expect(review.prefixItems!.map((i) => i.title)).toEqual([...APPEAL_OUTCOMES.map((o) => o.label), TOTAL_LABEL]);
    expect([review.minItems, review.maxItems]).toEqual([4, 5]);
    const documents = props.proactive!.properties!.normativeDocuments!;
    expect(documents.prefixItems!.map((i) => i.title)).toEqual(DOCUMENT_COLUMNS.map((c) => c.label));
    expect([documents.minItems, documents.maxItems]).toEqual([3, 3]);
  });

  it.each<[string, unknown, boolean]>([
    ['11.42 万元', 11.42, true],
    ['four decimals', 0.0001, true],
    ['a float sum', 0.1 + 0.2, true],
    ['five decimals', 1.23456, false],
    ['a negative amount', -1, false],
  ])('fees: %s', (_, fees, valid) => {
    const validate = validatorFor('report');
    validate({ proactive: { fees } });
    const feeErrors = (validate.errors ?? []).filter((e) => e.instancePath === '/proactive/fees');
    expect(feeErrors.length === 0).toBe(valid);
  });

  it.each<[string, boolean]>([
    [DEFAULT_TITLE_PATTERNS.letter, true],
    [DEFAULT_TITLE_PATTERNS.document, true],
    ['{简称}关于{年度}年政府信息公开工作的报告', true],
    ['{机关名称}{年份}年报告', false],
    ['{机关名称', false],
  ])('title pattern “%s”', (pattern, valid) => {
    const validate = validatorFor('agency');
    expect(validate({ name: '某机关', titles: { letter: pattern } })).toBe(valid);
  });

  it('refuses {报告标题} in the report title itself', () => {
    const validate = validatorFor('agency');
    expect(validate({ name: '某机关', titles: { report: DEFAULT_TITLE_PATTERNS.report } })).toBe(true);
    expect(validate({ name: '某机关', titles: { report: '{报告标题}' } })).toBe(false);
  });
});
