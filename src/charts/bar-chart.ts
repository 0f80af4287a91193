/**
 * Bar charts as inline SVG: no script, no external file, readable by screen readers (role="img"
 * with a <title> and a <desc> that state every value) and by tests (each bar carries its series,
 * category and value as data attributes, and its height is the value on one linear scale).
 */
import { handlebars } from '../render/html/handlebars-library.ts';

const escapeHtml = (text: string): string => handlebars().Utils.escapeExpression(text);

export interface ChartSeries {
  key: string;
  label: string;
  /** One value per category. */
  values: readonly number[];
}

export interface BarChart {
  /** Unique on the page: ids of the title and description derive from it. */
  id: string;
  title: string;
  /** Unit after each number, e.g. 件. */
  unit: string;
  /** Category labels along the x axis, e.g. 2022年度. */
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** `small`: the portal's trend per agency (no legend, no axis labels). */
  size?: 'normal' | 'small';
}

/** Colours that stay apart in print and for the common colour-vision deficiencies. */
const PALETTE = ['#1f5fa8', '#c2571a', '#2e7d32', '#7b3fa0', '#8a6d00', '#b4141e'];

const LAYOUT = {
  normal: { width: 640, height: 260, top: 40, bottom: 34, left: 12, right: 12, gap: 24 },
  small: { width: 160, height: 56, top: 14, bottom: 14, left: 2, right: 2, gap: 8 },
} as const;

const round = (n: number) => Math.round(n * 100) / 100;

/** The bar's height for `value` where the tallest bar (`max`) fills `plot` units. */
export const barHeight = (value: number, max: number, plot: number): number => (max > 0 ? round((value / max) * plot) : 0);

/** The values in words, for the description and the table beside the chart. */
export function describeChart(chart: BarChart): string {
  return chart.categories
    .map((category, i) => `${category}：${chart.series.map((s) => `${chart.series.length > 1 ? s.label : ''}${s.values[i] ?? 0}${chart.unit}`).join('，')}`)
    .join('；');
}

export function barChart(chart: BarChart): string {
  const size = chart.size ?? 'normal';
  const L = LAYOUT[size];
  const plot = L.height - L.top - L.bottom;
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values));
  const slot = (L.width - L.left - L.right) / Math.max(1, chart.categories.length);
  const barWidth = round(Math.min(size === 'small' ? 18 : 40, (slot - L.gap) / Math.max(1, chart.series.length)));
  const baseline = L.top + plot;
  const parts: string[] = [];
  chart.categories.forEach((category, c) => {
    const groupWidth = barWidth * chart.series.length;
    const x0 = L.left + slot * c + (slot - groupWidth) / 2;
    chart.series.forEach((s, i) => {
      const value = s.values[c] ?? 0;
      const h = barHeight(value, max, plot);
      const x = round(x0 + barWidth * i);
      const name = `${category}${chart.series.length > 1 ? ` ${s.label}` : ''}：${value}${chart.unit}`;
      parts.push(
        `<rect class="bar" x="${x}" y="${round(baseline - h)}" width="${barWidth}" height="${h}" fill="${PALETTE[i % PALETTE.length]}" data-series="${escapeHtml(s.key)}" data-category="${escapeHtml(category)}" data-value="${value}"><title>${escapeHtml(name)}</title></rect>`,
      );
      parts.push(`<text x="${round(x + barWidth / 2)}" y="${round(baseline - h - 3)}" text-anchor="middle" class="value">${value}</text>`);
    });
    parts.push(`<text x="${round(L.left + slot * c + slot / 2)}" y="${baseline + (size === 'small' ? 11 : 18)}" text-anchor="middle" class="category">${escapeHtml(category)}</text>`);
  });
  const legend =
    size === 'normal' && chart.series.length > 1
      ? chart.series
          .map((s, i) => {
            const x = L.left + i * 104;
            return `<rect x="${x}" y="6" width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"></rect><text x="${x + 16}" y="16" class="legend">${escapeHtml(s.label)}</text>`;
          })
          .join('')
      : '';
  const id = escapeHtml(chart.id);
  return [
    `<svg class="chart chart-${size}" viewBox="0 0 ${L.width} ${L.height}" role="img" aria-labelledby="${id}-title ${id}-desc" data-max="${max}" data-plot-height="${plot}" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escapeHtml(chart.title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(describeChart(chart))}</desc>`,
    legend,
    `<line x1="${L.left}" y1="${baseline}" x2="${L.width - L.right}" y2="${baseline}" stroke="#555" stroke-width="1"></line>`,
    ...parts,
    '</svg>',
  ].join('');
}
