import { describe, expect, it } from 'vitest';
import type { CheckSummary } from '../../src/check/index.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { codeFrame, formatDiagnostics } from '../../src/diagnostics/format.ts';
import { resolveOptions } from '../../src/options.ts';

const SOURCE = ['year: 2023', 'overview:', '  onRequest:', '    text: 共收到依申请公开12件。', 'requests:', '  received: [8, 1, 0, 0, 1, 0]', ''].join('\n');

const balance: Diagnostic = {
  file: 'data/x/2023.yaml',
  line: 6,
  column: 14,
  severity: 'error',
  code: 'requests-balance',
  message: '自然人：本年新收 8 + 上年结转 0 = 8，办理结果总计 9 + 结转下年度 0 = 9，相差 1',
};
const narrative: Diagnostic = {
  file: 'data/x/2023.yaml',
  line: 4,
  column: 20,
  severity: 'warning',
  code: 'narrative-mismatch',
  message: '正文写的是“收到依申请公开12件”，但……为 10',
  related: [{ file: 'data/x/2023.yaml', line: 6, column: 13, message: '一、本年新收政府信息公开申请数量的总计：10' }],
};

const summary = (diagnostics: Diagnostic[]): CheckSummary => ({
  diagnostics,
  errors: diagnostics.filter((d) => d.severity === 'error').length,
  warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  failed: diagnostics.some((d) => d.severity === 'error'),
  sources: { 'data/x/2023.yaml': SOURCE },
});

const text = (s: CheckSummary, color = false) => formatDiagnostics(s, resolveOptions({ output: { format: 'text', color } }));

describe('formatDiagnostics (text)', () => {
  it('prints place, severity, rule, message and a code frame', () => {
    const out = text(summary([balance]));
    expect(out).toContain('data/x/2023.yaml:6:14 错误 [requests-balance] 自然人：本年新收 8');
    expect(out).toContain('> 6 |   received: [8, 1, 0, 0, 1, 0]');
    expect(out).toContain('\n    |              ^');
    expect(out).toContain('共 1 个错误，0 个警告。');
  });

  it('puts the caret under a number that follows Chinese text', () => {
    const frame = codeFrame(SOURCE, 4, 20);
    const marked = frame.split('\n').find((l) => l.startsWith('>'))!;
    const caret = frame.split('\n').find((l) => l.includes('^'))!;
    // Chinese characters take two columns in a terminal: the caret must sit under “1” of 12.
    const width = (s: string) => [...s].reduce((w, c) => w + (/[\u4e00-\u9fff]/.test(c) ? 2 : 1), 0);
    const gutter = marked.indexOf('|') + 2;
    expect(width(caret.slice(0, caret.indexOf('^')))).toBe(gutter + width(marked.slice(gutter).slice(0, 19)));
  });

  it('lists related places and says warnings alone pass', () => {
    const out = text(summary([narrative]));
    expect(out).toContain('data/x/2023.yaml:4:20 警告 [narrative-mismatch]');
    expect(out).toContain('相关位置 data/x/2023.yaml:6:13 一、本年新收政府信息公开申请数量的总计：10');
    expect(out).toContain('只有警告，检查通过；用 --strict 可使警告也判为不通过');
  });

  it('says when everything passed', () => {
    expect(text(summary([]))).toBe('检查通过：没有发现问题。\n');
  });

  it('colours only when asked', () => {
    expect(text(summary([balance]))).not.toContain('\u001b[');
    expect(text(summary([balance]), true)).toContain('\u001b[31m错误\u001b[0m');
  });

  it('prints no frame for a file without text (not UTF-8)', () => {
    const out = text({ ...summary([{ ...balance, file: 'gbk.yaml', code: 'file-encoding' }]), sources: { 'gbk.yaml': '' } });
    expect(out).not.toContain('|');
  });
});

describe('formatDiagnostics (json)', () => {
  it('prints one JSON document for machines', () => {
    const out = formatDiagnostics(summary([balance, narrative]), resolveOptions({ output: { format: 'json', color: true } }));
    const parsed = JSON.parse(out);
    expect(parsed.summary).toEqual({ errors: 1, warnings: 1 });
    expect(parsed.diagnostics[1]).toEqual(narrative);
    expect(out).not.toContain('\u001b[');
  });
});
