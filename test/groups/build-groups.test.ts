/** `npm run build` builds every group's years too, and skips them when nothing changed. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { copyAgency, stubStages, tempDir, testOptions } from '../build/helpers.ts';
import { EXAMPLES } from './group-helpers.ts';

describe('a build with data/groups/', () => {
  it('writes out/groups/<group-id>/<year>/ for every year of every group, then finds them current', async () => {
    const root = await tempDir('build-groups');
    const data = path.join(root, 'data');
    for (const id of ['shenmu', 'jinjie']) await copyAgency(id, data, id);
    await fs.cp(path.join(EXAMPLES, 'groups'), path.join(data, 'groups'), { recursive: true });
    const options = testOptions({ dataDir: data, outDir: path.join(root, 'out') });
    const first = await build(options, { stages: stubStages(options), toolchain: 'test' });
    expect(first.failed).toBe(false);
    expect(first.groups.map((g) => [g.groupId, g.year, g.status, g.summary])).toEqual([
      ['shenmu-city', 2022, 'built', true],
      ['shenmu-city', 2023, 'built', true],
    ]);
    for (const year of [2022, 2023]) {
      const names = await fs.readdir(path.join(options.outDir, 'groups', 'shenmu-city', String(year)));
      expect(names).toEqual(expect.arrayContaining(['index.html', 'report.pdf', 'report.docx', 'report.html', 'summary.yaml', 'tables.xlsx', 'manifest.json']));
    }
    const again = await build(options, { stages: stubStages(options), toolchain: 'test' });
    expect(again.groups.map((g) => g.status)).toEqual(['current', 'current']);

    // A member's edit rebuilds the years that sum it: 2023 only, since 2022 does not read 2023.
    await fs.appendFile(path.join(data, 'jinjie', '2023.yaml'), '\n# 改动\n');
    const edited = await build(options, { stages: stubStages(options), toolchain: 'test' });
    expect(edited.groups.map((g) => [g.year, g.status])).toEqual([[2022, 'current'], [2023, 'built']]);
  }, 60_000);
});
