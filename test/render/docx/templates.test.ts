/**
 * The Word templates: the committed .docx files are exactly a fresh pack of templates/docx-src,
 * they use exactly the documented tags, they set the page the geometry module computes, and a
 * template an office opened and saved in Word (tags split across runs, proofing marks, bookmarks,
 * rsids, restyled) still builds. A broken template fails with a message in Chinese.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PizZip from 'pizzip';
import { afterAll, describe, expect, it } from 'vitest';
import { CHAR_SPACE, indentTwips, LINE_PITCH } from '../../../src/render/docx/page-geometry.ts';
import { DocxTemplateError, renderDocx } from '../../../src/render/docx/index.ts';
import { LETTER_TAGS, REPORT_TAGS } from '../../../src/render/docx/template-data.ts';
import { packTemplateSource, TEMPLATE_NAMES, type TemplateName } from '../../../src/render/docx/template-source.ts';
import { loadExample, TEMPLATES_DIR } from '../html/example-reports.ts';
import { DocxParts, emptyParagraphs, paragraphs, textOf } from './docx-parts.ts';
import { fullNumberedReport } from './variants.ts';

const TEMPLATED_PART = /^word\/(document|header[^/]*|footer[^/]*)\.xml$/;
const templateBytes = (name: TemplateName) => fs.readFileSync(path.join(TEMPLATES_DIR, `${name}.docx`));

/** Every tag name a template uses, from the text of its paragraphs. */
function tagsOf(bytes: Uint8Array): string[] {
  const zip = new PizZip(bytes);
  const text = zip
    .file(TEMPLATED_PART)
    .flatMap((f) => paragraphs(f.asText()).map((p) => p.text))
    .join('\n');
  return [...new Set([...text.matchAll(/\{(?:[#/^@]|-w:\w+ )?([^{}\s]+)\}/g)].map((m) => m[1]!))].sort();
}

describe.each(TEMPLATE_NAMES.map((n) => [n] as const))('templates/%s.docx', (name) => {
  it('is exactly what scripts/pack-docx-templates.ts makes of templates/docx-src', () => {
    const fresh = packTemplateSource(path.join(TEMPLATES_DIR, 'docx-src'), name);
    expect(Buffer.from(fresh).equals(templateBytes(name)), 'run: node bin/run-ts.js scripts/pack-docx-templates.ts').toBe(true);
  });

  it('uses exactly the documented tags', () => {
    const documented = Object.keys(name === 'report' ? REPORT_TAGS : LETTER_TAGS).sort();
    expect(tagsOf(templateBytes(name))).toEqual(documented);
  });

  it('has every tag explained to offices in templates/docx-src/README.md', () => {
    const readme = fs.readFileSync(path.join(TEMPLATES_DIR, 'docx-src', 'README.md'), 'utf8');
    for (const tag of tagsOf(templateBytes(name))) expect(readme).toMatch(new RegExp(`\\{[#@-]?(w:\\w+ )?${tag}\\}`));
  });

  it('sets the docGrid the page geometry computes: 22 lines of 28 characters', () => {
    const doc = new PizZip(templateBytes(name)).file('word/document.xml')!.asText();
    expect(doc).toContain(`<w:docGrid w:type="linesAndChars" w:linePitch="${LINE_PITCH}" w:charSpace="${CHAR_SPACE}"/>`);
    expect([LINE_PITCH, CHAR_SPACE]).toEqual([579, -842]);
  });

  it('gives every indent in characters, with twips under whole grid characters for LibreOffice', () => {
    const styles = new PizZip(templateBytes(name)).file('word/styles.xml')!.asText();
    const indents = [...styles.matchAll(/<w:ind w:(firstLine|left)Chars="(\d+)" w:\1="(\d+)"\/>/g)];
    expect(indents.length).toBeGreaterThan(4);
    for (const [, , chars, twips] of indents) expect(Number(twips)).toBe(indentTwips(Number(chars) / 100));
  });
});

/**
 * What Word does to a template it saves: every run holding a tag is cut into runs of two or three
 * characters, with rsids, spelling marks and a bookmark between them; paragraphs get rsids too.
 */
function editInWord(xml: string): string {
  let id = 100;
  const marks = [
    () => '<w:proofErr w:type="spellStart"/>',
    () => `<w:bookmarkStart w:id="${++id}" w:name="_GoBack"/><w:bookmarkEnd w:id="${id}"/>`,
    () => '<w:proofErr w:type="spellEnd"/>',
  ];
  return xml
    .replace(/<w:p>/g, '<w:p w:rsidR="00A41C2B" w:rsidRDefault="00A41C2B" w:rsidP="00D3F1E0">')
    .replace(/<w:r>\s*(<w:rPr>[\s\S]*?<\/w:rPr>)?\s*(<w:tab\/>)?\s*<w:t>([^<]*\{[^<]*)<\/w:t>\s*<\/w:r>/g, (_m, rPr = '', tab = '', text: string) => {
      const chunks = text.match(/[\s\S]{1,3}/g)!;
      return chunks
        .map((chunk, i) => {
          const run = `<w:r w:rsidRPr="00B7${i}E12">${rPr}${i === 0 ? tab : ''}<w:t xml:space="preserve">${chunk}</w:t></w:r>`;
          return i === 0 ? run : marks[i % marks.length]!() + run;
        })
        .join('');
    });
}

function editedTemplate(name: TemplateName): Buffer {
  const zip = new PizZip(templateBytes(name));
  for (const file of zip.file(TEMPLATED_PART)) zip.file(file.name, editInWord(file.asText()));
  // The office also made the title larger and the letterhead a darker red.
  const styles = zip.file('word/styles.xml')!.asText();
  zip.file('word/styles.xml', styles.replace('<w:sz w:val="44"/>', '<w:sz w:val="48"/>').replace(/E60000/g, 'C00000'));
  return zip.generate({ type: 'nodebuffer' });
}

const agencyDirs: string[] = [];
afterAll(() => agencyDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A throwaway agency folder whose templates/ holds the given templates. */
function agencyWithTemplates(templates: Partial<Record<TemplateName, Buffer>>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-docx-'));
  agencyDirs.push(dir);
  fs.mkdirSync(path.join(dir, 'templates'));
  for (const [name, bytes] of Object.entries(templates)) fs.writeFileSync(path.join(dir, 'templates', `${name}.docx`), bytes);
  return dir;
}

const allText = (bytes: Uint8Array) =>
  new PizZip(bytes)
    .file(TEMPLATED_PART)
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((f) => paragraphs(f.asText()).map((p) => p.text));

describe('a template edited in Word', () => {
  it('splits tags across runs the way Word does (the test really splits them)', () => {
    const doc = new PizZip(editedTemplate('report')).file('word/document.xml')!.asText();
    expect(doc).toContain('<w:proofErr w:type="spellStart"/>');
    expect(doc).not.toContain('<w:t>{title}</w:t>');
    expect(paragraphs(doc).some((p) => p.text === '{title}' && (p.xml.match(/<w:r /g) ?? []).length > 1)).toBe(true);
  });

  it('still builds the same text, the agency’s copy taking precedence over the built-in one', async () => {
    const { model } = fullNumberedReport();
    const shenmu = loadExample('shenmu');
    const agencyDir = agencyWithTemplates({ report: editedTemplate('report'), letter: editedTemplate('letter') });
    const edited = await renderDocx({ ...model, letter: shenmu.model.letter }, { templatesDir: TEMPLATES_DIR, agencyDir });
    const pristine = await renderDocx({ ...model, letter: shenmu.model.letter }, { templatesDir: TEMPLATES_DIR, agencyDir: shenmu.agencyDir });
    expect(allText(edited.report)).toEqual(allText(pristine.report));
    expect(allText(edited.letter!)).toEqual(allText(pristine.letter!));
    expect(allText(edited.report).join('')).not.toMatch(/[{}]/);
    // The office's restyling is what the output carries.
    expect(new DocxParts(edited.report).styles).toContain('C00000');
    expect(emptyParagraphs(new DocxParts(edited.report).document)).toEqual([]);
    expect(emptyParagraphs(new DocxParts(edited.letter!).document)).toEqual([]);
  });
});

describe('a broken template', () => {
  const withDocument = (edit: (xml: string) => string) => {
    const zip = new PizZip(templateBytes('report'));
    zip.file('word/document.xml', edit(zip.file('word/document.xml')!.asText()));
    return zip.generate({ type: 'nodebuffer' });
  };
  const renderWith = async (report: Buffer) => {
    const { model } = loadExample('shuozhou-office');
    const agencyDir = agencyWithTemplates({ report });
    return { agencyDir, result: renderDocx(model, { templatesDir: TEMPLATES_DIR, agencyDir }) };
  };

  it('names the file and the unknown tag, and lists the tags it could use', async () => {
    const { agencyDir, result } = await renderWith(withDocument((xml) => xml.replace(/\{title\}/g, '{titel}')));
    const file = path.join(agencyDir, 'templates', 'report.docx');
    await expect(result).rejects.toThrow(DocxTemplateError);
    await expect(result).rejects.toThrow(`模板 ${file} 中的标签 {titel} 无法识别`);
    await expect(result).rejects.toThrow(/可用的标签：.*\{title\}（标题/);
  });

  it('explains an unclosed tag', async () => {
    const { result } = await renderWith(withDocument((xml) => xml.replace('{docNumber}</w:t>', '{docNumber</w:t>')));
    await expect(result).rejects.toThrow(/report\.docx 中的标签“\{docNumber[^”]*”缺少结尾的“\}”/);
  });

  it('explains a file that is not a .docx', async () => {
    const { result } = await renderWith(Buffer.from('这不是 Word 文档'));
    await expect(result).rejects.toThrow(/不是有效的 Word 文档（\.docx）/);
  });
});

it('reads text through the helper the way Word shows it', () => {
  expect(textOf('<w:r><w:t>a&amp;b</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">c</w:t></w:r>')).toBe('a&b\nc');
});
