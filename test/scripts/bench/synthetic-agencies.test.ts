/** The benchmark's synthetic agencies: every kind passes the gate cleanly, and they really differ. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../../src/check/index.ts';
import { resolveOptions } from '../../../src/options.ts';
import { parseBenchArguments } from '../../../scripts/bench/arguments.ts';
import { AGENCY_KINDS, writeSyntheticAgencies } from '../../../scripts/bench/synthetic-agencies.ts';
import { tempDir } from '../../build/helpers.ts';

describe('synthetic agencies', () => {
  it('cycle through the five kinds, each passing the gate without a finding', async () => {
    const dataDir = path.join(await tempDir('synthetic'), 'data');
    const made = await writeSyntheticAgencies(dataDir, AGENCY_KINDS.length + 1);
    expect(made).toEqual({ dataDir, agencies: 6, reports: 7 });
    const summary = await check(resolveOptions({ dataDir }));
    expect(summary.diagnostics).toEqual([]);

    const files = async (id: string) => (await fs.readdir(path.join(dataDir, id))).sort();
    expect(await files('agency-0004')).toEqual(['2023.yaml', '2024.yaml', 'agency.yaml']);
    expect(await files('agency-0006')).toEqual(await files('agency-0001'));
    const size = async (id: string, year: number) => (await fs.stat(path.join(dataDir, id, `${year}.yaml`))).size;
    // The long city report is several times the township's.
    expect(await size('agency-0003', 2023)).toBeGreaterThan(3 * (await size('agency-0001', 2023)));
    expect(await fs.readFile(path.join(dataDir, 'agency-0002', '2023.yaml'), 'utf8')).toMatch(/^letter:/m);
    const previous = await fs.readFile(path.join(dataDir, 'agency-0004', '2023.yaml'), 'utf8');
    expect(previous).toMatch(/^year: 2023$/m);
    expect(previous).not.toMatch(/2025/);
  }, 60_000);
});

describe('bench arguments', () => {
  it('default to the examples with three runs, and take --json with or without a file', () => {
    expect(parseBenchArguments([])).toMatchObject({ agencies: null, runs: 3, json: false, floor: true, libreoffice: true });
    expect(parseBenchArguments(['--agencies', '100', '--json'])).toMatchObject({ agencies: 100, runs: 1, json: true });
    expect(parseBenchArguments(['--json', 'r.json', '--no-libreoffice'])).toMatchObject({ json: 'r.json', libreoffice: false });
    expect(() => parseBenchArguments(['--agencies', '0'])).toThrow(/--agencies 应为正整数/);
  });
});
