/**
 * The DOCX reader on a document written by hand the way Word and WPS write them: merged
 * cells (gridSpan, vMerge restart/continue, gridBefore), bold from direct formatting and from
 * a character style, automatic Chinese numbering, content controls, hyperlinks, simple and
 * complex fields, tracked changes, hidden text, a layout table, and a header and footer part
 * that must not be read.
 */
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../../src/import/read/docx.ts';
import { sniffFormat } from '../../../src/import/read/index.ts';

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const t = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
const tc = (content: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${content}</w:tc>`;

const DOCUMENT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${NS}><w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${t('总体情况')}</w:p>
<w:p>
  <w:r><w:rPr><w:b/></w:rPr><w:t>一是</w:t></w:r>${t('加强学习。')}
  <w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>二是</w:t></w:r>
  <w:r><w:rPr><w:rStyle w:val="Strong"/><w:b w:val="0"/></w:rPr><w:t>完善制度</w:t></w:r>
  <w:del w:id="1" w:author="a"><w:r><w:delText>删掉的字</w:delText></w:r></w:del>
  <w:ins w:id="2" w:author="a">${t('，见')}</w:ins>
  <w:hyperlink r:id="rId9">${t('门户网站')}</w:hyperlink>
  <w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的字</w:t></w:r>
  <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DOCPROPERTY 机关 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${t('（字段结果）')}<w:r><w:fldChar w:fldCharType="end"/></w:r>
  <w:sdt><w:sdtPr/><w:sdtContent>${t('专栏')}</w:sdtContent></w:sdt>
  <w:fldSimple w:instr=" NUMPAGES ">${t('。')}</w:fldSimple>
</w:p>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${t('收到和处理政府信息公开申请情况')}</w:p>
<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
<w:tr>${tc(p(t('三、本年度办理结果')), '<w:vMerge w:val="restart"/>')}${tc(p(t('申请人情况')), '<w:gridSpan w:val="3"/>')}</w:tr>
<w:tr>${tc(p(), '<w:vMerge/>')}${tc(p(t('自然人')))}${tc(p(t('商业')) + p(t('企业')))}${tc(p(t('总计')))}</w:tr>
<w:tr>${tc(p(t('（一）予以公开')))}${tc(p(t('18')))}${tc(p(t('1')))}${tc(p(t('19')))}</w:tr>
<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p(t('0')), '<w:gridSpan w:val="2"/>')}${tc(p(t('0')))}</w:tr>
</w:tbl>
<w:sdt><w:sdtContent><w:p>${t('控件里的段落')}</w:p></w:sdtContent></w:sdt>
<w:tbl><w:tr>${tc(p(t('版式表格里的段落')))}</w:tr></w:tbl>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${t('其他需要报告的事项')}</w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>${t('本年度未收取信息处理费。')}</w:p>
<w:sectPr><w:headerReference w:type="default" r:id="rId7"/><w:footerReference w:type="default" r:id="rId8"/></w:sectPr>
</w:body></w:document>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8"?>
<w:styles ${NS}>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
</w:styles>`;

const NUMBERING = `<?xml version="1.0" encoding="UTF-8"?>
<w:numbering ${NS}>
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`;

function docx(): Uint8Array {
  const zip = new PizZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', DOCUMENT);
  zip.file('word/styles.xml', STYLES);
  zip.file('word/numbering.xml', NUMBERING);
  zip.file('word/header1.xml', `<w:hdr ${NS}>${p(t('页眉：神木市人民政府'))}</w:hdr>`);
  zip.file('word/footer1.xml', `<w:ftr ${NS}>${p(t('— 1 —'))}</w:ftr>`);
  return zip.generate({ type: 'uint8array' });
}

describe('the DOCX reader', () => {
  it('reads paragraphs, bold runs and merged cells in reading order', async () => {
    const bytes = docx();
    expect(sniffFormat('报告.bin', bytes)).toBe('docx');
    const doc = await readDocx('报告.docx', bytes);
    expect(doc).toEqual({
      source: '报告.docx',
      format: 'docx',
      blocks: [
        { kind: 'paragraph', text: '一、总体情况' },
        { kind: 'paragraph', text: '**一是**加强学习。**二是**完善制度，见门户网站（字段结果）专栏。' },
        { kind: 'paragraph', text: '二、收到和处理政府信息公开申请情况' },
        {
          kind: 'table',
          rows: [
            ['三、本年度办理结果', '申请人情况', '', ''],
            ['', '自然人', '商业企业', '总计'],
            ['（一）予以公开', '18', '1', '19'],
            ['', '0', '', '0'],
          ],
        },
        { kind: 'paragraph', text: '控件里的段落' },
        { kind: 'paragraph', text: '版式表格里的段落' },
        { kind: 'paragraph', text: '三、其他需要报告的事项' },
        { kind: 'paragraph', text: '（一）本年度未收取信息处理费。' },
      ],
    });
  });

  it('says what is wrong with a zip that is not a Word document', async () => {
    const zip = new PizZip();
    zip.file('content.xml', '<office:document-content/>');
    expect(() => sniffFormat('报告.odt', zip.generate({ type: 'uint8array' }))).toThrow(/OpenDocument/u);
  });
});
