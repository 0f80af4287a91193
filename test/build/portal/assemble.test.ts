/**
 * A province built in shards: four `build --shard k/4` runs into four folders, then `portal`
 * assembles them; the result must be the output of one build of every agency, file for file.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../../src/build/index.ts';
import { assemblePortal, PortalInputError } from '../../../src/build/portal/assemble.ts';
import { runInProcess } from '../../cli/run-in-process.ts';
import { copyAgency, listTree, makeAgencies, makeTwoYearAgency, stubStages, tempDir, testOptions } from '../helpers.ts';

const SHARDS = 4;
/** Five builds of eleven reports each (with instant renderers) on a shared machine. */
const TIMEOUT = 60_000;

async function province(root: string): Promise<string> {
  const data = path.join(root, 'data');
  for (const id of ['jinjie', 'shenmu', 'shizuishan-office', 'shuozhou-office', 'xinxiang-office']) await copyAgency(id, data, id);
  await makeTwoYearAgency(data);
  await makeAgencies(data, 4);
  return data;
}

async function buildInto(dataDir: string, outDir: string, shard: { index: number; count: number } | null = null) {
  const options = testOptions({ dataDir, outDir, shard });
  const summary = await build(options, { stages: stubStages(options), toolchain: 'test' });
  expect(summary.failed).toBe(false);
  return summary;
}

async function expectSameTree(actual: string, expected: string) {
  const files = await listTree(expected);
  expect(await listTree(actual)).toEqual(files);
  for (const name of files) {
    const stat = await fs.stat(path.join(expected, name));
    if (stat.isFile()) expect(await fs.readFile(path.join(actual, name)), name).toEqual(await fs.readFile(path.join(expected, name)));
  }
}

async function shardedBuild(root: string, data: string): Promise<string[]> {
  const parts = Array.from({ length: SHARDS }, (_, k) => path.join(root, 'parts', `shard-${k + 1}`));
  for (const [k, part] of parts.entries()) {
    const summary = await buildInto(data, part, { index: k + 1, count: SHARDS });
    expect(summary.portal).toBeNull();
    expect(await listTree(part)).not.toContain('index.html');
  }
  return parts;
}

describe('nianbao portal', () => {
  it('assembles a 4-shard build into exactly the output of a single build', async () => {
    const root = await tempDir('shards');
    const data = await province(root);
    const single = path.join(root, 'single');
    await buildInto(data, single);
    const parts = await shardedBuild(root, data);

    const merged = path.join(root, 'merged');
    const summary = await assemblePortal({ outDir: merged, inputs: parts });
    // The five examples (shenmu and jinjie with a 2022 sample year) and four copies.
    expect(summary).toMatchObject({ reports: 13, copied: 13, portal: ['index.html', 'data.json', 'tables.csv', 'tables.xlsx'] });
    await expectSameTree(merged, single);
    // Nothing is left beside the output folder, and running it again changes nothing.
    expect(await fs.readdir(root)).not.toContain('.merged-tmp');
    expect(await assemblePortal({ outDir: merged, inputs: parts })).toMatchObject({ reports: 13, copied: 0, portal: [] });
  }, TIMEOUT);

  it('writes the portal of shard folders already merged into out/, and a build then finds every report current', async () => {
    const root = await tempDir('shards-merged');
    const data = await province(root);
    const single = path.join(root, 'single');
    await buildInto(data, single);
    const out = path.join(root, 'out');
    for (const part of await shardedBuild(root, data)) await fs.cp(part, out, { recursive: true });

    const run = await runInProcess(['portal', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('共 13 份报告，从分片移入 0 份；已更新 index.html、data.json、tables.csv、tables.xlsx');
    await expectSameTree(out, single);
    const again = await buildInto(data, out);
    expect(again.reports.every((r) => r.status === 'current')).toBe(true);
    expect(again.portal).toEqual([]);
  }, TIMEOUT);

  it('refuses inputs that are not shard outputs or that disagree, and writes nothing', async () => {
    const root = await tempDir('shards-bad');
    const data = await province(root);
    const parts = await shardedBuild(root, data);
    const merged = path.join(root, 'merged');

    const empty = path.join(root, 'empty');
    await fs.mkdir(empty);
    const run = await runInProcess(['portal', '--out', merged, parts[0]!, empty]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${empty} 中没有任何报告`);
    expect(await listTree(merged)).toEqual([]);

    // The same report in two shards, built from different data.
    const other = path.join(root, 'other');
    const changed = path.join(root, 'data-changed');
    await fs.cp(data, changed, { recursive: true });
    const file = path.join(changed, 'jinjie', '2023.yaml');
    await fs.appendFile(file, '\n# 改动\n');
    await buildInto(changed, other, { index: 1, count: SHARDS });
    await expect(assemblePortal({ outDir: merged, inputs: [...parts, other] })).rejects.toThrow(PortalInputError);
    await expect(assemblePortal({ outDir: merged, inputs: [...parts, other] })).rejects.toThrow(/jinjie\/2023 同时出现在 .* 中，且内容不同/);
    expect(await listTree(merged)).toEqual([]);
  }, TIMEOUT);
});
