/** Chinese wording for the YAML parser's error codes, refined by its English message where one code covers several mistakes. */
import type { ErrorCode } from 'yaml';

const BY_MESSAGE: Array<[RegExp, string]> = [
  [/Flow sequence/i, '方括号 [ ] 没有闭合，或换行后的续行缩进不够'],
  [/Flow mapping/i, '花括号 { } 没有闭合，或换行后的续行缩进不够'],
  [/Missing closing "?quote|Missing closing ['"]/i, '引号没有闭合：值以引号开头时，须以同样的引号结尾'],
  [/Nested mappings are not allowed in compact mappings/i, '一行中出现了两个“字段: 值”；值中含有“: ”时请给整个值加引号，或检查上一行的缩进'],
  [/Implicit keys need to be on a single line/i, '字段名不能跨行：可能是冒号后缺少空格（应写成“字段: 值”），或缩进不对'],
  [/All mapping items must start at the same column/i, '同一层级的字段缩进不一致，须从同一列开始'],
  [/Tabs are not allowed/i, '不能用 Tab 缩进，请改用空格'],
  [/Unexpected (flow|scalar|block)/i, '出现了意外的内容（检查缩进、冒号和括号）'],
];

/** Every code, so that the parser's English never reaches the user. */
const BY_CODE: Record<ErrorCode, string> = {
  BAD_INDENT: '缩进不正确',
  MISSING_CHAR: '缺少必要的字符（如引号或括号未闭合）',
  BLOCK_AS_IMPLICIT_KEY: '字段名写法不正确（可能缺少冒号后的空格）',
  MULTILINE_IMPLICIT_KEY: '字段名不能跨行（可能缺少冒号后的空格或缩进不对）',
  TAB_AS_INDENT: '不能用 Tab 缩进，请改用空格',
  UNEXPECTED_TOKEN: '出现了意外的内容',
  MULTIPLE_DOCS: '一个文件只能包含一个 YAML 文档（删除多余的 ---）',
  BAD_SCALAR_START: '值的开头字符不合法（以 @、`、% 等开头的值需要加引号）',
  BAD_ALIAS: '别名（*名称）写法不正确',
  BAD_DIRECTIVE: '% 开头的指令不正确',
  ALIAS_PROPS: '别名不能带锚点或标签',
  KEY_OVER_1024_CHARS: '字段名过长',
  TAG_RESOLVE_FAILED: '无法识别的标签（!…）',
  IMPOSSIBLE: '无法解析',
  BAD_DQ_ESCAPE: '双引号中的反斜杠 \\ 后是无效的转义字符（如路径 C:\\data）；请改用单引号，或把 \\ 写成 \\\\',
  BAD_PROP_ORDER: '锚点（&名称）或标签（!…）的位置不对',
  BLOCK_IN_FLOW: '方括号 [ ] 或花括号 { } 中不能用多行写法（- 开头的列表或 | 开头的多行文字）',
  MULTIPLE_ANCHORS: '一个值只能有一个锚点（&名称）',
  MULTIPLE_TAGS: '一个值只能有一个标签（!…）',
  NON_STRING_KEY: '字段名只能是文字，不能是列表或一组字段',
  RESOURCE_EXHAUSTION: '内容过于复杂，无法解析（别名引用过多或嵌套过深）',
  BAD_COLLECTION_TYPE: '标签（!…）与值的类型不符',
  DUPLICATE_KEY: '同一层级中有重复的字段',
};

export function describeYamlError(code: ErrorCode, message: string): string {
  for (const [pattern, text] of BY_MESSAGE) if (pattern.test(message)) return text;
  return BY_CODE[code] ?? '无法解析';
}

/** The parser ran out of stack: nesting too deep (reported as such, not as too many aliases). */
export const isStackExhaustion = (code: ErrorCode, message: string): boolean =>
  code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(message);
