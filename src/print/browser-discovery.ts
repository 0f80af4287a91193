/**
 * Finds a Chromium-family browser to print with, in a fixed order:
 *   1. the configured path (--browser, NIANBAO_BROWSER or PUPPETEER_EXECUTABLE_PATH);
 *   2. a Chrome that Puppeteer downloaded into its cache (never downloads one);
 *   3. an installed Chrome, Edge or Chromium at the standard places of Windows, macOS and Linux;
 *   4. the Chromium that @sparticuz/chromium ships (Linux x64; decompressed into the temp folder).
 * Everything that touches the machine comes in through {@link DiscoveryHost}, so the order is testable.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { EnvironmentError } from '../environment-error.ts';
import { bundledChromium } from './bundled-chromium.ts';

export type BrowserSource = 'configured' | 'puppeteer-cache' | 'system' | 'bundled';

export interface FoundBrowser {
  executablePath: string;
  source: BrowserSource;
  /** Extra launch flags the browser needs (the bundled Chromium brings its own). */
  args: string[];
}

export interface DiscoveryHost {
  platform: NodeJS.Platform;
  arch: string;
  env: NodeJS.ProcessEnv;
  homedir: string;
  isFile(file: string): boolean;
  /** Executables of the browsers installed in Puppeteer's cache folder, preferred first. */
  puppeteerCache(cacheDir: string): Promise<string[]>;
  /** The bundled Chromium, decompressed, with its flags; null when the package is unusable here. */
  bundledChromium(): Promise<{ executablePath: string; args: string[] } | null>;
}

/** Raised when no browser can be found; the message tells the user what to do. */
export class BrowserNotFoundError extends EnvironmentError {
  override name = 'BrowserNotFoundError';
}

export async function findBrowser(configuredPath: string | null, host: DiscoveryHost): Promise<FoundBrowser> {
  if (configuredPath) {
    if (host.isFile(configuredPath)) return { executablePath: configuredPath, source: 'configured', args: [] };
    throw new BrowserNotFoundError(
      `指定的浏览器不存在：${configuredPath}。请检查 --browser 参数或 NIANBAO_BROWSER（PUPPETEER_EXECUTABLE_PATH）环境变量。`,
    );
  }
  const cacheDir = host.env.PUPPETEER_CACHE_DIR ?? path.join(host.homedir, '.cache', 'puppeteer');
  const cached = (await host.puppeteerCache(cacheDir).catch(() => [])).find((p) => host.isFile(p));
  if (cached) return { executablePath: cached, source: 'puppeteer-cache', args: [] };

  const installed = systemBrowserPaths(host.platform, host.env, host.homedir).find((p) => host.isFile(p));
  if (installed) return { executablePath: installed, source: 'system', args: [] };

  if (host.platform === 'linux' && host.arch === 'x64') {
    const bundled = await host.bundledChromium().catch(() => null);
    if (bundled) return { ...bundled, source: 'bundled' };
  }
  throw new BrowserNotFoundError(
    '找不到可用于生成 PDF 的浏览器。请安装 Google Chrome、Microsoft Edge 或 Chromium，' +
      '或设置环境变量 NIANBAO_BROWSER（或使用 --browser 参数）指向浏览器的可执行文件。',
  );
}

/** Standard install locations, most common first. */
export function systemBrowserPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, homedir: string): string[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    const under = (tail: string) => roots.map((r) => path.win32.join(r, tail));
    return [
      ...under('Google\\Chrome\\Application\\chrome.exe'),
      ...under('Microsoft\\Edge\\Application\\msedge.exe'),
      ...under('Chromium\\Application\\chrome.exe'),
    ];
  }
  if (platform === 'darwin') {
    const apps = ['/Applications', path.posix.join(homedir, 'Applications')];
    const bundle = (app: string, exe: string) => apps.map((a) => `${a}/${app}.app/Contents/MacOS/${exe}`);
    return [
      ...bundle('Google Chrome', 'Google Chrome'),
      ...bundle('Microsoft Edge', 'Microsoft Edge'),
      ...bundle('Chromium', 'Chromium'),
    ];
  }
  return [
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge-stable',
    '/usr/bin/microsoft-edge',
    '/opt/microsoft/msedge/msedge',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
  ];
}

/** Flags of the bundled Chromium that we set ourselves (headless mode, sandbox) or do not want. */
const BUNDLED_FLAGS_DROPPED = /^--(headless|no-sandbox|single-process|disable-web-security|allow-running-insecure-content)\b/;

/** The real machine. */
export const nodeDiscoveryHost: DiscoveryHost = {
  platform: process.platform,
  arch: process.arch,
  env: process.env,
  homedir: os.homedir(),
  isFile: (file) => {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
  async puppeteerCache(cacheDir) {
    if (!fs.existsSync(cacheDir)) return [];
    const { getInstalledBrowsers, Browser } = await import('@puppeteer/browsers');
    const rank = [Browser.CHROMEHEADLESSSHELL, Browser.CHROME, Browser.CHROMIUM] as string[];
    const browsers = (await getInstalledBrowsers({ cacheDir })).filter((b) => rank.includes(b.browser));
    // Newest build first within the preferred kind.
    browsers.sort((a, b) => rank.indexOf(a.browser) - rank.indexOf(b.browser) || b.buildId.localeCompare(a.buildId, 'en', { numeric: true }));
    return browsers.map((b) => b.executablePath);
  },
  async bundledChromium() {
    const { executablePath, args } = await bundledChromium();
    return { executablePath, args: args.filter((a) => !BUNDLED_FLAGS_DROPPED.test(a)) };
  },
};
