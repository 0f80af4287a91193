/** `nianbao import` as a user runs it: a real process in a project of its own, exit codes and files. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repo, tempDataDir } from './helpers.ts';

const published = (file: string) => path.join(repo, 'test/fixtures/published', file);
const SHENMU = published('shenmu-2023-letter-and-report.txt');

function nianbao(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(repo, 'bin', 'nianbao.js'), 'import', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

/** An empty project: a folder with data/ in it. */
async function project(): Promise<string> {
  const { dir, remove } = await tempDataDir();
  cleanup = remove;
  fs.mkdirSync(path.join(dir, 'data'));
  return dir;
}

// Each run starts Node and compiles the sources (and the readers' pdf.js): slow on a busy machine.
describe('nianbao import', { timeout: 300_000 }, () => {
  it('writes the year file and agency.yaml, exits 0, and never overwrites without --force', async () => {
    const root = await project();
    const first = nianbao(root, SHENMU, '--agency', 'shenmu');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('已导入');
    const yearFile = path.join(root, 'data/shenmu/2023.yaml');
    const written = fs.readFileSync(yearFile, 'utf8');
    expect(written.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/report.schema.json');
    expect(written).toContain(`来源：${SHENMU}`);
    expect(fs.readFileSync(path.join(root, 'data/shenmu/agency.yaml'), 'utf8')).toContain('name: 神木市人民政府');

    fs.writeFileSync(yearFile, `${written}# 手工修改\n`);
    const again = nianbao(root, SHENMU, '--agency', 'shenmu');
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('已存在，不会覆盖');
    expect(fs.readFileSync(yearFile, 'utf8')).toContain('# 手工修改');

    const forced = nianbao(root, SHENMU, '--agency', 'shenmu', '--force');
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(yearFile, 'utf8')).toBe(written);
    expect(fs.readdirSync(path.join(root, 'data/shenmu')).sort()).toEqual(['2023.yaml', 'agency.yaml']);
  });

  it('--dry-run prints the YAML and the findings and writes nothing', async () => {
    const root = await project();
    const run = nianbao(root, published('jinjie-2023-numbered-report.txt'), '--agency', 'jinjie', '--dry-run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('# ---- data/jinjie/agency.yaml（新建）');
    expect(run.stdout).toContain('docNumberPrefix: 锦政字');
    expect(run.stdout).toMatch(/# ---- data\/jinjie\/2023\.yaml\n# yaml-language-server/);
    // The 15 cells of table 四 print only 10: said, with the group whose cells are missing.
    expect(run.stderr).toContain('只读出 10 个数（应为 15 个）');
    expect(run.stderr).toContain('行政诉讼·复议后起诉');
    expect(fs.readdirSync(path.join(root, 'data'))).toEqual([]);
  });

  it('finds the agency by the name the report states, for every report in a folder', async () => {
    const root = await project();
    for (const id of ['shenmu', 'xinxiang-office']) {
      fs.mkdirSync(path.join(root, 'data', id));
      fs.copyFileSync(path.join(repo, 'data', id, 'agency.yaml'), path.join(root, 'data', id, 'agency.yaml'));
    }
    const folder = path.join(root, 'published');
    fs.mkdirSync(folder);
    fs.copyFileSync(SHENMU, path.join(folder, 'a.txt'));
    fs.copyFileSync(published('xinxiang-office-2023.txt'), path.join(folder, 'b.md'));
    const run = nianbao(root, folder);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fs.existsSync(path.join(root, 'data/shenmu/2023.yaml'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'data/xinxiang-office/2023.yaml'))).toBe(true);
  });

  it('exits 2 and names the flag when the agency cannot be inferred', async () => {
    const root = await project();
    const run = nianbao(root, SHENMU);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('请用 --agency <机关标识> 指定');
    expect(run.stdout).toContain('神木市人民政府');
    expect(fs.readdirSync(path.join(root, 'data'))).toEqual([]);
  });

  it('exits 1 when a file holds nothing of a report, and 2 for a file that is not there', async () => {
    const root = await project();
    const notes = path.join(root, 'notes.txt');
    fs.writeFileSync(notes, '会议纪要\n今天讨论了门户网站改版。\n');
    const nothing = nianbao(root, notes, '--agency', 'demo', '--year', '2023');
    expect(nothing.code).toBe(1);
    expect(nothing.stdout).toContain('没有找到年度报告的任何部分或表格');
    const missing = nianbao(root, path.join(root, 'absent.pdf'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到文件或目录');
  });
});
