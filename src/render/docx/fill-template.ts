/**
 * Fills a Word template with docxtemplater. Whatever an office did to its template in Word (tags
 * split across runs, proofing marks, bookmarks) docxtemplater reads through; what it cannot read
 * becomes a {@link DocxTemplateError} in Chinese that names the template file and the tag.
 */
import Docxtemplater from 'docxtemplater';
import PizZip from './pizzip.ts';

export class DocxTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocxTemplateError';
  }
}

class UnknownTagError extends Error {}

interface TemplateErrorProperties {
  id?: string;
  xtag?: string;
  file?: string;
  explanation?: string;
  rootError?: unknown;
  errors?: Array<{ properties?: TemplateErrorProperties }>;
}

/** The parts of a package docxtemplater fills: the body, the headers and the footers. */
const FILLED_PART = /^word\/[^/]+\.xml$/;

/**
 * Values of `{@…}` tags (Word XML the renderer generated: the body, the signature) reach
 * docxtemplater as short markers and are put in their place afterwards. docxtemplater re-encodes
 * every character of what it writes, in JavaScript, and the generated body is most of a document.
 */
function markRawXml(data: object, rawXml: readonly string[]): { marked: object; inserts: Map<string, string> } {
  const marked: Record<string, unknown> = { ...data };
  const inserts = new Map<string, string>();
  for (const key of rawXml) {
    const value = marked[key];
    // An empty value is left to docxtemplater, which removes the tag's paragraph.
    if (typeof value !== 'string' || !value) continue;
    // A paragraph, as the value is, so that docxtemplater treats its place as it would the value.
    const marker = `<w:p><!--nianbao:${key}--></w:p>`;
    inserts.set(marker, value);
    marked[key] = marker;
  }
  return { marked, inserts };
}

function insertRawXml(zip: PizZip, inserts: ReadonlyMap<string, string>): void {
  if (!inserts.size) return;
  for (const file of zip.file(FILLED_PART)) {
    const xml = file.asText();
    if (!xml.includes('<!--nianbao:')) continue;
    let filled = xml;
    for (const [marker, value] of inserts) filled = filled.replaceAll(marker, () => value);
    zip.file(file.name, filled);
  }
}

/**
 * @param label how the message names the template, e.g. data/x/templates/report.docx
 * @param tags the tags this template may use, with what each holds
 * @param rawXml the tags whose values are Word XML
 */
export function fillTemplate(template: Uint8Array, data: object, tags: Record<string, string>, label: string, rawXml: readonly string[] = []): PizZip {
  let zip: PizZip;
  try {
    zip = new PizZip(template);
  } catch {
    throw new DocxTemplateError(`模板 ${label} 不是有效的 Word 文档（.docx），请用 Word 或 WPS 另存为 .docx 格式`);
  }
  try {
    const doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      errorLogging: false,
      // Absent optional values print nothing rather than “undefined”.
      nullGetter: () => '',
      parser: (tag: string) => {
        const name = tag.trim();
        if (name !== '.' && !Object.hasOwn(tags, name)) throw new UnknownTagError(name);
        return { get: (scope: unknown) => (name === '.' ? scope : ownValue(scope, name)) };
      },
    });
    const { marked, inserts } = markRawXml(data, rawXml);
    doc.render(marked);
    const filled = doc.getZip();
    insertRawXml(filled, inserts);
    return filled;
  } catch (error) {
    throw new DocxTemplateError(describe(error, tags, label));
  }
}

/** A value of the data object itself; undefined sends docxtemplater on to the enclosing scope. */
const ownValue = (scope: unknown, name: string): unknown =>
  scope !== null && typeof scope === 'object' && Object.hasOwn(scope, name) ? (scope as Record<string, unknown>)[name] : undefined;

function describe(error: unknown, tags: Record<string, string>, label: string): string {
  const props = (error as { properties?: TemplateErrorProperties }).properties;
  if (!props) return `模板 ${label} 无法填充：${error instanceof Error ? error.message : String(error)}`;
  const all = props.errors?.length ? props.errors.map((e) => e.properties ?? {}) : [props];
  return all.map((p) => describeOne(p, tags, label)).join('\n');
}

function describeOne(p: TemplateErrorProperties, tags: Record<string, string>, label: string): string {
  const where = p.file && p.file !== 'word/document.xml' ? `（${partName(p.file)}）` : '';
  const at = `模板 ${label}${where} 中的`;
  const tag = p.xtag ?? '';
  switch (p.id) {
    case 'scopeparser_compilation_failed':
      if (p.rootError instanceof UnknownTagError) {
        const known = Object.entries(tags).map(([t, what]) => `{${t}}（${what}）`).join('、');
        return `${at}标签 {${p.rootError.message}} 无法识别；可用的标签：${known}`;
      }
      return `${at}标签 {${tag}} 无法解析`;
    case 'unopened_tag':
      return `${at}“${tag}”缺少开头的“{”`;
    case 'unclosed_tag':
      return `${at}标签“{${tag}”缺少结尾的“}”`;
    case 'duplicate_open_tag':
      return `${at}“${tag}”多了一个“{”`;
    case 'duplicate_close_tag':
      return `${at}“${tag}”多了一个“}”`;
    case 'unclosed_loop':
      return `${at}条件段 {#${tag}} 没有对应的结束标签 {/${tag}}`;
    case 'unopened_loop':
      return `${at}结束标签 {/${tag}} 没有对应的开始标签 {#${tag}}`;
    case 'closing_tag_does_not_match_opening_tag':
      return `${at}开始标签与结束标签 {/${tag}} 不配对`;
    case 'raw_xml_tag_should_be_only_text_in_paragraph':
      return `${at}标签 {@${tag}} 必须单独成段，段落里不能有其他文字`;
    default:
      return `${at}标签 {${tag}} 有误：${p.explanation ?? p.id ?? '未知错误'}`;
  }
}

/** word/header-first.xml → 首页页眉; other parts keep their file name. */
function partName(file: string): string {
  if (/header/.test(file)) return '页眉';
  if (/footer/.test(file)) return '页脚';
  return file;
}
