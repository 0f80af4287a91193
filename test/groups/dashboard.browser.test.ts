/**
 * The review dashboard in a real browser, as `nianbao summary` writes it: at phone and desktop
 * width no request leaves the page, nothing overflows, axe finds no violation, print hides the
 * links; and the charts, read back from the SVG, show the members' numbers at the right heights.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '../../src/groups/index.ts';
import { PACKAGE_ROOT } from '../../src/options.ts';
import { BrowserSession } from '../../src/print/browser-session.ts';
import { stubStages, tempDir, testOptions } from '../build/helpers.ts';
import { EXAMPLES, fixtureData } from './group-helpers.ts';

const AXE = path.join(PACKAGE_ROOT, 'node_modules', 'axe-core', 'axe.min.js');
let out: string;
let session: BrowserSession;

async function summarizeInto(dataDir: string, groupId: string, outDir: string) {
  const options = testOptions({ dataDir, outDir });
  return summarize(options, { groupId }, { stages: stubStages(options), toolchain: 'test' });
}

beforeAll(async () => {
  out = await tempDir('dashboard');
  await summarizeInto(EXAMPLES, 'shenmu-city', path.join(out, 'examples'));
  await summarizeInto(fixtureData('group-member-failing'), 'demo-city', path.join(out, 'failing'));
  session = new BrowserSession({ browserPath: null, concurrency: 1 });
}, 120_000);

afterAll(async () => {
  await session?.close();
});

const PAGES = [
  ['the example group', 'examples/groups/shenmu-city/2023/index.html'],
  ['a group with a failing member', 'failing/groups/demo-city/2023/index.html'],
] as const;

describe.each(PAGES)('the dashboard of %s', (_, page) => {
  it.each([375, 1280])('at %i px: no request, no overflow, no axe violation', async (width) => {
    await session.withPage(async (p) => {
      const url = pathToFileURL(path.join(out, page)).href;
      const requests: string[] = [];
      await p.setViewport({ width, height: 800 });
      await p.setRequestInterception(true);
      p.on('request', (r) => {
        if (r.url() === url) return void r.continue();
        requests.push(r.url());
        void r.abort('blockedbyclient');
      });
      await p.goto(url, { waitUntil: 'load' });
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      await p.addScriptTag({ content: await fs.readFile(AXE, 'utf8') });
      const violations = await p.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        return (await axe.run({ resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(requests).toEqual([]);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(violations).toEqual([]);
      await p.emulateMediaType('print');
      const links = await p.evaluate(() => [...document.querySelectorAll('ul.links')].map((el) => getComputedStyle(el).display));
      expect(links.every((d) => d === 'none')).toBe(true);
    });
  }, 60_000);
});

describe('the example group\'s trend charts', () => {
  it('draw each year\'s numbers as bars whose heights follow one scale', async () => {
    const charts = await session.withPage(async (p) => {
      await p.goto(pathToFileURL(path.join(out, PAGES[0][1])).href, { waitUntil: 'load' });
      // Parse the SVG markup itself (not the live DOM), as an XML document.
      return p.evaluate(() =>
        [...document.querySelectorAll('svg.chart')].map((svg) => {
          const doc = new DOMParser().parseFromString(svg.outerHTML, 'image/svg+xml');
          const root = doc.documentElement;
          return {
            title: root.querySelector('title')?.textContent,
            max: Number(root.getAttribute('data-max')),
            plot: Number(root.getAttribute('data-plot-height')),
            bars: [...root.querySelectorAll('rect.bar')].map((r) => ({
              series: r.getAttribute('data-series'),
              year: r.getAttribute('data-category'),
              value: Number(r.getAttribute('data-value')),
              height: Number(r.getAttribute('height')),
              label: r.querySelector('title')?.textContent,
            })),
          };
        }),
      );
    });
    expect(charts.map((c) => c.title)).toEqual([
      '神木市各年度新收政府信息公开申请数量',
      '神木市各年度申请办理结果',
      '神木市各年度政府信息公开行政复议、行政诉讼案件数',
    ]);
    const values = (chart: (typeof charts)[number], series: string) => chart.bars.filter((b) => b.series === series).map((b) => [b.year, b.value]);
    // 2022 (sample data): shenmu 31 + jinjie 3; 2023 (published): 35 + 0.
    expect(values(charts[0]!, 'received')).toEqual([['2022年度', 34], ['2023年度', 35]]);
    // 予以公开 2022: 17 + 2; 2023: 20 + 0. 无法提供 2022: 7 + 1; 2023: 10.
    expect(values(charts[1]!, 'disclosed')).toEqual([['2022年度', 19], ['2023年度', 20]]);
    expect(values(charts[1]!, 'unavailable')).toEqual([['2022年度', 8], ['2023年度', 10]]);
    // 行政复议 3 and 3; 行政诉讼 (直接起诉 + 复议后起诉) 1 and 2 + 1.
    expect(values(charts[2]!, 'review')).toEqual([['2022年度', 3], ['2023年度', 3]]);
    expect(values(charts[2]!, 'litigation')).toEqual([['2022年度', 1], ['2023年度', 3]]);
    for (const chart of charts) {
      expect(chart.max).toBe(Math.max(...chart.bars.map((b) => b.value)));
      for (const bar of chart.bars) expect(bar.height).toBeCloseTo((bar.value / chart.max) * chart.plot, 1);
    }
    expect(charts[0]!.bars[1]!.label).toBe('2023年度：35件');
  }, 60_000);
});
