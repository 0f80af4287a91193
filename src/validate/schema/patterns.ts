/**
 * The `pattern`s of the schemas, each with its rule code and the Chinese sentence the gate prints
 * when a value does not match, so that messages never show a regular expression.
 */
import { TITLE_PLACEHOLDERS } from '../../model/titles.ts';
import type { RuleCode } from '../../diagnostics/rules.ts';

export interface PatternRule {
  pattern: string;
  code: RuleCode;
  /** Explains what is wrong with `value`. */
  explain(value: string): string;
}

const escape = (s: string) => s.replace(/[{}]/g, (c) => `\\${c}`);

/** Only the known placeholders; any other `{…}` (or a lone brace) is refused. */
const titlePattern = (placeholders: readonly string[]) =>
  `^(?:[^{}]|${placeholders.map(escape).join('|')})*$`;

const unknownPlaceholders = (value: string, allowed: readonly string[]) =>
  (value.match(/\{[^{}]*\}?|\}/g) ?? []).filter((p) => !allowed.includes(p));

function titleRule(allowed: readonly string[], note: string): PatternRule {
  return {
    pattern: titlePattern(allowed),
    code: 'title-placeholder',
    explain: (value) => {
      const bad = unknownPlaceholders(value, allowed);
      const what = bad.length ? `“${bad.join('”“')}”不是可用的占位符` : '花括号没有配对';
      return `标题模式中${what}；可用的占位符：${allowed.join('、')}${note}`;
    },
  };
}

/** The report's own title cannot contain itself. */
const REPORT_PLACEHOLDERS = TITLE_PLACEHOLDERS.filter((p) => p !== '{报告标题}');

export const PATTERNS = {
  reportTitle: titleRule(REPORT_PLACEHOLDERS, '（报告标题本身不能使用 {报告标题}）'),
  wrapperTitle: titleRule(TITLE_PLACEHOLDERS, ''),
  postcode: {
    pattern: '^[0-9]{6}$',
    code: 'schema-pattern',
    explain: (value) => `邮政编码应为 6 位数字，实际是“${value}”`,
  },
  portal: {
    pattern: '^https?://',
    code: 'schema-pattern',
    explain: (value) => `门户网站地址应以 http:// 或 https:// 开头，实际是“${value}”`,
  },
} as const satisfies Record<string, PatternRule>;

const BY_PATTERN = new Map<string, PatternRule>(Object.values(PATTERNS).map((r) => [r.pattern, r]));

export const patternRule = (pattern: string): PatternRule | undefined => BY_PATTERN.get(pattern);
