/** Only a profile folder Puppeteer made in the temp folder is ever removed by the session itself. */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeProfileSync, temporaryProfileOf } from '../../src/print/browser-profile.ts';

const launchedWith = (...spawnargs: string[]) => ({ spawnargs: ['/usr/bin/chromium', ...spawnargs] }) as unknown as ChildProcess;

describe('the browser profile folder', () => {
  it('is one Puppeteer made only when it is in the temp folder and named as Puppeteer names them', () => {
    const own = path.join(os.tmpdir(), 'puppeteer_dev_chrome_profile-AbC123');
    expect(temporaryProfileOf(launchedWith('--headless', `--user-data-dir=${own}`))).toBe(own);
    expect(temporaryProfileOf(launchedWith(`--user-data-dir=${path.join(os.homedir(), 'puppeteer_dev_chrome_profile-x')}`))).toBeNull();
    expect(temporaryProfileOf(launchedWith(`--user-data-dir=${path.join(os.tmpdir(), 'my-profile')}`))).toBeNull();
    expect(temporaryProfileOf(launchedWith(`--user-data-dir=${path.join(own, 'inside')}`))).toBeNull();
    expect(temporaryProfileOf(launchedWith('--headless'))).toBeNull();
    expect(temporaryProfileOf(null)).toBeNull();
  });

  it('is removed with everything in it; any other folder is left', () => {
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'puppeteer_dev_chrome_profile-'));
    fs.mkdirSync(path.join(own, 'Default'));
    fs.writeFileSync(path.join(own, 'Default', 'Preferences'), '{}');
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-not-a-profile-'));
    try {
      removeProfileSync(launchedWith(`--user-data-dir=${own}`));
      removeProfileSync(launchedWith(`--user-data-dir=${other}`));
      expect(fs.existsSync(own)).toBe(false);
      expect(fs.existsSync(other)).toBe(true);
    } finally {
      fs.rmSync(own, { recursive: true, force: true });
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});
