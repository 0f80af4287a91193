/**
 * The preview server's own pages: the list of agencies and years with every view of each report,
 * and the page shown instead of a report whose data fails the gate — each finding at its YAML
 * line, with the lines around it.
 */
import { handlebars } from '../render/html/handlebars-library.ts';
import type { OutputName } from '../build/preview-renderer.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { codeFrame } from '../diagnostics/format.ts';
import type { Preview, PreviewStatus } from './previews.ts';

const escapeHtml = (text: string): string => handlebars().Utils.escapeExpression(text);

const STYLE = `
body{font-family:"Noto Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0 auto;max-width:64rem;padding:1rem 1.25rem 3rem;line-height:1.6;color:#1a1a1a}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.75rem}a{color:#0b4f9c}
ul{padding-left:1.25rem}li{margin:.2rem 0}.views a{margin-right:.9rem}
.diagnostic{border-left:4px solid #a40000;padding:.25rem .75rem;margin:1rem 0;background:#fff7f7}
.diagnostic.warning{border-color:#b58900;background:#fffbea}
.status{font-size:.9rem;margin:0 .6rem}.passed{color:#1b6e20}.warnings{color:#7a5a00}.failed{color:#a40000;font-weight:bold}.id{color:#555;font-size:.9rem;font-weight:normal;margin-left:.5rem}
.where{font-family:ui-monospace,Consolas,monospace;font-weight:bold}.code{color:#555}
pre{background:#f5f5f5;padding:.5rem .75rem;overflow-x:auto;font-size:.9rem}
`.trim();

export function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${body}
</body>
</html>
`;
}

/** Each view of a report with the output it shows: listed only when the report's build writes that output. */
const VIEWS: ReadonlyArray<[href: string, label: string, shows: OutputName]> = [
  ['', '网页', 'index.html'],
  ['report.print.html', '报告打印预览', 'report.pdf'],
  ['letter.print.html', '函打印预览', 'letter.pdf'],
  ['report.pdf', '报告 PDF', 'report.pdf'],
  ['letter.pdf', '函 PDF', 'letter.pdf'],
  ['submission.pdf', '报送件 PDF', 'submission.pdf'],
  ['report.docx', '报告 DOCX', 'report.docx'],
  ['letter.docx', '函 DOCX', 'letter.docx'],
  ['fragment.html', '嵌入片段', 'fragment.html'],
];

export interface IndexAgency {
  id: string;
  years: Array<{ year: number; status: PreviewStatus }>;
}

function statusText({ errors, warnings }: PreviewStatus): string {
  if (errors) return `<span class="status failed">检查未通过：${errors} 个错误${warnings ? `、${warnings} 个警告` : ''}</span>`;
  if (warnings) return `<span class="status warnings">通过（${warnings} 个警告）</span>`;
  return '<span class="status passed">通过</span>';
}

export function indexPage(agencies: readonly IndexAgency[], dataDir: string): string {
  const sections = agencies.map((agency) => {
    const name = agency.years.find((y) => y.status.agencyName !== agency.id)?.status.agencyName ?? agency.id;
    const years = [...agency.years].reverse().map(({ year, status }) => {
      const base = `/${agency.id}/${year}/`;
      const views = status.errors
        ? [`<a href="${base}">查看问题</a>`]
        : VIEWS.filter(([, , shows]) => status.outputs.includes(shows)).map(([href, label]) => `<a href="${base}${href}">${label}</a>`);
      return `<li><strong>${year}年度</strong>${statusText(status)}<span class="views">${views.join('')}</span></li>`;
    });
    const heading = name === agency.id ? escapeHtml(name) : `${escapeHtml(name)}<span class="id">${escapeHtml(agency.id)}</span>`;
    return `<h2>${heading}</h2><ul>${years.join('') || '<li>还没有年度文件</li>'}</ul>`;
  });
  return page(
    'nianbao 预览',
    `<h1>nianbao 预览</h1><p>数据目录：${escapeHtml(dataDir)}。保存数据文件或模板后，打开的页面会自动刷新。</p>${sections.join('\n') || '<p>数据目录中还没有机关。用 <code>nianbao new &lt;机关标识&gt;</code> 新建。</p>'}`,
  );
}

function diagnosticBlock(d: Diagnostic, sources: Record<string, string>): string {
  const text = sources[d.file];
  const lines = text ? codeFrame(text, d.line, d.column) : '';
  const frame = lines ? `<pre>${escapeHtml(lines)}</pre>` : '';
  const severity = d.severity === 'error' ? '错误' : '警告';
  return `<div class="diagnostic ${d.severity}"><p><span class="where">${escapeHtml(`${d.file}:${d.line}:${d.column}`)}</span> ${severity}：${escapeHtml(d.message)} <span class="code">[${escapeHtml(d.code)}]</span></p>${frame}</div>`;
}

export function diagnosticsPage(preview: Preview): string {
  const errors = preview.diagnostics.filter((d) => d.severity === 'error').length;
  const title = `${preview.agencyId} ${preview.year}年度：${preview.error ? '生成失败' : '数据检查未通过'}`;
  const intro = preview.error
    ? `<p>数据通过了检查，但生成页面时出错：</p><pre>${escapeHtml(preview.error)}</pre>`
    : `<p>发现 ${errors} 个错误、${preview.diagnostics.length - errors} 个警告。改正并保存后，本页会自动刷新。</p>`;
  return page(
    title,
    `<p><a href="/">← 全部报告</a></p><h1>${escapeHtml(title)}</h1>${intro}${preview.diagnostics.map((d) => diagnosticBlock(d, preview.sources)).join('\n')}`,
  );
}

export const notFoundPage = (what: string): string =>
  page('找不到页面', `<p><a href="/">← 全部报告</a></p><h1>找不到页面</h1><p>${escapeHtml(what)}</p>`);
