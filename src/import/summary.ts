/** What `nianbao import` prints: per file, where it went, what needs a person, and the gate's findings. */
import path from 'node:path';
import { formatDiagnostics } from '../diagnostics/format.ts';
import { displayPath } from '../diagnostics/display-path.ts';
import type { NianbaoOptions } from '../options.ts';
import { FINDING_TITLES, type FindingKind } from './interpret/findings.ts';
import type { ImportedFile, ImportSummary } from './index.ts';

const ORDER: FindingKind[] = ['missing', 'unreadable', 'loose-label', 'assumed'];

function fileReport(file: ImportedFile, options: NianbaoOptions): string {
  const lines: string[] = [];
  if (file.status === 'imported') {
    lines.push(`已导入 ${file.source} → ${file.written.map(displayPath).join('、')}`);
  } else if (file.status === 'dry-run') {
    lines.push(`试运行 ${file.source} → ${file.target ? displayPath(file.target) : ''}（未写入任何文件）`);
  } else {
    lines.push(`未导入 ${file.source}：${file.message ?? ''}`);
  }
  if (file.findings.length) {
    lines.push(`  需要核对 ${file.findings.length} 处：`);
    for (const kind of ORDER) {
      const of = file.findings.filter((f) => f.kind === kind);
      if (!of.length) continue;
      lines.push(`  ${FINDING_TITLES[kind]}：`);
      for (const f of of) lines.push(`    - ${f.message}`);
    }
  } else if (file.status === 'imported' || file.status === 'dry-run') {
    lines.push('  表格各格和正文均已读出。');
  }
  if (file.check) {
    const mismatches = file.check.diagnostics.filter((d) => d.code === 'narrative-mismatch').length;
    lines.push(file.check.diagnostics.length ? `  检查导入结果（原报告本身的问题${mismatches ? `，其中正文数字与表格不符 ${mismatches} 处` : ''}）：` : '  检查导入结果：没有发现问题。');
    if (file.check.diagnostics.length) lines.push(formatDiagnostics(file.check, options).trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

export function formatImportSummary(summary: ImportSummary, options: NianbaoOptions): string {
  return summary.files.map((f) => fileReport(f, options)).join('\n');
}

/** The YAML a dry run would write, each file under a comment naming it. */
export function dryRunYaml(summary: ImportSummary): string {
  return summary.files
    .filter((f) => f.yaml)
    .map((f) => {
      const target = displayPath(f.target!);
      const agency = f.agencyYaml ? `# ---- ${path.join(path.dirname(target), 'agency.yaml')}（新建）\n${f.agencyYaml}\n` : '';
      return `${agency}# ---- ${target}\n${f.yaml}`;
    })
    .join('\n');
}
