/**
 * The DOCX of the five example reports, unzipped and read: page setup and grid, styles and fonts,
 * the three tables' merges and repeated headers, odd/even page numbers, document properties, and
 * every paragraph and number of the data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SECTION_HEADINGS } from '../../../src/format/index.ts';
import { CHAR_SPACE, LINE_PITCH, MARGINS, PAGE } from '../../../src/render/docx/page-geometry.ts';
import { renderDocx } from '../../../src/render/docx/index.ts';
import { exampleAgencyIds, loadExample, TEMPLATES_DIR, type ExampleReport } from '../html/example-reports.ts';
import { attributes, DocxParts, emptyParagraphs, paragraphs, style, tables, textOf } from './docx-parts.ts';
import { reportParagraphs, tableRows } from './expected-content.ts';

const examples = exampleAgencyIds().map((id) => loadExample(id));

interface Rendered {
  example: ExampleReport;
  bytes: { report: Uint8Array; letter: Uint8Array | null };
  report: DocxParts;
  letter: DocxParts | null;
}

const rendered = new Map<string, Rendered>();

beforeAll(async () => {
  for (const example of examples) {
    const bytes = await renderDocx(example.model, { templatesDir: TEMPLATES_DIR, agencyDir: example.agencyDir });
    rendered.set(example.agencyId, {
      example,
      bytes,
      report: new DocxParts(bytes.report),
      letter: bytes.letter ? new DocxParts(bytes.letter) : null,
    });
  }
});

const get = (id: string) => rendered.get(id)!;

it('covers the five examples, the 函 and the numbered report among them', () => {
  expect(examples.length).toBeGreaterThanOrEqual(5);
  expect(examples.some((e) => e.model.letter)).toBe(true);
  expect(examples.some((e) => e.model.document)).toBe(true);
});

describe.each(examples.map((e) => [e.agencyId] as const))('%s', (id) => {
  const documents = () => {
    const r = get(id);
    return [r.report, ...(r.letter ? [r.letter] : [])];
  };

  it('sets up the GB/T 9704 page: A4, margins 37/35/28/26 mm, a 22 × 28 grid', () => {
    for (const doc of documents()) {
      const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(doc.document)![0];
      expect(attributes(sect, 'w:pgSz')).toMatchObject({ w: String(PAGE.width), h: String(PAGE.height) });
      expect(attributes(sect, 'w:pgMar')).toMatchObject({
        top: String(MARGINS.top),
        bottom: String(MARGINS.bottom),
        left: String(MARGINS.left),
        right: String(MARGINS.right),
      });
      expect(attributes(sect, 'w:docGrid')).toEqual({ type: 'linesAndChars', linePitch: String(LINE_PITCH), charSpace: String(CHAR_SPACE) });
    }
  });

  it('names the office fonts in styles, 3号 body and 2号 title, with headings Word lists in its navigation pane', () => {
    for (const doc of documents()) {
      const normal = style(doc.styles, 'Normal');
      expect(normal).toContain('w:eastAsia="仿宋_GB2312"');
      expect(normal).toContain('<w:sz w:val="32"/>');
      const title = style(doc.styles, 'Title');
      expect(title).toContain('w:eastAsia="方正小标宋简体"');
      expect(title).toContain('<w:sz w:val="44"/>');
      expect(style(doc.styles, 'Heading1')).toContain('w:eastAsia="黑体"');
      expect(style(doc.styles, 'Heading1')).toContain('<w:outlineLvl w:val="0"/>');
      expect(style(doc.styles, 'Heading2')).toContain('w:eastAsia="楷体_GB2312"');
      expect(style(doc.styles, 'Heading2')).toContain('<w:outlineLvl w:val="1"/>');
      expect(style(doc.styles, 'Heading3')).toContain('<w:outlineLvl w:val="2"/>');
      expect(style(doc.styles, 'BodyParagraph')).toContain('w:firstLineChars="200"');
      const fonts = doc.part('word/fontTable.xml');
      expect(fonts).toMatch(/<w:font w:name="仿宋_GB2312">\s*<w:altName w:val="仿宋"\/>/);
      expect(fonts).toMatch(/<w:font w:name="仿宋">\s*<w:altName w:val="FangSong"\/>/);
    }
  });

  it('numbers pages — N — in 4号宋体 by PAGE fields, odd pages right and even pages left', () => {
    for (const doc of documents()) {
      expect(doc.part('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
      const rels = doc.part('word/_rels/document.xml.rels');
      const footer = (type: string) => {
        const rid = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"/>`).exec(doc.document)![1];
        return doc.part(`word/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`);
      };
      for (const [type, side] of [['default', 'right'], ['even', 'left']] as const) {
        const xml = footer(type);
        expect(xml).toContain('<w:instrText xml:space="preserve"> PAGE </w:instrText>');
        expect(xml).toContain(`<w:jc w:val="${side}"/>`);
        expect(textOf(xml)).toMatch(/^— \d+ —$/);
      }
      expect(style(doc.styles, 'PageNumber')).toMatch(/w:eastAsia="宋体"[\s\S]*<w:sz w:val="28"\/>/);
    }
  });

  it('leaves no empty paragraph behind', () => {
    for (const doc of documents()) {
      expect(emptyParagraphs(doc.document).map((p) => p.xml)).toEqual([]);
      expect(doc.document).not.toMatch(/\{[#/^@-]?\w+\}/);
    }
  });

  it('heads the six sections with Heading1 and the sub-heads with Heading2 or the run-in style', () => {
    const { report, example } = get(id);
    const paras = paragraphs(report.document);
    expect(paras.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(Object.values(SECTION_HEADINGS));
    for (const item of example.model.overview.items) {
      const heading = `${item.number}${item.title}`;
      const para = paras.find((p) => p.text.startsWith(heading))!;
      expect(para, heading).toBeDefined();
      if (example.model.overview.subheads === 'runIn') expect(para.xml).toContain('<w:rStyle w:val="RunInHeading"/>');
      else expect(para.style).toBe('Heading2');
    }
  });

  it('holds every paragraph of the data', () => {
    const { report, example } = get(id);
    const text = paragraphs(report.document).map((p) => p.text).join('\n');
    for (const paragraph of reportParagraphs(example.model)) expect(text).toContain(paragraph);
    expect(text.replace(/\n/g, '')).toContain(example.model.document?.title ?? example.model.title);
  });

  it('prints every number of the three tables, row by row', () => {
    const { report, example } = get(id);
    const dataTables = tables(report.document).filter((t) => t.style === 'ReportTable');
    expect(dataTables).toHaveLength(3);
    const printed = dataTables.flatMap((t) =>
      t.rows
        .map((r) => r.cells.map((c) => c.text).filter((text) => /^\d+(\.\d+)?$/.test(text)))
        .filter((numbers) => numbers.length > 0),
    );
    expect(printed).toEqual(tableRows(example.model));
  });

  it('merges table cells as the 2021 format does, repeats header rows, keeps rows whole and lets tables break between them', () => {
    const { report } = get(id);
    const [proactive, requests, appeals] = tables(report.document).filter((t) => t.style === 'ReportTable');
    for (const table of [proactive!, requests!, appeals!]) {
      const width = (/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(table.xml)![1]!.match(/<w:gridCol /g) ?? []).length;
      for (const row of table.rows) {
        expect(row.cantSplit).toBe(true);
        expect(row.cells.reduce((n, c) => n + c.span, 0)).toBe(width);
      }
      const widths = [...table.xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].reduce((n, m) => n + Number(m[1]), 0);
      expect(widths).toBe(PAGE.width - MARGINS.left - MARGINS.right);
      expect(table.xml).not.toMatch(/firstLine(Chars)?="[1-9]/);
    }
    expect(requests!.rows.filter((r) => r.header)).toHaveLength(3);
    expect(appeals!.rows.filter((r) => r.header)).toHaveLength(3);
    // 二's head belongs to its first block: repeated over a later block it would mislead.
    expect(proactive!.rows.filter((r) => r.header)).toEqual([]);
    // A table breaks between rows when it must: only header rows, the first row of
    // 三、本年度办理结果 and the first row of each group under its label keep with the next.
    const keeps = (r: { xml: string }) => r.xml.includes('<w:keepNext/>');
    const requestKeeps = requests!.rows.filter(keeps).map((r) => r.cells.map((c) => c.text).find((t) => t) ?? '');
    expect(requestKeeps).toEqual(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '自然人', '商业企业', '三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']);
    // 三、本年度办理结果 spans its 22 rows; （三）不予公开 its eight.
    const results = requests!.rows.findIndex((r) => r.cells[0]!.text === '三、本年度办理结果');
    expect(requests!.rows[results]!.cells[0]!.vMerge).toBe('restart');
    const continued = requests!.rows.slice(results + 1).filter((r) => r.cells[0]!.vMerge === 'continue').length;
    expect(continued).toBe(21);
    expect(requests!.rows[0]!.cells[0]).toMatchObject({ span: 3, vMerge: 'restart' });
    expect(appeals!.rows[0]!.cells.map((c) => [c.text, c.span])).toEqual([
      ['行政复议', 5],
      ['行政诉讼', 10],
    ]);
    expect(style(report.styles, 'TableText')).toContain('<w:ind w:firstLineChars="0" w:firstLine="0"/>');
    expect(style(report.styles, 'TableText')).toContain('<w:sz w:val="21"/>');
  });

  it('carries title, author and dates from the model in its properties', () => {
    const { report, letter, example } = get(id);
    const model = example.model;
    for (const [doc, title] of [[report, model.document?.title ?? model.title], ...(letter ? [[letter, model.letter!.title] as const] : [])] as const) {
      const core = doc.part('docProps/core.xml');
      expect(core).toContain(`<dc:title>${title}</dc:title>`);
      expect(core).toContain(`<dc:creator>${model.agency.name}</dc:creator>`);
      expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${model.issuedOn}T00:00:00Z</dcterms:created>`);
      expect(core).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${model.issuedOn}T00:00:00Z</dcterms:modified>`);
      const dates = Object.values(doc.zip.files).map((f) => f.date.toDateString());
      expect(new Set(dates)).toEqual(new Set([new Date(`${model.issuedOn}T00:00:00`).toDateString()]));
    }
  });

  it('gives the same bytes for the same input', async () => {
    const { example, bytes } = get(id);
    const again = await renderDocx(example.model, { templatesDir: TEMPLATES_DIR, agencyDir: example.agencyDir });
    expect(Buffer.from(again.report).equals(Buffer.from(bytes.report))).toBe(true);
    expect(again.letter === null).toBe(bytes.letter === null);
    if (again.letter) expect(Buffer.from(again.letter).equals(Buffer.from(bytes.letter!))).toBe(true);
  });
});
