/** One failing report never stops the others, and never touches its previous good output. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { readManifest, verifyFolder } from '../../src/write/manifest.ts';
import { copyAgency, listTree, stubStages, tempDir, testOptions } from './helpers.ts';

async function setup() {
  const root = await tempDir('failures');
  const data = path.join(root, 'data');
  for (const id of ['shenmu', 'jinjie', 'xinxiang-office']) await copyAgency(id, data, id);
  const options = testOptions({ dataDir: data, outDir: path.join(root, 'out') });
  return { root, data, options };
}

describe('failing reports', () => {
  it('a renderer failure fails that report only and keeps its previous output', async () => {
    const { options } = await setup();
    await build(options, { stages: stubStages(options), toolchain: 'test' });
    const before = await readManifest(path.join(options.outDir, 'shenmu/2023'));

    const summary = await build(
      { ...options, force: true },
      { stages: stubStages(options, { failOn: (key) => key === 'shenmu/2023' }), toolchain: 'test' },
    );
    expect(summary.failed).toBe(true);
    const shenmu = summary.reports.find((r) => r.agencyId === 'shenmu' && r.year === 2023)!;
    expect(shenmu.status).toBe('failed');
    expect(shenmu.error).toContain('stub failure');
    // shenmu 2022, jinjie 2022 and 2023, xinxiang-office 2023
    expect(summary.reports.filter((r) => r.status === 'built')).toHaveLength(4);
    expect(await readManifest(path.join(options.outDir, 'shenmu/2023'))).toEqual(before);
    expect(await verifyFolder(path.join(options.outDir, 'shenmu/2023'))).toEqual([]);
    expect((await listTree(options.outDir)).filter((p) => /tmp|stage/.test(p))).toEqual([]);
  }, 30_000);

  it('a gate failure is reported with its diagnostics; the portal marks it and links the last good files', async () => {
    const { options, data } = await setup();
    await build(options, { stages: stubStages(options), toolchain: 'test' });
    const file = path.join(data, 'xinxiang-office/2023.yaml');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(/received: \[(\d+)/, 'received: [-$1'));
    const summary = await build(options, { stages: stubStages(options), toolchain: 'test' });
    const failed = summary.reports.find((r) => r.agencyId === 'xinxiang-office')!;
    expect(failed.status).toBe('failed');
    expect(failed.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(summary.reports.filter((r) => r.status === 'current')).toHaveLength(4);
    const index = await fs.readFile(path.join(options.outDir, 'index.html'), 'utf8');
    expect(index).toContain('未通过');
    expect(index).toContain('上次检查通过时生成的文件');
    expect(index).toContain('xinxiang-office/2023/report.pdf');
  }, 30_000);

  it('--strict fails reports that have warnings', async () => {
    const { options } = await setup();
    const lenient = await build(options, { stages: stubStages(options), toolchain: 'test' });
    const warned = lenient.reports.filter((r) => r.diagnostics.some((d) => d.severity === 'warning'));
    expect(warned.length).toBeGreaterThan(0);
    const strict = await build({ ...options, strict: true }, { stages: stubStages(options), toolchain: 'test' });
    expect(strict.failed).toBe(true);
    for (const r of warned) expect(strict.reports.find((s) => s.agencyId === r.agencyId && s.year === r.year)?.status).toBe('failed');
  }, 30_000);

  it('an unknown --agency is an error of the build', async () => {
    const { options } = await setup();
    const summary = await build({ ...options, agencies: ['nope'] }, { stages: stubStages(options), toolchain: 'test' });
    expect(summary.failed).toBe(true);
    expect(summary.diagnostics[0]?.code).toBe('agency-not-found');
  }, 30_000);
});
