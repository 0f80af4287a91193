/**
 * The print documents of a report as HTML ready for the printer (src/print): report.pdf (the
 * numbered red-header report, or the plain published report) and, when the year has a 函,
 * letter.pdf. Templates come from the agency's Handlebars environment, so an agency may
 * override any of them in data/<agency-id>/templates/print/.
 */
import path from 'node:path';
import { handlebars } from './handlebars-library.ts';
import type { ReportModel } from '../../model/report-model.ts';
import type { PrintDocument } from '../../print/print-document.ts';
import { loadTemplates, type TemplateSet } from './handlebars.ts';
import { OVERRIDES_FOLDER, type TemplateDirs } from './template-files.ts';
import { PrintFonts } from './print-fonts.ts';
import { buildPrintLetterView, buildPrintReportView } from './print-view.ts';

const PRINT_TEMPLATES = {
  report: { template: 'print/report.hbs', css: ['print/base.css', 'print/report.css'] },
  letter: { template: 'print/letter.hbs', css: ['print/base.css', 'print/letter.css'] },
} as const;

/** Web fonts only, for callers without a build's font plan. */
let webOnly: PrintFonts | null = null;

export async function renderPrintDocuments(
  model: ReportModel,
  ctx: TemplateDirs,
  fonts: PrintFonts = (webOnly ??= new PrintFonts(null)),
): Promise<{ report: PrintDocument; letter: PrintDocument | null }> {
  const templates = await loadTemplates(ctx);
  const reportView = buildPrintReportView(model);
  const letterView = buildPrintLetterView(model);
  const assetRoots = [ctx.templatesDir, path.join(ctx.agencyDir, OVERRIDES_FOLDER)];
  const footId = reportView.numbered?.imprint?.id ?? null;
  const [report, letter] = await Promise.all([
    render(templates, fonts, 'report', reportView, assetRoots, footId),
    letterView ? render(templates, fonts, 'letter', letterView, assetRoots, null) : null,
  ]);
  return { report, letter };
}

/** Placeholder for the @font-face rules: they depend on the text, known only once the rest is rendered. */
const FONT_FACES_MARK = '/* nianbao:font-faces */';

async function render(
  templates: TemplateSet,
  fonts: PrintFonts,
  kind: keyof typeof PRINT_TEMPLATES,
  view: object,
  assetRoots: string[],
  footId: string | null,
): Promise<PrintDocument> {
  const { template, css } = PRINT_TEMPLATES[kind];
  const draft = templates.render(template, {
    ...view,
    fontFaces: new (handlebars().SafeString)(FONT_FACES_MARK),
    css: new (handlebars().SafeString)(css.map((name) => templates.styleSheet(name)).join('\n\n')),
  });
  const faces = await fonts.forText(`${bodyText(draft)} ${generatedText(draft)}`);
  const html = draft.replace(FONT_FACES_MARK, () => faces.css);
  return {
    kind,
    html,
    assetRoots: [...faces.roots, ...assetRoots],
    madeOnRead: faces.madeOnRead,
    footId,
    warnings: faces.missing.length ? [missingGlyphsWarning(kind, faces.missing)] : [],
  };
}

/** The text a reader sees: the body without tags, entities decoded. */
export function bodyText(html: string): string {
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return body
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
      if (e[0] !== '#') return named[e.toLowerCase()] ?? '';
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    });
}

/** The text the style sheets print themselves (`content: "— " counter(page) " —"`), which needs fonts too. */
export function generatedText(html: string): string {
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!).join('\n');
  const strings: string[] = [];
  for (const [, value] of styles.matchAll(/\bcontent\s*:\s*([^;}]*)/g)) {
    for (const m of value!.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g)) {
      // CSS escapes: \2014 (a code point in hex, maybe followed by one space) or \" (the character itself).
      strings.push((m[1] ?? m[2] ?? '').replace(/\\([0-9a-fA-F]{1,6})\s?|\\(.)/g, (_, hex: string, ch: string) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : ch)));
    }
  }
  return strings.join(' ');
}

const missingGlyphsWarning = (kind: string, chars: string[]): string =>
  `${kind === 'letter' ? '函' : '报告'}中有字体未收的字符，打印时可能显示为方框：${chars
    .map((c) => `“${c}”（U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}）`)
    .join('、')}`;
