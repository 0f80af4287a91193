import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planBuild, shardAgencies } from '../../src/build/plan.ts';
import { makeAgencies, tempDir } from './helpers.ts';

describe('--shard', () => {
  it('covers every agency exactly once across k = 1..n, in near-equal shares', () => {
    const ids = Array.from({ length: 23 }, (_, i) => `a${(i * 7919) % 101}`);
    for (let n = 1; n <= 6; n++) {
      const shares = Array.from({ length: n }, (_, k) => shardAgencies(ids, k + 1, n));
      expect(shares.flat().sort()).toEqual([...ids].sort());
      const sizes = shares.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('does not depend on the order ids are listed in', () => {
    const ids = ['c', 'a', 'd', 'b', 'e'];
    expect(shardAgencies(ids, 2, 3)).toEqual(shardAgencies([...ids].reverse(), 2, 3));
  });

  it('narrows the data folder with --shard, --agency and --year', async () => {
    const data = path.join(await tempDir('plan'), 'data');
    const ids = await makeAgencies(data, 5);
    const all = new Set<string>();
    for (let k = 1; k <= 3; k++) {
      const plan = await planBuild({ dataDir: data, agencies: [], years: [], shard: { index: k, count: 3 } });
      for (const r of plan.reports) {
        expect(all.has(r.agencyId)).toBe(false);
        all.add(r.agencyId);
      }
    }
    expect([...all].sort()).toEqual(ids);
    const one = await planBuild({ dataDir: data, agencies: ['agency-02', 'nope'], years: [2023], shard: null });
    expect(one.reports.map((r) => `${r.agencyId}/${r.year}`)).toEqual(['agency-02/2023']);
    expect(one.unknownAgencies).toEqual(['nope']);
    const none = await planBuild({ dataDir: data, agencies: [], years: [1999], shard: null });
    expect(none.reports).toEqual([]);
  });
});

describe('--agency', () => {
  it('reports an --agency id with no folder as check does, and not when the data folder is missing', async () => {
    const data = path.join(await tempDir('plan-unknown'), 'data');
    await makeAgencies(data, 1);
    const plan = await planBuild({ dataDir: data, agencies: ['nope'], years: [], shard: null });
    expect(plan.diagnostics.map((d) => [d.code, d.message])).toEqual([['agency-not-found', '数据目录中没有机关 nope（应有子目录 nope/）']]);
    const missing = await planBuild({ dataDir: path.join(data, 'absent'), agencies: ['nope'], years: [], shard: null });
    expect(missing.diagnostics.map((d) => d.code)).toEqual(['data-missing']);
  });
});
