import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReportInput } from '../../src/load/report-input.ts';
import { SourceCache } from '../../src/load/source-cache.ts';

const agencyDir = path.resolve(import.meta.dirname, '../fixtures/carryover-mismatch/data/demo-county');

describe('SourceCache', () => {
  it('parses agency.yaml and a year file once for all the reports of one run', async () => {
    const cache = new SourceCache();
    const [y2022, y2023] = await Promise.all([loadReportInput(agencyDir, 2022, cache), loadReportInput(agencyDir, 2023, cache)]);
    expect(y2023.agency).not.toBeNull();
    expect(y2023.agency).toBe(y2022.agency);
    expect(y2023.previous).toBe(y2022.report);
    expect(y2022.previous).toBeNull();
  });

  it('is only used when given: without one every file is read afresh', async () => {
    const [y2022, y2023] = await Promise.all([loadReportInput(agencyDir, 2022), loadReportInput(agencyDir, 2023)]);
    expect(y2023.agency).not.toBe(y2022.agency);
    expect(y2023.previous).not.toBe(y2022.report);
    expect(y2023.previous?.text).toBe(y2022.report.text);
  });

  it('fails for a missing year file as reading it does', async () => {
    await expect(loadReportInput(agencyDir, 2030, new SourceCache())).rejects.toThrow(/ENOENT/);
  });
});
