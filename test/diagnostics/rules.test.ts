import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnostic, RULES } from '../../src/diagnostics/rules.ts';
import { PACKAGE_ROOT } from '../../src/options.ts';

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });

describe('rule registry', () => {
  it.each(Object.entries(RULES))('%s has a severity and Chinese help', (_, rule) => {
    expect(['error', 'warning']).toContain(rule.severity);
    expect(rule.title).toMatch(/[\u4e00-\u9fff]/);
    expect(rule.explanation).toMatch(/[\u4e00-\u9fff]/);
  });

  it('has no code that nothing reports', () => {
    const src = sourceFiles(path.join(PACKAGE_ROOT, 'src'))
      .filter((f) => !f.endsWith(path.join('diagnostics', 'rules.ts')))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    const unused = Object.keys(RULES).filter((code) => !src.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });

  it('takes the severity from the registry', () => {
    const at = { file: 'a.yaml', line: 2, column: 3 };
    expect(diagnostic('date-window', at, '…')).toEqual({ ...at, severity: 'warning', code: 'date-window', message: '…' });
    expect(diagnostic('requests-balance', at, '…', [{ ...at, message: '相关' }]).related).toHaveLength(1);
  });
});
