/**
 * Prints the gate's findings: for people, `file:line:col 严重程度 [code] message` with a code frame
 * of the YAML; for machines (`--format json`), one JSON document.
 */
import type { NianbaoOptions } from '../options.ts';
import type { Diagnostic, FindingsReport } from './diagnostic.ts';
import { showInvisible } from '../load/text-characters.ts';
import { codeFrame } from './code-frame.ts';
import { RULES } from './rules.ts';

const SEVERITY_TEXT = { error: '错误', warning: '警告' } as const;

const ANSI = { red: 31, yellow: 33, cyan: 36, gray: 90, bold: 1 } as const;
type Paint = (style: keyof typeof ANSI, text: string) => string;

const painter = (color: boolean): Paint => (style, text) => (color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);

/** --quiet: one line per finding, no code frame; --verbose: also each rule's explanation. */
export function formatDiagnostics(summary: FindingsReport, options: NianbaoOptions): string {
  if (options.output.format === 'json') {
    return `${JSON.stringify({ diagnostics: summary.diagnostics, summary: { errors: summary.errors, warnings: summary.warnings } }, null, 2)}\n`;
  }
  const { quiet, verbose } = options.output;
  const paint = painter(options.output.color);
  const blocks = summary.diagnostics.map((d) => formatDiagnostic(d, quiet ? undefined : summary.sources[d.file], paint, verbose));
  const total =
    summary.diagnostics.length === 0
      ? options.output.quiet
        ? ''
        : `${paint('bold', '检查通过')}：没有发现问题。\n`
      : `${paint('bold', `共 ${summary.errors} 个错误，${summary.warnings} 个警告`)}${summary.failed ? '' : '（只有警告，检查通过；用 --strict 可使警告也判为不通过）'}。\n`;
  return [...blocks, total].filter(Boolean).join('\n');
}

function formatDiagnostic(d: Diagnostic, source: string | undefined, paint: Paint = painter(false), explain = false): string {
  const severity = paint(d.severity === 'error' ? 'red' : 'yellow', SEVERITY_TEXT[d.severity]);
  const lines = [`${paint('bold', `${d.file}:${d.line}:${d.column}`)} ${severity} ${paint('gray', `[${d.code}]`)} ${showInvisible(d.message)}`];
  const frame = source ? codeFrame(source, d.line, d.column) : '';
  if (frame) lines.push(frame);
  for (const r of d.related ?? []) lines.push(`  ${paint('cyan', '相关位置')} ${r.file}:${r.line}:${r.column} ${r.message}`);
  const rule = explain ? RULES[d.code as keyof typeof RULES] : undefined;
  if (rule) lines.push(`  ${paint('cyan', `规则 ${d.code}`)}：${rule.title}。${rule.explanation}`);
  return `${lines.join('\n')}\n`;
}

export { codeFrame } from './code-frame.ts';
