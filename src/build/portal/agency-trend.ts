/**
 * The small chart beside each agency on the portal index: applications received per year, from
 * the tables of the reports `out/` holds, oldest year first.
 */
import { barChart } from '../../charts/bar-chart.ts';
import { tableTrend } from '../../groups/trends.ts';
import type { PortalEntry } from './portal-entries.ts';

export function agencyTrend(agencyId: string, agencyName: string, entries: readonly PortalEntry[]): string {
  const years = entries.filter((e) => e.manifest).sort((a, b) => a.year - b.year);
  if (!years.length) return '';
  const title = `${agencyName}各年度新收政府信息公开申请数量`;
  const svg = barChart({
    id: `trend-${agencyId}`,
    title,
    unit: '件',
    size: 'small',
    categories: years.map((e) => String(e.year)),
    series: [{ key: 'received', label: '本年新收申请', values: years.map((e) => tableTrend(e.manifest!.tables).received) }],
  });
  return `<figure class="trend"><figcaption>新收申请（件）</figcaption>${svg}</figure>`;
}
