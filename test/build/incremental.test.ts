import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { verifyFolder } from '../../src/write/manifest.ts';
import { copyAgency, makeTwoYearAgency, stubStages, tempDir, testOptions, type StubLog } from './helpers.ts';

async function setup() {
  const root = await tempDir('incremental');
  const data = path.join(root, 'data');
  await makeTwoYearAgency(data, 'two-years');
  await copyAgency('shenmu', data, 'shenmu');
  const options = testOptions({ dataDir: data, outDir: path.join(root, 'out') });
  const run = async (extra: Partial<typeof options> = {}) => {
    const log: StubLog = { gated: [], rendered: [], printed: [] };
    const summary = await build({ ...options, ...extra }, { stages: stubStages(options, { log }), toolchain: 'test' });
    const built = summary.reports.filter((r) => r.status === 'built').map((r) => `${r.agencyId}/${r.year}`);
    return { summary, log, built };
  };
  return { root, data, options, run };
}

describe('incremental builds', () => {
  it('builds everything once, then nothing until an input changes', async () => {
    const { run, options } = await setup();
    const first = await run();
    expect(first.summary.failed).toBe(false);
    expect(first.built).toEqual(['shenmu/2022', 'shenmu/2023', 'two-years/2023', 'two-years/2024']);
    for (const key of first.built) expect(await verifyFolder(path.join(options.outDir, key))).toEqual([]);
    const shenmu = await fs.readdir(path.join(options.outDir, 'shenmu/2023'));
    expect(shenmu.sort()).toEqual(
      ['fragment.html', 'index.html', 'letter.docx', 'letter.pdf', 'manifest.json', 'report.docx', 'report.pdf', 'submission.pdf'].sort(),
    );

    const second = await run();
    expect(second.built).toEqual([]);
    expect(second.summary.reports.every((r) => r.status === 'current')).toBe(true);
    // A current report is not even gated: nothing is parsed or rendered.
    expect(second.log.gated).toEqual([]);
    expect(second.summary.portal).toEqual([]);
  }, 30_000);

  it('rebuilds exactly the edited report and the next year, whose cross-year check reads it', async () => {
    const { run, data } = await setup();
    await run();
    const file = path.join(data, 'two-years/2023.yaml');
    await fs.appendFile(file, '\n# 修改\n');
    expect((await run()).built).toEqual(['two-years/2023', 'two-years/2024']);

    await fs.appendFile(path.join(data, 'two-years/2024.yaml'), '\n# 修改\n');
    expect((await run()).built).toEqual(['two-years/2024']);

    await fs.appendFile(path.join(data, 'two-years/agency.yaml'), '\n# 修改\n');
    expect((await run()).built).toEqual(['two-years/2023', 'two-years/2024']);

    await fs.mkdir(path.join(data, 'shenmu/templates'));
    await fs.writeFile(path.join(data, 'shenmu/templates/note.txt'), 'x');
    expect((await run()).built).toEqual(['shenmu/2022', 'shenmu/2023']);
  }, 30_000);

  it('rebuilds with --force, and when an output went missing', async () => {
    const { run, options } = await setup();
    await run();
    expect((await run({ force: true })).built).toHaveLength(4);
    await fs.rm(path.join(options.outDir, 'shenmu/2023/report.pdf'));
    expect((await run()).built).toEqual(['shenmu/2023']);
  }, 30_000);

  it('narrows to --agency and --year and still lists every report in the portal', async () => {
    const { run, options } = await setup();
    const narrowed = await run({ agencies: ['two-years'], years: [2024] });
    expect(narrowed.built).toEqual(['two-years/2024']);
    const index = await fs.readFile(path.join(options.outDir, 'index.html'), 'utf8');
    expect(index).toContain('two-years/2024/index.html');
    // The public index lists only what is published; the office's review index lists every report.
    expect(index).not.toContain('未生成');
    await run({ agencies: ['two-years'], years: [2024], review: true });
    const review = await fs.readFile(path.join(options.outDir, 'index.html'), 'utf8');
    expect(review).toContain('two-years/2024/index.html');
    expect(review).toContain('未生成');
  }, 30_000);
});
