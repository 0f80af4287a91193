import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStages } from '../../src/build/default-stages.ts';
import { serve, type PreviewServer } from '../../src/serve/index.ts';
import { EVENTS_PATH } from '../../src/serve/live-reload.ts';
import { affectedBy } from '../../src/serve/watch.ts';
import { copyAgency, tempDir, testOptions } from '../build/helpers.ts';
import { spyOnStages } from '../build/stage-spy.ts';
import { reloadEvents } from './reload-events.ts';

const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};

describe('nianbao serve', () => {
  let server: PreviewServer;
  let data: string;
  /** Every stage the server ran (see spyOnStages). */
  const calls: string[] = [];

  beforeAll(async () => {
    data = path.join(await tempDir('serve'), 'data');
    await copyAgency('shenmu', data, 'shenmu');
    await copyAgency('xinxiang-office', data, 'xinxiang-office');
    const broken = await copyAgency('shuozhou-office', data, 'broken');
    const file = path.join(broken, '2024.yaml');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(/^year: 2024$/m, 'year: 2023'));
    const options = testOptions({ dataDir: data, serve: { port: 0 } });
    server = await serve(options, { stages: spyOnStages(defaultStages(options), calls) });
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 and lists the agencies and years', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await get(server.url);
    expect(index.status).toBe(200);
    expect(index.text).toContain('href="/shenmu/2023/"');
    expect((await get(`${server.url}nope/2023/`)).status).toBe(404);
  });

  // Opens every page the index links to, each rendered on first request: slow on a busy machine.
  it('lists each agency by name with each report’s status, linking only the files the report has', { timeout: 60_000 }, async () => {
    const { text } = await get(server.url);
    expect(text).toContain('<h2>神木市人民政府<span class="id">shenmu</span></h2>');
    expect(text).toContain('<h2>新乡市人民政府办公室<span class="id">xinxiang-office</span></h2>');
    const line = (id: string) => new RegExp(`<li><strong>\\d{4}年度</strong>.*?</li>`).exec(text.slice(text.indexOf(`<span class="id">${id}</span>`)))![0];
    expect(line('shenmu')).toContain('<span class="status passed">通过</span>');
    expect(line('shenmu')).toContain('href="/shenmu/2023/letter.pdf"');
    expect(line('xinxiang-office')).toContain('href="/xinxiang-office/2023/report.pdf"');
    // 新乡 sends no 函: no letter views, and no “（有函时）” guesswork.
    expect(line('xinxiang-office')).not.toMatch(/letter|submission|有函时/);
    expect(line('broken')).toMatch(/<span class="status failed">检查未通过：\d+ 个错误/);
    expect(line('broken')).toContain('<a href="/broken/2024/">查看问题</a>');
    expect(line('broken')).not.toContain('.pdf');
    // Every link on the index answers.
    for (const href of new Set([...text.matchAll(/href="(\/[^"]+)"/g)].map((m) => m[1]!))) {
      if (/\.(pdf|docx)$/.test(href)) continue; // made on request by the browser: covered below
      expect((await fetch(`${server.url}${href.slice(1)}`)).status, href).toBe(200);
    }
  });

  it('serves the web page with the reload script, and reloads it after a save with the new text', async () => {
    const page = await get(`${server.url}shenmu/2023/`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('神木市人民政府');
    expect(page.text).toContain(EVENTS_PATH);

    const stream = reloadEvents(server.url);
    try {
      await stream.connected;
      const file = path.join(data, 'shenmu/2023.yaml');
      const text = await fs.readFile(file, 'utf8');
      calls.length = 0;
      await fs.writeFile(file, text.replace('本年度未收取信息处理费。', '本年度未收取信息处理费，此句为预览测试新加。'));
      await stream.next('shenmu/2023');
      // The reload waits only for the saved report's page and print preview: no other report, no
      // DOCX, no printer. (Its speed is measured by `npm run bench`.)
      expect(new Set(calls)).toEqual(new Set(['gate shenmu/2023', 'web shenmu/2023', 'print shenmu/2023']));
      const after = await get(`${server.url}shenmu/2023/`);
      expect(after.text).toContain('此句为预览测试新加');
      // The next year's page depends on this file too.
      expect(stream.events).toContain('shenmu/2024');
    } finally {
      stream.close();
    }
  });

  it('shows the diagnostics at their YAML lines instead of the report when the gate fails', async () => {
    const stream = reloadEvents(server.url);
    try {
      await stream.connected;
      const file = path.join(data, 'shenmu/2023.yaml');
      const text = await fs.readFile(file, 'utf8');
      const broken = text.replace('received: [33, 1, 0, 1, 0, 0]', 'received: [34, 1, 0, 1, 0, 0]');
      expect(broken).not.toBe(text);
      const line = broken.split('\n').findIndex((l) => l.includes('received: [34')) + 1;
      stream.events.length = 0;
      await fs.writeFile(file, broken);
      await stream.next('shenmu/2023');
      const page = await get(`${server.url}shenmu/2023/`);
      expect(page.text).toContain('数据检查未通过');
      expect(page.text).toMatch(new RegExp(`shenmu/2023\\.yaml:${line}:\\d+`));
      expect(page.text).toContain('[requests-balance]');
      stream.events.length = 0;
      await fs.writeFile(file, text);
      await stream.next('shenmu/2023');
      expect((await get(`${server.url}shenmu/2023/`)).text).not.toContain('数据检查未通过');
    } finally {
      stream.close();
    }
  });

  it('shows the print documents as HTML, their fonts served from the allowed folders only', async () => {
    const preview = await get(`${server.url}shenmu/2023/letter.print.html`);
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('榆林市政府信息化服务中心');
    expect(preview.text).not.toContain('file://');
    const asset = /\/__nianbao\/assets\/[^"')\s]+/.exec(preview.text)?.[0];
    expect(asset).toBeDefined();
    const font = await fetch(`${server.url}${asset!.slice(1)}`);
    expect(font.status).toBe(200);
    expect((await get(`${server.url}__nianbao/assets/0/..%2F..%2F..%2Fpackage.json`)).status).toBe(404);
  });

  it('maps a changed file to the reports it concerns', () => {
    const dataDir = '/d';
    const templates = '/t';
    expect(affectedBy('/d/a/2023.yaml', dataDir, templates)).toEqual({ kind: 'report', agencyId: 'a', years: [2023, 2024] });
    expect(affectedBy('/d/a/agency.yaml', dataDir, templates)).toEqual({ kind: 'agency', agencyId: 'a' });
    expect(affectedBy('/d/a/templates/x/page.hbs', dataDir, templates)).toEqual({ kind: 'agency', agencyId: 'a' });
    expect(affectedBy('/t/web/page.css', dataDir, templates)).toEqual({ kind: 'everything' });
    expect(affectedBy('/elsewhere/x.yaml', dataDir, templates)).toBeNull();
  });
});
