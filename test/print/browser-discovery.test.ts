/** The order in which a browser is looked for, on a simulated machine. */
import { describe, expect, it } from 'vitest';
import {
  BrowserNotFoundError,
  findBrowser,
  systemBrowserPaths,
  type DiscoveryHost,
} from '../../src/print/browser-discovery.ts';

interface Machine {
  platform?: NodeJS.Platform;
  arch?: string;
  env?: NodeJS.ProcessEnv;
  files?: string[];
  cache?: string[];
  bundled?: boolean;
}

function host(m: Machine): DiscoveryHost & { calls: string[] } {
  const calls: string[] = [];
  const files = new Set(m.files ?? []);
  return {
    calls,
    platform: m.platform ?? 'linux',
    arch: m.arch ?? 'x64',
    env: m.env ?? {},
    homedir: '/home/u',
    isFile: (f) => files.has(f),
    async puppeteerCache(dir) {
      calls.push(`cache:${dir}`);
      return m.cache ?? [];
    },
    async bundledChromium() {
      calls.push('bundled');
      return m.bundled ? { executablePath: '/tmp/chromium', args: ['--disable-gpu'] } : null;
    },
  };
}

describe('findBrowser', () => {
  it('takes the configured path first, without looking further', async () => {
    const h = host({ files: ['/opt/chrome', '/usr/bin/google-chrome'], bundled: true });
    await expect(findBrowser('/opt/chrome', h)).resolves.toEqual({ executablePath: '/opt/chrome', source: 'configured', args: [] });
    expect(h.calls).toEqual([]);
  });

  it('reports a configured path that does not exist instead of silently using another browser', async () => {
    const h = host({ files: ['/usr/bin/google-chrome'] });
    const error = await findBrowser('/nope/chrome', h).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect((error as Error).message).toContain('/nope/chrome');
    expect((error as Error).message).toContain('NIANBAO_BROWSER');
  });

  it("then a browser in Puppeteer's cache (PUPPETEER_CACHE_DIR or ~/.cache/puppeteer)", async () => {
    const exe = '/c/chrome/linux-148/chrome-linux64/chrome';
    const h = host({ env: { PUPPETEER_CACHE_DIR: '/c' }, files: [exe, '/usr/bin/google-chrome'], cache: [exe], bundled: true });
    await expect(findBrowser(null, h)).resolves.toMatchObject({ executablePath: exe, source: 'puppeteer-cache' });
    expect(h.calls).toEqual(['cache:/c']);
    const plain = host({});
    await findBrowser(null, plain).catch(() => undefined);
    expect(plain.calls[0]).toBe('cache:/home/u/.cache/puppeteer');
  });

  it('then an installed Chrome, Edge or Chromium', async () => {
    const h = host({ files: ['/usr/bin/chromium'], bundled: true });
    await expect(findBrowser(null, h)).resolves.toMatchObject({ executablePath: '/usr/bin/chromium', source: 'system' });
    expect(h.calls).not.toContain('bundled');
  });

  it('then the bundled Chromium with its flags, on Linux x64 only', async () => {
    await expect(findBrowser(null, host({ bundled: true }))).resolves.toEqual({
      executablePath: '/tmp/chromium',
      source: 'bundled',
      args: ['--disable-gpu'],
    });
    const arm = host({ arch: 'arm64', bundled: true });
    await expect(findBrowser(null, arm)).rejects.toBeInstanceOf(BrowserNotFoundError);
    expect(arm.calls).not.toContain('bundled');
  });

  it('ends with a Chinese message naming what to install and the variable to set', async () => {
    const error = (await findBrowser(null, host({ platform: 'win32', env: {} })).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect(error.message).toMatch(/Chrome.*Edge.*Chromium/);
    expect(error.message).toContain('NIANBAO_BROWSER');
    expect(error.message).toContain('--browser');
  });
});

describe('systemBrowserPaths', () => {
  it('knows the standard places of Windows, macOS and Linux', () => {
    const win = systemBrowserPaths('win32', { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'C:\\Users\\u');
    expect(win).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(win).toContain('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(win).toContain('C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    const mac = systemBrowserPaths('darwin', {}, '/Users/u');
    expect(mac[0]).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(mac).toContain('/Users/u/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    const linux = systemBrowserPaths('linux', {}, '/home/u');
    expect(linux).toEqual(expect.arrayContaining(['/usr/bin/google-chrome', '/usr/bin/microsoft-edge', '/usr/bin/chromium']));
  });
});
