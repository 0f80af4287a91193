/**
 * The effective template files of an agency: the built-in folder with the agency's own files in
 * their place. A build shares one TemplateListings among its agencies; each must still get its
 * own overrides, HTML and Word alike.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PizZip from 'pizzip';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/render/docx/index.ts';
import { listTemplateFiles, OVERRIDES_FOLDER, TemplateListings } from '../../../src/render/html/template-files.ts';
import { loadExample, TEMPLATES_DIR } from './example-reports.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-template-files-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** An agency folder whose templates/ holds `files` (relative path → content). */
function agencyWith(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = path.join(tmp, name);
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, OVERRIDES_FOLDER, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** The built-in report template with a marker paragraph text in place of its first tag's paragraph text. */
function markedReportTemplate(marker: string): Uint8Array {
  const zip = new PizZip(fs.readFileSync(path.join(TEMPLATES_DIR, 'report.docx')));
  const doc = zip.file('word/document.xml')!.asText();
  zip.file('word/document.xml', doc.replace('<w:body>', `<w:body><w:p><w:r><w:t>${marker}</w:t></w:r></w:p>`));
  return zip.generate({ type: 'uint8array' });
}

describe('a build’s shared TemplateListings', () => {
  const own = agencyWith('own', { 'print/report.css': 'body { color: black; }', 'report.docx': markedReportTemplate('本机关自己的模板') });
  const plain = agencyWith('plain', {});

  it('lists each agency’s own HTML templates in place of the built-in ones, and only its own', async () => {
    const listings = new TemplateListings();
    const [ownFiles, plainFiles, ownAgain] = await Promise.all([
      listTemplateFiles({ templatesDir: TEMPLATES_DIR, agencyDir: own, listings }),
      listTemplateFiles({ templatesDir: TEMPLATES_DIR, agencyDir: plain, listings }),
      listTemplateFiles({ templatesDir: TEMPLATES_DIR, agencyDir: own, listings }),
    ]);
    const css = (files: typeof ownFiles) => files.find((f) => f.name === 'print/report.css')?.path;
    expect(css(ownFiles)).toBe(path.join(own, OVERRIDES_FOLDER, 'print', 'report.css'));
    expect(css(plainFiles)).toBe(path.join(TEMPLATES_DIR, 'print', 'report.css'));
    expect(ownAgain).toEqual(ownFiles);
    // Overrides take the place of built-in files; they add no second entry.
    expect(ownFiles.map((f) => f.name)).toEqual(plainFiles.map((f) => f.name));
    await expect(listTemplateFiles({ templatesDir: TEMPLATES_DIR, agencyDir: plain })).resolves.toEqual(plainFiles);
  });

  it('fills each agency’s own Word template, and the built-in one for the others', async () => {
    const listings = new TemplateListings();
    const { model } = loadExample('jinjie');
    const text = async (agencyDir: string) => {
      const { report } = await renderDocx(model, { templatesDir: TEMPLATES_DIR, agencyDir, listings });
      return new PizZip(report).file('word/document.xml')!.asText();
    };
    expect(await text(own)).toContain('本机关自己的模板');
    expect(await text(plain)).not.toContain('本机关自己的模板');
    expect(await text(own)).toContain('本机关自己的模板');
  });
});
