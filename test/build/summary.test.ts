/** The build's closing text shows each finding once, however many reports it came back with. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { formatBuildSummary } from '../../src/build/summary.ts';
import { makeTwoYearAgency, stubStages, tempDir, testOptions } from './helpers.ts';

describe('build summary', () => {
  it('prints an agency.yaml finding and a missing agency.yaml once, while the table counts them per report', async () => {
    const data = path.join(await tempDir('summary'), 'data');
    const agency = await makeTwoYearAgency(data, 'bad-agency');
    const agencyFile = path.join(agency, 'agency.yaml');
    await fs.writeFile(agencyFile, (await fs.readFile(agencyFile, 'utf8')).replace(/^name: /m, 'nmae: 错字\nname: '));
    const orphan = await makeTwoYearAgency(data, 'no-agency');
    await fs.rm(path.join(orphan, 'agency.yaml'));
    const options = testOptions({ dataDir: data, outDir: path.join(data, '..', 'out') });

    const summary = await build(options, { stages: stubStages(options), toolchain: 'test' });
    const text = formatBuildSummary(summary, options);

    const findings = text.split('\n').filter((line) => /^\S+:\d+:\d+ /.test(line));
    expect(new Set(findings).size).toBe(findings.length);
    expect(findings.filter((line) => line.includes('agency.yaml:'))).toEqual([
      expect.stringContaining(`${path.join('bad-agency', 'agency.yaml')}:4:1 错误 [schema-unknown-key]`),
      expect.stringContaining(`${path.join('no-agency', 'agency.yaml')}:1:1 错误 [agency-missing]`),
    ]);
    expect(text).toContain('共 2 个错误');
    for (const id of ['bad-agency', 'no-agency']) {
      for (const year of [2023, 2024]) expect(text).toMatch(new RegExp(`${id}\\s+${year}\\s+未生成（检查未通过）\\s+\\d+\\s+1`));
    }
  });
});
