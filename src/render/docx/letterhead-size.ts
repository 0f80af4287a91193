/**
 * The 发文机关标志 keeps to one line: when the agency's name at the template's size would be wider
 * than the 156 mm type area, its runs get a smaller size, the same rule the print PDF follows
 * (min(template size, 156 mm ÷ characters)). The template's size stays the office's choice.
 */
import type PizZip from 'pizzip';
import { TYPE_AREA } from './page-geometry.ts';
import { emWidth } from './text-width.ts';

/** Paragraph styles of the 发文机关标志, in the report (文件格式) and the 函 (信函格式). */
const LETTERHEAD_STYLES = ['Letterhead', 'LetterLetterhead'];
/** Parts that may carry a 发文机关标志: the body and the headers. */
const CONTENT_PART = /^word\/(document|header[^/]*)\.xml$/;
/** rPr children that come after w:sz in the schema's order. */
const AFTER_SIZE = /<w:(highlight|u|effect|bdr|shd|fitText|vertAlign|rtl|cs|em|lang|eastAsianLayout|specVanish|oMath)\b/;

/** The size in half-points a paragraph style sets, following `basedOn`; null when none does. */
function styleSize(stylesXml: string, styleId: string, seen = new Set<string>()): number | null {
  if (seen.has(styleId)) return null;
  seen.add(styleId);
  const style = new RegExp(`<w:style\\b[^>]*w:styleId="${styleId}"[^>]*>([\\s\\S]*?)</w:style>`).exec(stylesXml)?.[1];
  if (!style) return null;
  const size = /<w:rPr>[\s\S]*?<w:sz w:val="(\d+)"/.exec(style)?.[1];
  if (size) return Number(size);
  const parent = /<w:basedOn w:val="([^"]+)"/.exec(style)?.[1];
  return parent ? styleSize(stylesXml, parent, seen) : null;
}

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

function withSize(run: string, halfPoints: number): string {
  const size = `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;
  const open = /^<w:r\b[^>]*>/.exec(run)![0];
  if (!run.includes('<w:rPr>')) return `${open}<w:rPr>${size}</w:rPr>${run.slice(open.length)}`;
  return run.replace(/<w:rPr>([\s\S]*?)<\/w:rPr>/, (_, props: string) => {
    const kept = props.replace(/<w:szCs? [^>]*\/>/g, '');
    const at = AFTER_SIZE.exec(kept)?.index ?? kept.length;
    return `<w:rPr>${kept.slice(0, at)}${size}${kept.slice(at)}</w:rPr>`;
  });
}

function fitParagraph(paragraph: string, templateSize: number): string {
  const text = [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join('');
  const ems = emWidth(text);
  // Twips to half-points: 1 pt is 20 twips and 2 half-points.
  const fitting = ems > 0 ? Math.floor(TYPE_AREA.width / 10 / ems) : templateSize;
  if (fitting >= templateSize) return paragraph;
  return paragraph.replace(/<w:r\b[^>]*>[\s\S]*?<\/w:r>/g, (run) => withSize(run, fitting));
}

export function fitLetterheads(zip: PizZip): void {
  const styles = zip.file('word/styles.xml')?.asText() ?? '';
  const paragraphs = new RegExp(`<w:p\\b(?:\\s[^>]*)?>(?:(?!</w:p>)[\\s\\S])*?<w:pStyle w:val="(${LETTERHEAD_STYLES.join('|')})"/>[\\s\\S]*?</w:p>`, 'g');
  for (const file of zip.file(CONTENT_PART)) {
    const xml = file.asText();
    // Most parts have no 发文机关标志; the pattern is costly to try at every paragraph of a body.
    if (!LETTERHEAD_STYLES.some((style) => xml.includes(`<w:pStyle w:val="${style}"/>`))) continue;
    const fitted = xml.replace(paragraphs, (p, style: string) => {
      // A run sized by hand in the template wins over the style; the fit then starts from it.
      const own = /<w:r\b[\s\S]*?<w:sz w:val="(\d+)"/.exec(p)?.[1];
      const size = own ? Number(own) : styleSize(styles, style);
      return size ? fitParagraph(p, size) : p;
    });
    if (fitted !== xml) zip.file(file.name, fitted);
  }
}
