/**
 * The portal page in a real browser: every example agency at phone and desktop width, from
 * file://, with no request leaving the page, no horizontal page scroll and no axe violation.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../../src/print/browser-session.ts';
import { renderWebPage } from '../../../src/render/html/web-page.ts';
import { PACKAGE_ROOT } from '../../../src/options.ts';
import { exampleAgencyIds, loadExample, TEMPLATES_DIR } from './example-reports.ts';

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
const AXE = path.join(PACKAGE_ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const WIDTHS = [375, 1280];
const agencies = exampleAgencyIds();

let outDir: string;
let session: BrowserSession;

beforeAll(async () => {
  outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-web-'));
  for (const agencyId of agencies) {
    const example = loadExample(agencyId);
    const { indexHtml, fragmentHtml } = await renderWebPage(example.model, {
      templatesDir: TEMPLATES_DIR,
      agencyDir: example.agencyDir,
      links: { reportPdf: 'report.pdf', reportDocx: 'report.docx', letterPdf: 'letter.pdf' },
    });
    await fs.mkdir(path.join(outDir, agencyId));
    await fs.writeFile(path.join(outDir, agencyId, 'index.html'), indexHtml);
    // The CMS supplies the page around the fragment; a bare shell stands in for it here.
    const shell = `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(example.model.title)}</title></head><body><main>${fragmentHtml}</main></body></html>`;
    await fs.writeFile(path.join(outDir, agencyId, 'fragment-in-cms.html'), shell);
  }
  session = new BrowserSession({ browserPath: null, concurrency: 2 });
}, 120_000);

afterAll(async () => {
  await session?.close();
  if (outDir) await fs.rm(outDir, { recursive: true, force: true });
});

interface Visit {
  requests: string[];
  overflow: { scrollWidth: number; innerWidth: number };
  violations: { id: string; impact: string; help: string; targets: string[] }[];
  page: Page;
}

/** Opens `file` at `width`, counting every request besides the document itself, then runs axe. */
async function visit<T>(file: string, width: number, more: (v: Visit) => Promise<T>): Promise<T> {
  return session.withPage(async (page) => {
    const url = pathToFileURL(file).href;
    const requests: string[] = [];
    await page.setViewport({ width, height: 800 });
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url() === url) return void request.continue();
      requests.push(request.url());
      void request.abort('blockedbyclient');
    });
    await page.goto(url, { waitUntil: 'load' });
    const overflow = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    const seen = [...requests];
    await page.addScriptTag({ content: await fs.readFile(AXE, 'utf8') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (o: object) => Promise<{ violations: unknown[] }> } }).axe;
      const result = await axe.run({ resultTypes: ['violations'] });
      return (result.violations as { id: string; impact: string; help: string; nodes: { target: string[] }[] }[]).map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
    });
    return more({ requests: seen, overflow, violations, page });
  });
}

describe('the browser harness', () => {
  it('does notice a request and an accessibility fault', async () => {
    const file = path.join(outDir, 'faulty.html');
    await fs.writeFile(file, '<!DOCTYPE html><html><head><title>x</title></head><body><img src="https://example.invalid/x.png"></body></html>');
    await visit(file, 375, async ({ requests, violations }) => {
      expect(requests).toEqual(['https://example.invalid/x.png']);
      expect(violations.map((v) => v.id)).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt']));
    });
  }, 60_000);
});

