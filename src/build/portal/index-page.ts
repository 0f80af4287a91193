/**
 * `out/index.html`: every published report, agency by agency, with links to each output. One
 * self-contained file (inline styles, no scripts, no external requests), readable by screen
 * readers: real headings, a table per agency with a caption and header cells, link texts that say
 * which document and which format.
 *
 * The page is for citizens, so it shows what is published and nothing of the office's checking.
 * With `review` (`nianbao build --review`, for the office) it lists every report of the data
 * folder with its check status and finding counts instead.
 */
import { agencyTrend } from './agency-trend.ts';
import type { CheckStatus, PortalEntry } from './portal-entries.ts';

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Output files in the order they are listed, with what a reader should see. */
const FILE_LABELS: ReadonlyArray<[file: string, label: string]> = [
  ['index.html', '网页版'],
  ['report.pdf', '报告 PDF'],
  ['report.docx', '报告 Word'],
  ['letter.pdf', '报送函 PDF'],
  ['letter.docx', '报送函 Word'],
  ['submission.pdf', '报送件（函和报告）PDF'],
  ['fragment.html', '嵌入用 HTML 片段'],
];

const CHECK_TEXT: Record<CheckStatus, string> = {
  passed: '通过',
  warnings: '通过（有警告）',
  failed: '未通过',
  unknown: '未生成',
};

const STYLE = `
body{font-family:"Noto Sans SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;color:#1a1a1a;background:#fff;line-height:1.6}
main{max-width:60rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:2px solid #b4141e;padding-bottom:.25rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0;table-layout:fixed}caption{text-align:left;color:#555;padding:.25rem 0}
col.year{width:7rem}col.check{width:10rem}
th,td{border:1px solid #c8c8c8;padding:.4rem .6rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:#f3f3f3}
@media (max-width:30rem){col.year{width:5.5rem}col.check{width:6.5rem}}
ul.files{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
a{color:#0b4f9c}a:focus{outline:3px solid #f5a623;outline-offset:2px}
.failed{color:#a40000;font-weight:bold}.warnings{color:#7a5a00}.unknown{color:#555}
figure.trend{margin:.25rem 0;display:flex;align-items:center;gap:.75rem}figure.trend figcaption{color:#444;font-size:.9rem}
svg.chart-small{width:10rem;height:auto}svg.chart text{fill:#1a1a1a;font-size:10px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
`.trim();

/** The same column widths in every agency's table (fixed layout), so the page reads as one list. */
const COLUMNS = {
  public: '<colgroup><col class="year"><col class="files"></colgroup>',
  review: '<colgroup><col class="year"><col class="check"><col class="files"></colgroup>',
};
const HEADER = {
  public: '<thead><tr><th scope="col">年度</th><th scope="col">文件</th></tr></thead>',
  review: '<thead><tr><th scope="col">年度</th><th scope="col">数据检查</th><th scope="col">文件</th></tr></thead>',
};

export interface IndexPageOptions {
  /** For the office: every report with its check status and finding counts. */
  review?: boolean;
}

function fileLinks(entry: PortalEntry, review: boolean): string {
  const files = entry.manifest ? Object.keys(entry.manifest.files) : [];
  const items = FILE_LABELS.filter(([file]) => files.includes(file)).map(([file, label]) => {
    const href = `${encodeURIComponent(entry.agencyId)}/${entry.year}/${file}`;
    const name = `${entry.agencyName}${entry.year}年度${label}`;
    return `<li><a href="${escapeHtml(href)}" aria-label="${escapeHtml(name)}">${escapeHtml(label)}</a></li>`;
  });
  if (!items.length) return '<span class="unknown">暂无文件</span>';
  const stale = review && entry.check === 'failed' ? '<p class="failed">以下为上次检查通过时生成的文件：</p>' : '';
  return `${stale}<ul class="files">${items.join('')}</ul>`;
}

function checkCell(entry: PortalEntry): string {
  const counts = [entry.errors ? `${entry.errors} 个错误` : '', entry.warnings ? `${entry.warnings} 个警告` : '']
    .filter(Boolean)
    .join('，');
  return `<span class="${entry.check}">${CHECK_TEXT[entry.check]}</span>${counts ? `<br>${counts}` : ''}`;
}

export function indexPage(all: readonly PortalEntry[], { review = false }: IndexPageOptions = {}): string {
  const kind = review ? 'review' : 'public';
  const entries = review ? all : all.filter((e) => e.manifest && Object.keys(e.manifest.files).length);
  const agencies = new Map<string, PortalEntry[]>();
  for (const e of entries) agencies.set(e.agencyId, [...(agencies.get(e.agencyId) ?? []), e]);
  const sections = [...agencies].map(([id, list]) => {
    const name = list.find((e) => e.agencyName !== id)?.agencyName ?? id;
    const rows = [...list]
      .sort((a, b) => b.year - a.year)
      .map((e) => `<tr><th scope="row">${e.year}年度</th>${review ? `<td>${checkCell(e)}</td>` : ''}<td>${fileLinks(e, review)}</td></tr>`);
    return [
      `<section aria-labelledby="agency-${escapeHtml(id)}">`,
      `<h2 id="agency-${escapeHtml(id)}">${escapeHtml(name)}</h2>`,
      agencyTrend(id, name, list),
      `<table><caption>${escapeHtml(name)}各年度政府信息公开工作年度报告</caption>`,
      COLUMNS[kind],
      HEADER[kind],
      `<tbody>${rows.join('')}</tbody></table>`,
      '</section>',
    ].join('\n');
  });
  const title = review ? '政府信息公开工作年度报告（内部审核）' : '政府信息公开工作年度报告';
  const reviewNote = review
    ? '<p class="failed">本页含数据检查状态，供机关内部审核，不要发布到门户网站；发布时请用不加 --review 生成的 index.html。</p>\n'
    : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${review ? '<meta name="robots" content="noindex">\n' : ''}<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<main id="main">
<h1>${title}</h1>
${reviewNote}<p>共 ${agencies.size} 个机关、${entries.length} 份年度报告。开放数据：<a href="data.json">全部表格数据（JSON）</a>、<a href="tables.csv">全部表格数据（CSV，可用 Excel 打开）</a>。</p>
${sections.join('\n') || (review ? '<p>数据目录中还没有年度报告。</p>' : '<p>还没有发布的年度报告。</p>')}
</main>
</body>
</html>
`;
}
