/**
 * The parsed data files of a build, shared between the reports of one agency (its agency.yaml,
 * a year file that is the next year's `previous`) and dropped once the agency's last report is
 * done, so memory is bounded by the reports in flight, not by the size of the province.
 */
import { SourceCache } from '../load/source-cache.ts';
import type { PlannedReport } from './plan.ts';

export interface AgencySources {
  /** The cache of `agencyId`'s files; made on first use. */
  take(agencyId: string): SourceCache;
  /** One report of `agencyId` is done; after its last, the cache goes. */
  release(agencyId: string): void;
}

export function agencySources(reports: readonly PlannedReport[]): AgencySources {
  const pending = new Map<string, number>();
  for (const r of reports) pending.set(r.agencyId, (pending.get(r.agencyId) ?? 0) + 1);
  const caches = new Map<string, SourceCache>();
  return {
    take(agencyId) {
      let cache = caches.get(agencyId);
      if (!cache) caches.set(agencyId, (cache = new SourceCache()));
      return cache;
    },
    release(agencyId) {
      const left = (pending.get(agencyId) ?? 1) - 1;
      pending.set(agencyId, left);
      if (left <= 0) caches.delete(agencyId);
    },
  };
}
