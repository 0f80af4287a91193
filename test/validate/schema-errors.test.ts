import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/load/source-file.ts';
import { validateSource, type FileKind } from '../../src/validate/index.ts';
import { collapseErrors } from '../../src/validate/schema-errors.ts';
import { cleanText, edit, type Edit } from '../check/rules/context.ts';

function validate(kind: FileKind, edits: Edit[]) {
  const name = kind === 'agency' ? 'agency.yaml' : '2023.yaml';
  const source = parseSource(name, name, edit(cleanText(name), edits));
  return validateSource(source, kind).diagnostics.map((d) => ({ at: `${d.code}@${d.line}:${d.column}`, message: d.message }));
}

describe('schema diagnostics', () => {
  it.each<[string, FileKind, Edit[], string, string]>([
    ['a string number', 'report', [['licensing: 120', 'licensing: 3O']], 'schema-type@38:14', 'licensing（行政许可）应为整数，实际是字符串“3O”：可能是把数字 0 写成了字母 O（或把 1 写成了字母 l）'],
    ['a quoted number', 'report', [['received: [8,', "received: ['8',"]], 'schema-type@45:14', 'received（一、本年新收政府信息公开申请数量）的第 1 个数（自然人）应为整数，实际是字符串“8”：数字不要加引号'],
    ['full-width digits', 'report', [['coercion: 2', 'coercion: ２']], 'schema-type@40:13', 'coercion（行政强制）应为整数，实际是字符串“２”：含全角数字，请改用半角数字'],
    ['a count with its unit', 'report', [['coercion: 2', 'coercion: 2件']], 'schema-type@40:13', 'coercion（行政强制）应为整数，实际是字符串“2件”：只写数字，不写“件”'],
    ['a non-integer count', 'report', [['coercion: 2', 'coercion: 2.5']], 'schema-integer@40:13', 'coercion（行政强制）应为整数，实际是 2.5'],
    ['a negative cell', 'report', [['review: [1, 0, 0, 0]', 'review: [1, -1, 0, 0]']], 'schema-minimum@77:15', 'review（行政复议）的第 2 个数（结果纠正）不能为负数，实际是 -1'],
    ['too many decimals', 'report', [['fees: 1.5', 'fees: 0.00001']], 'schema-decimals@41:9', 'fees（行政事业性收费）最多保留 4 位小数（万元精确到元），实际是 0.00001'],
    ['a short row', 'report', [['carriedForward: [1, 0, 0, 0, 0, 0]', 'carriedForward: [1, 0, 0]']], 'schema-items@73:19', 'carriedForward（四、结转下年度继续办理）应有 6 个数（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他），可再加第 7 个数作为总计；实际有 3 个'],
    ['a row that is not a list', 'report', [['carriedForward: [1, 0, 0, 0, 0, 0]', 'carriedForward: 1']], 'schema-type@73:19', 'carriedForward（四、结转下年度继续办理）应为方括号列表（如 [0, 0, 0]），实际是数字 1'],
    ['a misspelt key', 'report', [['carriedOver:', 'caried_over:']], 'schema-unknown-key@46:3', 'requests 下不认识的字段“caried_over”，您是否想写 carriedOver（二、上年结转政府信息公开申请数量）？'],
    ['a Chinese title for a key', 'agency', [['shortName:', '机关简称:']], 'schema-unknown-key@3:1', '不认识的字段“机关简称”，您是否想写 shortName（机关简称）？'],
    ['a key one level too deep', 'report', [['  carriedForward: [1', '    carriedForward: [1']], 'schema-unknown-key@73:5', '字段“carriedForward”不能放在 requests.results 下：缩进是否多了一级？'],
    ['a missing required field', 'report', [['  management:\n    text: 严格落实保密审查制度。\n', '']], 'schema-required@17:1', 'overview 下缺少必填字段 management（（三）政府信息管理情况）'],
    ['a missing date of the letter', 'report', [['letter:\n  signature:\n    date: 2024-01-20\n', 'letter:\n  signature:\n    name: 示例县政府办\n']], 'schema-required@5:3', 'letter.signature 下缺少必填字段 date（成文日期）'],
    ['an impossible date', 'report', [['date: 2024-01-20', 'date: 2023-02-29']], 'date-invalid@6:11', 'date（成文日期）“2023-02-29”不是真实的日期：2023年2月只有 28 天'],
    ['a day 0', 'report', [['date: 2024-01-20', 'date: 2024-01-00']], 'date-invalid@6:11', 'date（成文日期）“2024-01-00”不是真实的日期：没有 0 日'],
    ['a date in Chinese', 'report', [['date: 2024-01-20', 'date: 2024年1月20日']], 'schema-format@6:11', 'date（成文日期）应写成 YYYY-MM-DD（如 2024-02-02），实际是“2024年1月20日”'],
    ['a closed choice', 'report', [['subheads: block', 'subheads: runin']], 'schema-enum@20:13', 'subheads（小标题排法）只能是 block 或 runIn，实际是字符串“runin”；您是否想写 runIn？'],
    ['an empty text', 'agency', [['name: 示例县人民政府', "name: ''"]], 'schema-empty@2:7', 'name（机关全称）不能为空；不需要时请删除这一行'],
    ['a portal without scheme', 'agency', [['docNumberPrefix:', 'portal: www.example.gov.cn\ndocNumberPrefix:']], 'schema-pattern@4:9', 'portal（门户网站）：门户网站地址应以 http:// 或 https:// 开头，实际是“www.example.gov.cn”'],
    ['a portal that is no address', 'agency', [['docNumberPrefix:', 'portal: https://www.example .gov.cn\ndocNumberPrefix:']], 'schema-format@4:9', 'portal（门户网站）“https://www.example .gov.cn”不是有效的网址'],
    ['an unknown placeholder', 'agency', [['docNumberPrefix:', "titles:\n  document: '{单位}关于报送《{报告标题}》的报告'\ndocNumberPrefix:"]], 'title-placeholder@5:13', 'document（红头文件标题模式）：标题模式中“{单位}”不是可用的占位符；可用的占位符：{机关名称}、{简称}、{年度}、{报告标题}'],
    ['a list in place of the file', 'agency', [[cleanText('agency.yaml').split('\n').slice(1).join('\n'), '- 示例县\n']], 'schema-type@2:1', '文件内容应为一组“字段: 值”，实际是列表（1 项）'],
  ])('%s', (_, kind, edits, at, message) => {
    const found = validate(kind, edits);
    expect(found).toEqual([{ at, message }]);
  });

  it('reports every problem of a file at once, one each', () => {
    const found = validate('report', [
      ['licensing: 120', "licensing: '120'"],
      ['review: [1, 0, 0, 0]', "review: ['1', 0, 0]"],
      ['subheads: block', 'subheads: 1'],
    ]);
    expect(found.map((f) => f.at)).toEqual(['schema-type@20:13', 'schema-type@38:14', 'schema-items@77:11', 'schema-type@77:12']);
  });

  it('warns about a missing schema line', () => {
    const found = validate('report', [['# yaml-language-server: $schema=../../schema/report.schema.json\n', '# 2023 年度\n']]);
    expect(found.map((f) => f.at)).toEqual(['schema-line@1:1']);
  });
});

describe('collapseErrors', () => {
  const error = (keyword: string, instancePath: string): ErrorObject => ({ keyword, instancePath, schemaPath: '', params: {} });

  it('drops a combinator failing because of an error inside it', () => {
    const errors = [error('anyOf', '/a'), error('type', '/a/0'), error('if', '/a')];
    expect(collapseErrors(errors).map((e) => e.keyword)).toEqual(['type']);
  });

  it('keeps a combinator that is the only finding', () => {
    expect(collapseErrors([error('oneOf', '/a')]).map((e) => e.keyword)).toEqual(['oneOf']);
  });

  it('keeps one complaint per value', () => {
    const errors = [error('pattern', '/a'), error('format', '/a'), error('required', ''), error('required', '')];
    expect(collapseErrors(errors).map((e) => e.keyword)).toEqual(['pattern', 'required', 'required']);
  });

  it('drops other errors at a place whose type is wrong', () => {
    const errors = [error('type', '/a'), error('minimum', '/a'), error('minimum', '/b')];
    expect(collapseErrors(errors).map((e) => `${e.keyword}${e.instancePath}`)).toEqual(['type/a', 'minimum/b']);
  });
});
