import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearTemplateCache, loadTemplates } from '../../../src/render/html/handlebars.ts';
import { renderWebPage } from '../../../src/render/html/web-page.ts';
import { loadExample, TEMPLATES_DIR } from './example-reports.ts';

const example = loadExample('shuozhou-office');
let agencyDir: string;

beforeAll(async () => {
  agencyDir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-templates-'));
});
afterAll(async () => {
  await fs.rm(agencyDir, { recursive: true, force: true });
});

const write = async (name: string, text: string, mtime?: Date) => {
  const file = path.join(agencyDir, 'templates', name);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
  if (mtime) await fs.utimes(file, mtime, mtime);
};

const render = () => renderWebPage(example.model, { templatesDir: TEMPLATES_DIR, agencyDir, links: {} });

describe('the Handlebars environment', () => {
  it('keeps its helpers and partials off the global Handlebars', async () => {
    await loadTemplates({ templatesDir: TEMPLATES_DIR, agencyDir });
    expect(Handlebars.helpers.formatNumber).toBeUndefined();
    expect(Handlebars.partials['data-table']).toBeUndefined();
  });

  it('reuses the compiled set while no file changed', async () => {
    const a = await loadTemplates({ templatesDir: TEMPLATES_DIR, agencyDir });
    const b = await loadTemplates({ templatesDir: TEMPLATES_DIR, agencyDir });
    expect(b).toBe(a);
  });

  it('lets an agency replace a partial, then picks up its edits and its removal', async () => {
    const before = (await render()).indexHtml;
    expect(before).toContain('class="signature"');

    await write('partials/signature.hbs', '<p class="own-signature">{{name}}（本单位自定义）</p>\n', new Date(2020, 0, 1));
    const replaced = (await render()).indexHtml;
    expect(replaced).toContain('<p class="own-signature">朔州市人民政府办公室（本单位自定义）</p>');
    expect(replaced).not.toContain('class="signature"');

    await write('partials/signature.hbs', '<p class="own-signature">{{name}}（已修改）</p>\n', new Date(2021, 0, 1));
    expect((await render()).indexHtml).toContain('朔州市人民政府办公室（已修改）');

    await fs.rm(path.join(agencyDir, 'templates', 'partials', 'signature.hbs'));
    expect((await render()).indexHtml).toContain('class="signature"');
  });

  it('lets an agency replace the page stylesheet, in the page and in the fragment', async () => {
    await write('web/page.css', '.report-title { color: #123456; }\n');
    const { indexHtml, fragmentHtml } = await render();
    expect(indexHtml).toContain('.report-title { color: #123456; }');
    expect(fragmentHtml).toMatch(/<h1 id="[^"]+" style="color: #123456">/);
    await fs.rm(path.join(agencyDir, 'templates', 'web', 'page.css'));
  });

  it('lets an agency add a partial of its own for an overridden template to use', async () => {
    await write('partials/extra-note.hbs', '<p class="note">{{this}}</p>\n');
    await write('web/page.hbs', '<main>{{> extra-note report.agencyName}}</main>\n');
    const { indexHtml } = await render();
    expect(indexHtml).toBe('<main><p class="note">朔州市人民政府办公室</p>\n</main>\n');
    await fs.rm(path.join(agencyDir, 'templates'), { recursive: true });
    clearTemplateCache();
  });

  it('says which template is missing', async () => {
    const set = await loadTemplates({ templatesDir: TEMPLATES_DIR, agencyDir });
    expect(() => set.render('web/none.hbs', {})).toThrow(/找不到模板文件：web\/none\.hbs/);
  });
});
