/**
 * The profile folder Puppeteer makes for each browser it launches (a temporary folder, removed
 * when the browser's process exits and Puppeteer sees it). A process that ends at once (a second
 * Ctrl-C) kills its browser on the way out and cannot wait for that: it removes the folder itself.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The prefix Puppeteer gives the folders it makes (its own, never a folder the user chose). */
const TEMPORARY_PROFILE = 'puppeteer_dev_chrome_profile-';

/** The browser's profile folder when it is one Puppeteer made in the temp folder, else null. */
export function temporaryProfileOf(browser: ChildProcess | null | undefined): string | null {
  const arg = browser?.spawnargs.find((a) => a.startsWith('--user-data-dir='));
  if (!arg) return null;
  const folder = path.resolve(arg.slice('--user-data-dir='.length));
  const inTemp = path.dirname(folder) === path.resolve(os.tmpdir());
  return inTemp && path.basename(folder).startsWith(TEMPORARY_PROFILE) ? folder : null;
}

/** Removes the browser's temporary profile folder now; a folder that will not go is left. */
export function removeProfileSync(browser: ChildProcess | null | undefined): void {
  const folder = temporaryProfileOf(browser);
  if (!folder) return;
  try {
    fs.rmSync(folder, { recursive: true, force: true, maxRetries: 2 });
  } catch {
    // Still held by the dying browser (Windows): the system's temp cleaning has it.
  }
}
