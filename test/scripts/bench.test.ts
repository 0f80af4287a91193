/**
 * `npm run bench` on two synthetic agencies must finish and write every figure. Only that the
 * figures exist and are sane is asserted, never how fast anything is.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGES, type BenchResult } from '../../scripts/bench/results.ts';
import { REPO, tempDir } from '../build/helpers.ts';

const hasLibreOffice = async () => {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (await fs.access(path.join(dir, 'soffice')).then(() => true, () => false)) return true;
  }
  return false;
};

function runBench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(REPO, 'bin/run-ts.js'), 'scripts/bench.ts', ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const positive = (x: number | null | undefined) => expect(typeof x === 'number' && Number.isFinite(x) && x > 0, String(x)).toBe(true);

describe('npm run bench', () => {
  it('measures two synthetic agencies end to end and writes every figure as JSON', async () => {
    const file = path.join(await tempDir('bench'), 'result.json');
    const run = await runBench(['--agencies', '2', '--runs', '1', '--json', file]);
    expect(run.stderr).not.toMatch(/Error|错误/);
    expect(run.code).toBe(0);
    const r = JSON.parse(await fs.readFile(file, 'utf8')) as BenchResult;

    expect(r.data).toEqual({ source: 'synthetic', agencies: 2, reports: 2 });
    expect(r.commit).toMatch(/^[0-9a-f]{7,}$/);
    // A township report (report.pdf) and a city report with its 函 (report.pdf, letter.pdf).
    expect(r.cold.documents).toBe(3);
    expect(r.cold.files).toBe(4 + 7);
    for (const x of [r.cold.wallMs, r.cold.buildMs, r.cold.documentsPerSecond, r.noop.wallMs, r.noop.buildMs]) positive(x);
    expect(r.cold.buildMs).toBeLessThan(r.cold.wallMs);
    expect(Object.keys(r.cold.stagesMs).sort()).toEqual([...STAGES].sort());
    for (const stage of ['gate', 'html', 'docx', 'pdf'] as const) positive(r.cold.stagesMs[stage]);
    if (process.platform === 'linux') {
      for (const x of [r.cold.memory.nodeRssMb, r.cold.memory.browserRssMb, r.cold.memory.totalRssMb, r.cold.memory.totalPssMb]) positive(x);
      expect(r.cold.memory.totalRssMb).toBeGreaterThanOrEqual(r.cold.memory.browserRssMb!);
    }
    expect(r.noop.samples).toHaveLength(3);
    expect(r.floor).toMatchObject({ documents: 3 });
    positive(r.floor!.perDocumentMs);
    positive(r.ratios.buildOverFloor);
    if (await hasLibreOffice()) {
      expect(r.libreoffice).toMatchObject({ files: 3 });
      positive(r.libreoffice!.totalMs);
      positive(r.ratios.buildOverLibreOffice);
    }
    expect(r.reload!.samples).toHaveLength(3);
    positive(r.reload!.ms);

    // The table shows the same figures.
    expect(run.stdout).toContain('nianbao bench：2 个合成机关、2 份报告');
    expect(run.stdout).toContain('构建 ÷ 打印下限');
    expect(run.stdout).toContain(`已写入 ${file}`);
  }, 600_000);
});
