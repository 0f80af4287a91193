/**
 * Chinese wording for each kind of schema error: what was expected, what was written, and how to
 * fix it. AJV's own (and ajv-i18n's) sentences name keywords, not fields, so they are only a fallback.
 */
import type { ErrorObject } from 'ajv';
import { distance } from 'fastest-levenshtein';
import type { RuleCode } from '../diagnostics/rules.ts';
import { parseIsoDate, splitIsoDate } from '../model/dates.ts';
import { patternRule } from './schema/patterns.ts';
import type { SchemaNode } from './schema/index.ts';

export interface Finding {
  code: RuleCode;
  message: string;
}

const quote = (s: string) => `“${s.length > 40 ? `${s.slice(0, 40)}…` : s}”`;

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '空值';
  if (typeof value === 'string') return `字符串${quote(value)}`;
  if (typeof value === 'number') return `数字 ${value}`;
  if (typeof value === 'boolean') return `是/否值 ${value}`;
  if (Array.isArray(value)) return `列表（${value.length} 项）`;
  return '一组字段';
}

const EXPECTED_TYPE: Record<string, string> = {
  integer: '整数',
  number: '数字',
  string: '文字',
  array: '方括号列表（如 [0, 0, 0]）',
  object: '一组字段（“字段: 值”，下一行缩进两格）',
};

/** Strings that are numbers in disguise: quoted, full-width, or with the letter O for zero. */
function numberHint(value: string): string {
  if (/^\s*-?\d+(\.\d+)?\s*$/.test(value)) return '：数字不要加引号';
  if (/[０-９]/.test(value)) return '：含全角数字，请改用半角数字';
  const repaired = value.replace(/[Oo]/g, '0').replace(/[lI]/g, '1');
  if (repaired !== value && /^\s*\d+(\.\d+)?\s*$/.test(repaired)) return '：可能是把数字 0 写成了字母 O（或把 1 写成了字母 l）';
  if (/^\s*\d+\s*件\s*$/.test(value)) return '：只写数字，不写“件”';
  return '';
}

function typeMessage(field: string, expected: string, value: unknown, schema: SchemaNode | null): Finding {
  if (field === '文件') {
    return value === null || value === undefined
      ? { code: 'schema-type', message: '文件是空的：应为一组“字段: 值”' }
      : { code: 'schema-type', message: `文件内容应为一组“字段: 值”，实际是${describeValue(value)}` };
  }
  let hint = '';
  if ((expected === 'integer' || expected === 'number') && typeof value === 'string') hint = numberHint(value);
  if (expected === 'string' && typeof value === 'number') hint = '：如需原样保留（如以 0 开头的编号、电话），请加引号';
  if (expected === 'string' && schema?.format === 'date') hint = '：日期写成 YYYY-MM-DD，如 2024-02-02';
  if (value === null) hint = expected === 'string' ? '：冒号后没有内容（多行文字以 | 开头，下一行起缩进书写）' : '：冒号后没有内容';
  if (expected === 'integer' && typeof value === 'number') {
    return { code: 'schema-integer', message: `${field}应为整数，实际是 ${value}` };
  }
  return { code: 'schema-type', message: `${field}应为${EXPECTED_TYPE[expected] ?? expected}，实际是${describeValue(value)}${hint}` };
}

function itemsMessage(field: string, schema: SchemaNode | null, actual: number): Finding {
  const items = schema?.prefixItems ?? [];
  const min = schema?.minItems ?? items.length;
  const max = schema?.maxItems ?? items.length;
  const columns = items.slice(0, min).map((i) => i.title).join('、');
  const optional = max > min ? `，可再加第 ${max} 个数作为${items[max - 1]?.title ?? '总计'}` : '';
  return {
    code: 'schema-items',
    message: `${field}应有 ${min} 个数（${columns}）${optional}；实际有 ${actual} 个`,
  };
}

function dateMessage(field: string, value: string): Finding {
  // `nianbao new` leaves each date blank for the user to fill in when the report is final: a to-do, not a mistake.
  if (value === '') return { code: 'date-unfilled', message: `${field}尚未填写：定稿时写成 YYYY-MM-DD（如 2025-01-20）；留空时生成的文件不署日期` };
  const parts = splitIsoDate(value);
  if (!parts) return { code: 'schema-format', message: `${field}应写成 YYYY-MM-DD（如 2024-02-02），实际是${quote(value)}` };
  const { year, month, day } = parts;
  const invalid = (why: string): Finding => ({ code: 'date-invalid', message: `${field}${quote(value)}不是真实的日期：${why}` });
  if (month < 1 || month > 12) return invalid(`没有 ${month} 月`);
  if (day < 1) return invalid(`没有 ${day} 日`);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return parseIsoDate(value)
    ? { code: 'schema-format', message: `${field}${quote(value)}不是有效的日期` }
    : invalid(`${year}年${month}月只有 ${days} 天`);
}

function enumMessage(field: string, allowed: readonly string[], value: unknown): Finding {
  const near = typeof value === 'string' ? allowed.find((a) => distance(a.toLowerCase(), value.toLowerCase()) <= 2) : undefined;
  return {
    code: 'schema-enum',
    message: `${field}只能是 ${allowed.join(' 或 ')}，实际是${describeValue(value)}${near ? `；您是否想写 ${near}？` : ''}`,
  };
}

/** The finding for one AJV error other than `required` and `additionalProperties`. */
export function valueMessage(error: ErrorObject, field: string, schema: SchemaNode | null, fallback: string): Finding {
  const value: unknown = error.data;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return typeMessage(field, String(params.type), value, schema);
    case 'minItems':
    case 'maxItems':
      return itemsMessage(field, schema, Array.isArray(value) ? value.length : 0);
    case 'minimum':
      return params.limit === 0
        ? { code: 'schema-minimum', message: `${field}不能为负数，实际是 ${String(value)}` }
        : { code: 'schema-minimum', message: `${field}应不小于 ${String(params.limit)}，实际是 ${String(value)}` };
    case 'maximum':
      return { code: 'schema-maximum', message: `${field}应不大于 ${String(params.limit)}，实际是 ${String(value)}` };
    case 'multipleOf': {
      const decimals = Math.round(-Math.log10(Number(params.multipleOf)));
      return { code: 'schema-decimals', message: `${field}最多保留 ${decimals} 位小数（万元精确到元），实际是 ${String(value)}` };
    }
    case 'minLength':
      return { code: 'schema-empty', message: `${field}不能为空；不需要时请删除这一行` };
    case 'enum':
      return enumMessage(field, (params.allowedValues as string[]) ?? [], value);
    case 'format':
      if (params.format === 'date') return dateMessage(field, String(value));
      if (params.format === 'email') return { code: 'schema-format', message: `${field}${quote(String(value))}不是有效的电子邮箱地址` };
      if (params.format === 'uri') return { code: 'schema-format', message: `${field}${quote(String(value))}不是有效的网址` };
      return { code: 'schema-format', message: `${field}格式不对：${fallback}` };
    case 'pattern': {
      const rule = patternRule(String(params.pattern));
      return rule
        ? { code: rule.code, message: `${field}：${rule.explain(String(value))}` }
        : { code: 'schema-pattern', message: `${field}写法不对：${fallback}` };
    }
    default:
      return { code: 'schema-invalid', message: `${field}${fallback}` };
  }
}
