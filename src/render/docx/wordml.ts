/**
 * The few WordprocessingML pieces the generated body is made of. Every text a user wrote passes
 * through `textRuns`, which escapes it; nothing else puts text into the XML.
 */

// Characters XML 1.0 forbids; a stray control character from a PDF copy would corrupt the file.
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export const escapeXml = (text: string): string =>
  text.replace(INVALID_XML_CHARS, '').replace(/[&<>"]/g, (c) => ENTITIES[c]!);

export interface RunFormat {
  bold?: boolean;
  /** A character style of the template, e.g. RunInHeading. */
  style?: string;
}

function runProperties(format: RunFormat): string {
  const props = [
    format.style ? `<w:rStyle w:val="${format.style}"/>` : '',
    format.bold ? '<w:b/><w:bCs/>' : '',
  ].join('');
  return props ? `<w:rPr>${props}</w:rPr>` : '';
}

/** One run per line of `text`; a hard line break (`\n`) becomes `<w:br/>`. */
export function textRuns(text: string, format: RunFormat = {}): string {
  const rPr = runProperties(format);
  return text
    .split('\n')
    .map((line, i) => `<w:r>${rPr}${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`)
    .join('');
}

export interface ParagraphFormat {
  /** A paragraph style of the template. */
  style: string;
  /** Extra `w:pPr` children after the style, already in schema order. */
  properties?: string;
}

export const paragraph = (format: ParagraphFormat, runs: string): string =>
  `<w:p><w:pPr><w:pStyle w:val="${format.style}"/>${format.properties ?? ''}</w:pPr>${runs}</w:p>`;
