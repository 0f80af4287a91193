/**
 * "The previous folder or the new one, never neither": the swap is watched at every filesystem
 * step it takes, and cut short after each step as a power cut would; the next run's recovery must
 * then find a complete report folder, the old one or the new one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readManifest, verifyFolder } from '../../src/write/manifest.ts';
import { commitFolder, reportFolder, writeReportFolder } from '../../src/write/report-folder.ts';
import { asideDir, asideName, createStaging, recoverOutput } from '../../src/write/staging.ts';
import { tempDir } from '../build/helpers.ts';

const manifest = (fingerprint: string) => ({
  agencyId: 'demo',
  agencyName: '测试机关',
  year: 2023,
  title: '标题',
  fingerprint,
  warnings: [],
  tables: {} as never,
});
const files = (text: string) => new Map([['report.pdf', new TextEncoder().encode(text)]]);

class PowerCut extends Error {}

/** out/ with the old report in place and the new one finished in staging, ready to move in. */
async function ready() {
  const out = path.join(await tempDir('swap'), 'out');
  const staging = await createStaging(out);
  await writeReportFolder(staging, files('old'), manifest('old'));
  const next = await staging.makeDir('next');
  fs.writeFileSync(path.join(next, 'report.pdf'), 'new');
  fs.writeFileSync(path.join(next, 'manifest.json'), JSON.stringify({ format: 1, ...manifest('new'), files: { 'report.pdf': { bytes: 3, sha256: '11507a0e2f5e69d5dfa40a62a1bd7b6ee57e6bcd85c67c9b8431b36fff21c437' } } }));
  return { out, next, target: reportFolder(out, 'demo', 2023), parked: path.join(asideDir(out), asideName('demo', 2023)) };
}

/** The report folder's fingerprint if it is complete, else null. */
const complete = async (folder: string) => ((await verifyFolder(folder)).length ? null : ((await readManifest(folder))?.fingerprint ?? null));

const SWAP_CALLS = ['renameSync', 'rmSync'] as const;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('swapping a report folder', () => {
  it('always leaves the old folder or the new one in place or parked for recovery', async () => {
    const { out, next, target, parked } = await ready();
    const seen: string[] = [];
    for (const name of SWAP_CALLS) {
      const real = fs[name].bind(fs) as (...args: unknown[]) => void;
      vi.spyOn(fs, name).mockImplementation(((...args: unknown[]) => {
        // Before and after each step: a complete report is in place, or the old one waits aside.
        for (const when of ['before', 'after'] as const) {
          if (when === 'after') real(...args);
          const here = fs.existsSync(path.join(target, 'manifest.json'));
          const aside = fs.existsSync(path.join(parked, 'manifest.json'));
          seen.push(`${when} ${name}: ${here ? 'in place' : aside ? 'parked' : 'NEITHER'}`);
        }
      }) as never);
    }
    commitFolder(out, next, 'demo', 2023);
    vi.restoreAllMocks();
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.filter((s) => s.endsWith('NEITHER'))).toEqual([]);
    expect(await complete(target)).toBe('new');
  });

  it('recovers a complete folder, old or new, after a power cut at any step', async () => {
    for (let cutAfter = 1; ; cutAfter++) {
      const { out, next, target } = await ready();
      let steps = 0;
      for (const name of SWAP_CALLS) {
        const real = fs[name].bind(fs) as (...args: unknown[]) => void;
        // After the cut nothing more happens: not even the swap's own clean-up on error.
        vi.spyOn(fs, name).mockImplementation(((...args: unknown[]) => {
          if (steps >= cutAfter) throw new PowerCut();
          real(...args);
          if (++steps === cutAfter) throw new PowerCut();
        }) as never);
      }
      let cut = false;
      try {
        commitFolder(out, next, 'demo', 2023);
      } catch (error) {
        if (!(error instanceof PowerCut)) throw error;
        cut = true;
      }
      vi.restoreAllMocks();
      recoverOutput(out);
      expect(['old', 'new'], `power cut after step ${cutAfter}`).toContain(await complete(target));
      if (!cut) break; // the swap finished before the cut: every step has been tried
    }
  });
});
