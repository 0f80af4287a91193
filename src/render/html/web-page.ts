/**
 * The portal page (index.html) and its CMS fragment (fragment.html), from one template: the
 * fragment is the page's <main> content with the page CSS inlined into style attributes.
 */
import { handlebars } from './handlebars-library.ts';
import type { ReportModel } from '../../model/report-model.ts';
import { inlineStyles } from './css-inliner.ts';
import { loadTemplates } from './handlebars.ts';
import { buildReportView } from './report-view.ts';
import type { TemplateDirs } from './template-files.ts';
import { buildContact, buildDownloads, type WebLinks } from './web-page-view.ts';

const WEB_PAGE_TEMPLATE = 'web/page.hbs';
const WEB_PAGE_CSS = 'web/page.css';

export interface WebPageContext extends TemplateDirs {
  /** Relative names of the outputs that exist, e.g. `report.pdf`. */
  links: WebLinks;
}

export async function renderWebPage(
  model: ReportModel,
  ctx: WebPageContext,
): Promise<{ indexHtml: string; fragmentHtml: string }> {
  const templates = await loadTemplates(ctx);
  const css = templates.styleSheet(WEB_PAGE_CSS);
  const indexHtml = templates.render(WEB_PAGE_TEMPLATE, {
    report: buildReportView(model),
    css: new (handlebars().SafeString)(css),
    downloads: buildDownloads(ctx.links),
    contact: buildContact(model),
  });
  return { indexHtml, fragmentHtml: `${inlineStyles(mainContent(indexHtml), css).trim()}\n` };
}

/** The markup inside the page's only <main>. */
export function mainContent(html: string): string {
  const open = /<main\b[^>]*>/i.exec(html);
  const close = html.lastIndexOf('</main>');
  if (!open || close < open.index) throw new Error(`${WEB_PAGE_TEMPLATE} 应包含一个 <main> 元素`);
  return html.slice(open.index + open[0].length, close);
}
