import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript without declarations: it runs before any TypeScript loader
import { ensureBundle, PACKAGE_ROOT, sourceStamp } from '../../bin/load-cli.js';

describe('the compiled CLI', () => {
  it('names the state of the sources: an edit, a new file or a touch gives a new stamp', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-stamp-'));
    try {
      fs.mkdirSync(path.join(dir, 'cli'));
      fs.writeFileSync(path.join(dir, 'cli', 'main.ts'), 'export const a = 1;\n');
      const first = sourceStamp(dir);
      expect(sourceStamp(dir)).toBe(first);
      fs.writeFileSync(path.join(dir, 'cli', 'main.ts'), 'export const a = 2;\n');
      const edited = sourceStamp(dir);
      expect(edited).not.toBe(first);
      fs.writeFileSync(path.join(dir, 'extra.ts'), '');
      expect(sourceStamp(dir)).not.toBe(edited);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs from the bundle of the current sources', async () => {
    const entry: string = await ensureBundle();
    expect(entry).toBe(path.join(PACKAGE_ROOT, 'dist', sourceStamp(), 'cli.js'));
    expect(fs.existsSync(entry)).toBe(true);
    const version = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;
    const fromBundle = execFileSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin', 'nianbao.js'), '--version'], { encoding: 'utf8' });
    const fromSource = execFileSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin', 'nianbao.js'), '--version'], {
      encoding: 'utf8',
      env: { ...process.env, NIANBAO_FROM_SOURCE: '1' },
    });
    expect(fromBundle).toBe(`nianbao ${version}\n`);
    expect(fromSource).toBe(fromBundle);
  });
});
