/** One failing report never stops the others, and never touches its previous good output. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import type { BuildStages } from '../../src/build/stages.ts';
import { EnvironmentError } from '../../src/environment-error.ts';
import { BrowserNotFoundError } from '../../src/print/browser-discovery.ts';
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

  it('a gate failure is reported with its diagnostics; the portal links the last good files, the review index marks it', async () => {
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
    expect(index).not.toContain('未通过');
    expect(index).toContain('xinxiang-office/2023/report.pdf');
    await build({ ...options, review: true }, { stages: stubStages(options), toolchain: 'test' });
    const review = await fs.readFile(path.join(options.outDir, 'index.html'), 'utf8');
    expect(review).toContain('未通过');
    expect(review).toContain('上次检查通过时生成的文件');
    expect(review).toContain('xinxiang-office/2023/report.pdf');
  }, 30_000);

  it('a report the environment failed (no browser) keeps its last good output and status', async () => {
    const { options, data } = await setup();
    await build({ ...options, review: true }, { stages: stubStages(options), toolchain: 'test' });
    const folder = path.join(options.outDir, 'jinjie/2023');
    const before = await readManifest(folder);
    const readPortal = async () => ({
      index: await fs.readFile(path.join(options.outDir, 'index.html'), 'utf8'),
      json: JSON.parse(await fs.readFile(path.join(options.outDir, 'data.json'), 'utf8')) as { reports: Array<{ agencyId: string; year: number; check: string }> },
    });
    const good = await readPortal();

    // The data changes, so the report must be rebuilt, but no browser can be found.
    const file = path.join(data, 'jinjie/2023.yaml');
    await fs.writeFile(file, `${await fs.readFile(file, 'utf8')}\n# 改动\n`);
    const noBrowser: BuildStages = {
      ...stubStages(options),
      printer: async () => {
        throw new BrowserNotFoundError('找不到可用于生成 PDF 的浏览器');
      },
    };
    // The machine failed, not the report: the build stops with an EnvironmentError (exit 3) …
    await expect(build({ ...options, review: true }, { stages: noBrowser, toolchain: 'test' })).rejects.toBeInstanceOf(EnvironmentError);
    // … and marks nothing as failed: the last good output and its status stay.
    expect(await readManifest(folder)).toEqual(before);
    const after = await readPortal();
    expect(after.index).not.toContain('未通过');
    expect(after.index).toBe(good.index);
    expect(after.json.reports.find((r) => r.agencyId === 'jinjie' && r.year === 2023)?.check).toBe('warnings');
    expect(after.json).toEqual(good.json);
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
