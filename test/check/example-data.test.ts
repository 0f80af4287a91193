/**
 * The five example agencies under data/ must pass the gate without a finding. They are named by id:
 * an office's own agencies beside them are for `nianbao check` to judge, never for `npm test`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, type CheckSummary } from '../../src/check/index.ts';
import { narrativeNumbers } from '../../src/check/rules/narrative.ts';
import { parseSource } from '../../src/load/source-file.ts';
import { validateSource } from '../../src/validate/index.ts';
import { resolveOptions, PACKAGE_ROOT } from '../../src/options.ts';
import { tempDir } from '../build/helpers.ts';
import { EXAMPLE_AGENCIES } from '../render/html/example-reports.ts';

const DATA = path.join(PACKAGE_ROOT, 'data');

const checkExamples = (dataDir: string): Promise<CheckSummary> =>
  check(resolveOptions({ dataDir, agencies: [...EXAMPLE_AGENCIES], output: { color: false } }));

/** The findings of the examples in `dataDir` that KNOWN does not explain. */
async function unexpectedFindings(dataDir: string) {
  const summary = await checkExamples(dataDir);
  const found = summary.diagnostics.map((d) => ({
    code: d.code,
    file: path.relative(dataDir, path.resolve(d.file)).split(path.sep).join('/'),
    message: d.message,
  }));
  return { summary, unexpected: found.filter((f) => !KNOWN.some((k) => k.code === f.code && k.file === f.file)) };
}

/**
 * Findings the published sources make unavoidable, each with its reason. Anything else in data/
 * is a mistake in the data (or a false alarm of a rule) and fails this test.
 */
const KNOWN: Array<{ code: string; file: string; why: string }> = [
  {
    code: 'document-date-missing',
    file: 'jinjie/2023.yaml',
    why: '锦界镇的红头文件原文（jinjie-2023-numbered-report.txt）没有成文日期，数据不应编造',
  },
  {
    code: 'signer-missing',
    file: 'jinjie/2023.yaml',
    why: '锦界镇的红头文件是报送神木市政府办的上行文，但原文没有签发人，数据不应编造',
  },
  {
    code: 'imprint-missing',
    file: 'jinjie/2023.yaml',
    why: '锦界镇的红头文件原文没有版记（印发机关和印发日期），数据不应编造',
  },
];

describe.runIf(fs.existsSync(DATA))('data/', () => {
  it('passes the gate: no errors, and no warnings beyond the known ones', async () => {
    const { summary, unexpected } = await unexpectedFindings(DATA);
    expect(unexpected).toEqual([]);
    expect(summary.errors).toBe(0);
  });

  it('stays green when an office adds its own broken agency beside the examples', async () => {
    const copy = path.join(await tempDir('office-data'), 'data');
    for (const id of EXAMPLE_AGENCIES) fs.cpSync(path.join(DATA, id), path.join(copy, id), { recursive: true });
    const own = path.join(copy, 'office-own');
    fs.mkdirSync(own);
    fs.writeFileSync(path.join(own, '2024.yaml'), 'year: 2024\nrequests: [\n');
    fs.mkdirSync(path.join(copy, 'Bad_Name'));
    // The office's data is wrong, and `nianbao check` says so …
    const all = await check(resolveOptions({ dataDir: copy, output: { color: false } }));
    expect(all.errors).toBeGreaterThan(0);
    // … but the examples' test does not look at it.
    const { summary, unexpected } = await unexpectedFindings(copy);
    expect(unexpected).toEqual([]);
    expect(summary.errors).toBe(0);
  });

  it('still needs every known finding (remove it from KNOWN once the data is fixed)', async () => {
    const summary = await checkExamples(DATA);
    for (const k of KNOWN) {
      expect(summary.diagnostics.some((d) => d.code === k.code && path.resolve(d.file) === path.join(DATA, k.file)), k.why).toBe(true);
    }
  });
});

/** Each example states figures in its own words; changing one figure must be noticed. */
describe.runIf(fs.existsSync(DATA))('narrative-mismatch on the examples’ own phrasings', () => {
  it.each<[string, number, string, string]>([
    ['shenmu/2023.yaml', 2023, '共收到依申请公开35件', '共收到依申请公开36件'],
    ['shizuishan-office/2023.yaml', 2023, '共收到政府信息公开申请12件', '共收到政府信息公开申请13件'],
    ['shizuishan-office/2023.yaml', 2023, '引发行政复议1件', '引发行政复议2件'],
    ['xinxiang-office/2023.yaml', 2023, '受理依申请公开222件', '受理依申请公开223件'],
    ['xinxiang-office/2023.yaml', 2023, '上年结转申请5件', '上年结转申请6件'],
    ['xinxiang-office/2023.yaml', 2023, '办结215件', '办结216件'],
    ['xinxiang-office/2023.yaml', 2023, '结转下年度办理12件', '结转下年度办理13件'],
    ['xinxiang-office/2023.yaml', 2023, '行政复议案件1起', '行政复议案件2起'],
    ['xinxiang-office/2023.yaml', 2023, '规范性文件17件', '规范性文件18件'],
    ['shuozhou-office/2024.yaml', 2024, '受理政府信息公开申请15件', '受理政府信息公开申请16件'],
    ['shuozhou-office/2024.yaml', 2024, '办结13件', '办结14件'],
    ['shuozhou-office/2024.yaml', 2024, '结转2025年2件', '结转2025年3件'],
  ])('%s: %s → %s', (file, year, from, to) => {
    const original = fs.readFileSync(path.join(DATA, file), 'utf8');
    expect(original, '示例数据的措辞变了：请同步更新这张表').toContain(from);
    const source = parseSource(file, file, original.replace(from, to));
    const { soundness } = validateSource(source, 'report');
    const found = narrativeNumbers.run({ year, report: { data: source.data as never, source, soundness }, agency: null, previous: null });
    expect(found.map((d) => d.code)).toEqual(['narrative-mismatch']);
  });
});