describe('the wide tables on a phone (375 px)', () => {
  it.each(['index.html', 'fragment-in-cms.html'])('%s: 三 keeps its row labels in view while the numbers scroll, and both wide tables say they scroll', async (file) => {
    await visit(path.join(outDir, 'jinjie', file), 375, async ({ page }) => {
      const seen = await page.evaluate(() => {
        const table = document.querySelector('table[id$="-requests-table"]')!;
        const box = table.parentElement!;
        const cell = (text: string) => [...table.querySelectorAll('th')].find((th) => th.textContent === text)!;
        const labels = {
          section: cell('三、本年度办理结果'),
          group: cell('（三）不予公开'),
          leaf: cell('1.属于国家秘密'),
          wide: cell('（一）予以公开'),
          row: cell('一、本年新收政府信息公开申请数量'),
        };
        const number = labels.leaf.parentElement!.lastElementChild!;
        type Box = { left: number; right: number };
        const boxOf = (el: Element): Box => {
          const r = el.getBoundingClientRect();
          return { left: r.left, right: r.right };
        };
        const rects = () => ({
          section: boxOf(labels.section),
          group: boxOf(labels.group),
          leaf: boxOf(labels.leaf),
          wide: boxOf(labels.wide),
          row: boxOf(labels.row),
          number: boxOf(number),
        });
        const before = rects();
        box.scrollLeft = box.scrollWidth;
        const after = rects();
        const boxRect = box.getBoundingClientRect();
        const onTop = Object.fromEntries(
          Object.entries(labels).map(([k, el]) => {
            window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - 100);
            const r = el.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 20));
            return [k, hit === el || el.contains(hit)];
          }),
        );
        const cue = (el: Element) => ({
          background: getComputedStyle(el).backgroundImage,
          hint: document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
          scrolls: el.scrollWidth > el.clientWidth,
        });
        const appeals = document.querySelector('table[id$="-appeals-table"]')!.parentElement!;
        return { before, after, box: { left: boxRect.left, right: boxRect.right }, scrolled: box.scrollLeft, onTop, cues: [cue(box), cue(appeals)] };
      });
      expect(seen.scrolled).toBeGreaterThan(100);
      // The numbers moved with the scroll…
      expect(Math.abs(seen.before.number.left - seen.after.number.left - seen.scrolled)).toBeLessThanOrEqual(1);
      // …the row labels did not, and stay on top, inside the box, side by side.
      for (const key of ['section', 'group', 'leaf', 'wide', 'row'] as const) {
        expect(Math.abs(seen.after[key].left - seen.before[key].left), key).toBeLessThanOrEqual(1);
        expect(seen.after[key].left, key).toBeGreaterThanOrEqual(seen.box.left - 1);
        expect(seen.after[key].right, key).toBeLessThan(seen.box.right - 60);
        expect(seen.onTop[key], `${key} is covered`).toBe(true);
      }
      expect(seen.after.section.right).toBeLessThanOrEqual(seen.after.group.left + 1);
      expect(seen.after.group.right).toBeLessThanOrEqual(seen.after.leaf.left + 1);
      expect(Math.abs(seen.after.wide.left - seen.after.group.left)).toBeLessThanOrEqual(1);
      // A shadow at the edge shows there is more; screen readers hear that the table scrolls.
      for (const cue of seen.cues) {
        expect(cue.scrolls).toBe(true);
        expect(cue.background).toMatch(/radial-gradient/);
        expect(cue.hint).toContain('左右滑动');
      }
    });
  }, 60_000);
});

describe.each(agencies)('index.html of %s in a browser', (agencyId) => {
  it.each(WIDTHS)('at %i px: no request, no page overflow, no axe violation', async (width) => {
    await visit(path.join(outDir, agencyId, 'index.html'), width, async ({ requests, overflow, violations, page }) => {
      expect(requests).toEqual([]);
      expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
      expect(violations).toEqual([]);
      // Wide tables scroll inside their own focusable, labelled container instead.
      const containers = await page.$$eval('.table-scroll', (els) =>
        els.map((el) => ({
          tabIndex: (el as HTMLElement).tabIndex,
          label: document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
          scrolls: el.scrollWidth > el.clientWidth,
        })),
      );
      expect(containers).toHaveLength(3);
      for (const c of containers) {
        expect(c.tabIndex).toBe(0);
        expect(c.label).not.toBe('');
      }
      if (width === 375) expect(containers.filter((c) => c.scrolls).length).toBeGreaterThanOrEqual(2);
      else expect(containers.filter((c) => c.scrolls)).toEqual([]);
    });
  }, 60_000);

  it('prints without the download links and without cutting the tables', async () => {
    await visit(path.join(outDir, agencyId, 'index.html'), 1280, async ({ page }) => {
      await page.emulateMediaType('print');
      const printed = await page.evaluate(() => ({
        downloads: getComputedStyle(document.querySelector('.downloads')!).display,
        overflow: [...document.querySelectorAll('.table-scroll')].map((el) => getComputedStyle(el).overflowX),
      }));
      expect(printed.downloads).toBe('none');
      expect(printed.overflow).toEqual(['visible', 'visible', 'visible']);
    });
  }, 60_000);

  it.each(WIDTHS)('fragment.html inside a bare CMS page at %i px: no request, no overflow, no axe violation', async (width) => {
    await visit(path.join(outDir, agencyId, 'fragment-in-cms.html'), width, async ({ requests, overflow, violations }) => {
      expect(requests).toEqual([]);
      expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
      expect(violations).toEqual([]);
    });
  }, 60_000);
});
