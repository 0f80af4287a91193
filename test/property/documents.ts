/**
 * Arbitraries of data files for the property tests: real files mutated at random (characters
 * deleted, inserted from an alphabet of YAML's special characters, lines swapped, repeated or
 * re-indented, numbers rewritten), and documents generated from scratch in the shape of a year
 * file with values of every kind in every place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fc } from '@fast-check/vitest';
import { stringify } from 'yaml';

const REPO = path.resolve(import.meta.dirname, '../..');

/** Every example and fixture file: the seeds the mutations start from. */
export const SEEDS: Array<{ kind: 'agency' | 'report'; text: string }> = [
  ...['data/shenmu', 'data/jinjie', 'data/xinxiang-office', 'data/shuozhou-office', 'data/shizuishan-office', 'test/fixtures/clean/data/demo-county'].flatMap((dir) =>
    fs.readdirSync(path.join(REPO, dir)).filter((f) => f.endsWith('.yaml')).map((f) => ({
      kind: f === 'agency.yaml' ? ('agency' as const) : ('report' as const),
      text: fs.readFileSync(path.join(REPO, dir, f), 'utf8'),
    })),
  ),
];

/** YAML's structural characters, line breaks, controls, bidi marks and number spellings. */
const PIECES = [
  '[', ']', '{', '}', ':', ': ', '- ', '#', '&a ', '*a', '*b', '!!str ', '!!binary ', '|', '>', "'", '"', '\\', '\t', '\n', '\r', '\r\n',
  '\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u2028', '\u202e', '\u200b', '\ufeff', '\ud800', '---\n', '...\n', '%YAML 1.1\n',
  '0x21', '0o17', '1e400', '9007199254740993', '-0', '.inf', '.nan', '~', 'null', 'yes', '', ' ', '  ', '中', '〔2024〕', '{{x}}', '{#a}', '<b>',
];
const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 }));

type Mutation = (text: string) => string;

const atFraction = (text: string, f: number) => Math.floor(f * text.length);
const lines = (text: string) => text.split('\n');

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), piece).map(([f, p]): Mutation => (t) => t.slice(0, atFraction(t, f)) + p + t.slice(atFraction(t, f))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 40 })).map(([f, n]): Mutation => (t) => t.slice(0, atFraction(t, f)) + t.slice(atFraction(t, f) + n)),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (t) => {
    const ls = lines(t);
    const [i, j] = [a % ls.length, b % ls.length];
    [ls[i], ls[j]] = [ls[j]!, ls[i]!];
    return ls.join('\n');
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 5 })).map(([a, n]): Mutation => (t) => {
    const ls = lines(t);
    const i = a % ls.length;
    ls.splice(i, 0, ...Array<string>(n).fill(ls[i]!));
    return ls.join('\n');
  }),
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 4 })).map(([a, d]): Mutation => (t) => {
    const ls = lines(t);
    const i = a % ls.length;
    ls[i] = d >= 0 ? ' '.repeat(d) + ls[i] : ls[i]!.slice(-d);
    return ls.join('\n');
  }),
  fc.tuple(fc.nat(), fc.oneof(fc.integer(), fc.double(), fc.constantFrom('0x10', '1_000', '+5', '"7"', '1e3', '9'.repeat(30), '-1', '.5'))).map(
    ([k, v]): Mutation => (t) => {
      let seen = 0;
      return t.replace(/\b\d+\b/g, (m) => (seen++ === k % 50 ? String(v) : m));
    },
  ),
);

/** A seed file with one to eight mutations applied. */
export const mutatedDocument = fc
  .tuple(fc.nat({ max: SEEDS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }))
  .map(([i, ms]) => ({ kind: SEEDS[i]!.kind, text: ms.reduce((t, m) => m(t), SEEDS[i]!.text) }));

const scalar = fc.oneof(
  fc.integer(),
  fc.nat({ max: 50 }),
  fc.double(),
  fc.string(),
  fc.constantFrom(null, true, '', '2024-01-20', '2024-02-30', '示例县人民政府', 'x@y.cn', '036000'),
  fc.bigInt().map(String),
);
const row = (n: number) => fc.oneof(fc.array(fc.nat({ max: 20 }), { minLength: n, maxLength: n }), fc.array(scalar, { maxLength: n + 2 }), scalar);
const loose = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 })),
})).value;

/** A year file built from scratch: the right keys with values of any kind, and stray keys. */
const yearShape = fc.record(
  {
    year: fc.oneof(fc.constant(2023), scalar),
    overview: fc.oneof(fc.record({ intro: scalar, proactive: fc.record({ text: scalar }) }, { requiredKeys: [] }), loose),
    proactive: fc.record({ regulations: row(3), normativeDocuments: row(3), licensing: scalar, punishment: scalar, coercion: scalar, fees: scalar }, { requiredKeys: [] }),
    requests: fc.record({ received: row(6), carriedOver: row(6), carriedForward: row(6), results: fc.oneof(loose, fc.record({ disclosed: row(6), partiallyDisclosed: row(6) })) }, { requiredKeys: [] }),
    appeals: fc.record({ review: row(4), litigationDirect: row(4), litigationAfterReview: row(4) }, { requiredKeys: [] }),
    problems: scalar,
    otherMatters: scalar,
    letter: loose,
    document: loose,
    extra: loose,
  },
  { requiredKeys: [] },
);

const agencyShape = fc.record(
  { name: scalar, shortName: scalar, docNumberPrefix: scalar, recipients: fc.oneof(fc.record({ letter: scalar, document: scalar }), loose), contact: loose, titles: loose, extra: loose },
  { requiredKeys: [] },
);

export const generatedDocument = fc.oneof(
  yearShape.map((v) => ({ kind: 'report' as const, text: stringify(v) })),
  agencyShape.map((v) => ({ kind: 'agency' as const, text: stringify(v) })),
  loose.map((v) => ({ kind: 'report' as const, text: stringify(v) })),
);
