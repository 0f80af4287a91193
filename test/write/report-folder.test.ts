import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitFolder, reportFolder, writeReportFolder } from '../../src/write/report-folder.ts';
import { asideDir, createStaging, recoverOutput, stagingRoot } from '../../src/write/staging.ts';
import { lockOutput } from '../../src/build/output-lock.ts';
import { readManifest, verifyFolder } from '../../src/write/manifest.ts';
import { writeOutputFile } from '../../src/write/output-file.ts';
import { listTree, tempDir } from '../build/helpers.ts';

const manifest = (agencyId: string, year: number) => ({
  agencyId,
  agencyName: '测试机关',
  year,
  title: '标题',
  fingerprint: 'f1',
  warnings: [],
  tables: {} as never,
});

const files = (text: string) => new Map([['a.txt', new TextEncoder().encode(text)], ['b.txt', new TextEncoder().encode(`${text}!`)]]);

describe('report folders', () => {
  it('puts temp folders beside out/, never inside it', async () => {
    const root = await tempDir('write');
    const out = path.join(root, 'out');
    expect(stagingRoot(out)).toBe(path.join(root, '.out-tmp'));
    const staging = await createStaging(out);
    expect(path.relative(out, staging.dir).startsWith('..')).toBe(true);
    staging.dispose();
  });

  it('replaces a folder as a whole and keeps a manifest that matches its files', async () => {
    const out = path.join(await tempDir('write'), 'out');
    const staging = await createStaging(out);
    await writeReportFolder(staging, files('one'), manifest('demo', 2023));
    await writeReportFolder(staging, new Map([['a.txt', new TextEncoder().encode('two')]]), { ...manifest('demo', 2023), fingerprint: 'f2' });
    const folder = reportFolder(out, 'demo', 2023);
    expect(await fs.readFile(path.join(folder, 'a.txt'), 'utf8')).toBe('two');
    expect(await listTree(folder)).toEqual(['a.txt', 'manifest.json']);
    expect((await readManifest(folder))?.fingerprint).toBe('f2');
    expect(await verifyFolder(folder)).toEqual([]);
    staging.dispose();
    expect(await listTree(stagingRoot(out))).toEqual(['aside']);
  });

  it('restores the previous folder when a build died between the two renames', async () => {
    const out = path.join(await tempDir('write'), 'out');
    const staging = await createStaging(out);
    await writeReportFolder(staging, files('good'), manifest('demo', 2023));
    // Simulate the kill: the old folder moved aside, the new one never moved in.
    await fs.mkdir(asideDir(out), { recursive: true });
    await fs.rename(reportFolder(out, 'demo', 2023), path.join(asideDir(out), 'demo@2023'));
    staging.dispose();
    const repairs = recoverOutput(out);
    expect(repairs.join()).toContain('demo/2023');
    expect(await fs.readFile(path.join(reportFolder(out, 'demo', 2023), 'a.txt'), 'utf8')).toBe('good');
    expect(await verifyFolder(reportFolder(out, 'demo', 2023))).toEqual([]);
  });

  it('drops a parked folder once the new one is in place, and stage folders of dead builds', async () => {
    const out = path.join(await tempDir('write'), 'out');
    const staging = await createStaging(out);
    await writeReportFolder(staging, files('new'), manifest('demo', 2023));
    await fs.mkdir(path.join(asideDir(out), 'demo@2023'), { recursive: true });
    const dead = path.join(stagingRoot(out), 'stage-999999999-dead');
    await fs.mkdir(dead, { recursive: true });
    recoverOutput(out);
    expect(await listTree(asideDir(out))).toEqual([]);
    await expect(fs.access(dead)).rejects.toThrow();
    // This process's own staging folder is alive and stays.
    await expect(fs.access(staging.dir)).resolves.toBeUndefined();
    staging.dispose();
  });

  it('commits into a missing parent folder', async () => {
    const out = path.join(await tempDir('write'), 'out');
    const ready = path.join(await tempDir('ready'), 'x');
    await fs.mkdir(ready);
    commitFolder(out, ready, 'new-agency', 2024);
    expect(await listTree(out)).toEqual(['new-agency', 'new-agency/2024']);
  });

  it('lets one build at a time write to an output folder', async () => {
    const out = path.join(await tempDir('write'), 'out');
    const release = lockOutput(out);
    expect(() => lockOutput(out)).toThrow(/正在写入/);
    release();
    lockOutput(out)();
  });

  it('writes single files atomically and leaves unchanged ones alone', async () => {
    const out = path.join(await tempDir('write'), 'out');
    const staging = await createStaging(out);
    expect(await writeOutputFile(staging, 'index.html', '<p>一</p>')).toBe(true);
    expect(await writeOutputFile(staging, 'index.html', '<p>一</p>')).toBe(false);
    expect(await fs.readFile(path.join(out, 'index.html'), 'utf8')).toBe('<p>一</p>');
    staging.dispose();
  });
});
