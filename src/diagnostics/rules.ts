/**
 * The registry of every rule the gate applies: a stable code, its severity, a Chinese title and a
 * short explanation. Every diagnostic is made through {@link diagnostic}, so a code that is not
 * registered here cannot be reported.
 */
import type { Diagnostic, Severity, SourcePosition } from './diagnostic.ts';

export interface RuleInfo {
  severity: Severity;
  /** Short Chinese name of the rule. */
  title: string;
  /** What the rule checks and how to fix a finding, in Chinese. */
  explanation: string;
}

export const RULES = {
  // Loading the data folder and reading files.
  'data-missing': { severity: 'error', title: '找不到数据目录', explanation: '--data 指定的数据目录不存在或无法读取。' },
  'agency-not-found': { severity: 'error', title: '找不到指定机关', explanation: '--agency 指定的机关在数据目录中没有对应的子目录。' },
  'agency-id': { severity: 'error', title: '机关目录名不合规', explanation: '机关目录名须由小写英文字母、数字和连字符组成，如 shenmu、xinxiang-office。' },
  'agency-missing': { severity: 'error', title: '缺少 agency.yaml', explanation: '每个机关目录都须有 agency.yaml，写明机关名称等基本信息。' },
  'unexpected-file': { severity: 'warning', title: '多余的文件', explanation: '机关目录下只应有 agency.yaml、<年度>.yaml 和 templates/。' },
  'file-encoding': { severity: 'error', title: '文件编码不是 UTF-8', explanation: '数据文件须以 UTF-8 编码保存（带不带 BOM 均可）。' },
  'file-too-large': { severity: 'error', title: '文件过大', explanation: '数据文件不能超过 1 MB；一个年度的数据通常只有几十 KB。' },
  'yaml-syntax': { severity: 'error', title: 'YAML 语法错误', explanation: '文件无法按 YAML 解析，常见原因是缩进、冒号后缺空格、括号或引号未闭合。' },
  'yaml-duplicate-key': { severity: 'error', title: '字段重复', explanation: '同一层级中同一个字段只能出现一次。' },
  'yaml-alias': { severity: 'error', title: '别名无法展开', explanation: '别名（*名称）须引用前面用锚点（&名称）标出的值，不能引用包含它自身的值，展开后的内容也不能过多。数据文件通常不需要别名，直接写出值即可。' },
  'yaml-nesting': { severity: 'error', title: '嵌套过深', explanation: '数据文件最多只有几层缩进或括号；过深的嵌套通常是多写了括号或缩进，也可能是恶意构造的文件。' },
  'number-notation': { severity: 'error', title: '数字写法不对', explanation: '数字须写成十进制（如 33），不能写成十六进制（0x21）、八进制（0o41）或 .inf、.nan。' },
  'number-too-large': { severity: 'error', title: '数字过大', explanation: '整数不能超过 2^53（9007199254740992），否则无法准确保存；通常是多写了数字。' },
  'text-control': { severity: 'error', title: '文字中有控制字符', explanation: '文字中不能有控制字符（如 U+0001、U+001B），它们无法写入 Word 文件，在网页上显示为乱码；常见于从其他软件复制粘贴的文字，删除即可。' },
  'text-invisible': { severity: 'warning', title: '文字中有不可见字符', explanation: '零宽字符、双向文字控制符（如 U+202E）等不可见字符会使文字显示的顺序或内容与实际不同，可被用来伪装标题或机关名称。生成的标题中会去掉它们；请从数据中删除。' },
  // The JSON Schema gate.
  'schema-line': { severity: 'warning', title: '缺少 schema 声明行', explanation: '文件第一行应为 # yaml-language-server: $schema=…，编辑器据此提供字段补全和中文说明。' },
  'schema-type': { severity: 'error', title: '类型不对', explanation: '字段的值类型与要求不符，如件数写成了文字，或数字加了引号。' },
  'schema-required': { severity: 'error', title: '缺少必填字段', explanation: '报告格式要求的字段没有填写。' },
  'schema-unknown-key': { severity: 'error', title: '不认识的字段', explanation: '字段名拼写错误或放错了层级；检查拼写和缩进。' },
  'schema-format': { severity: 'error', title: '格式不对', explanation: '日期须写成 YYYY-MM-DD，网址、电子邮箱等须符合通常的写法。' },
  'schema-minimum': { severity: 'error', title: '不能为负数', explanation: '件数和金额都不能小于 0。' },
  'schema-maximum': { severity: 'error', title: '数值过大', explanation: '数值超出了允许的范围。' },
  'schema-integer': { severity: 'error', title: '应为整数', explanation: '件数只能是整数。' },
  'schema-decimals': { severity: 'error', title: '小数位数过多', explanation: '金额以万元为单位，最多保留 4 位小数（精确到元）。' },
  'schema-items': { severity: 'error', title: '数字个数不对', explanation: '表格的一行须写满规定个数的数字，顺序与表格的列一致。' },
  'schema-enum': { severity: 'error', title: '不是可选的值', explanation: '该字段只能取几个固定值之一。' },
  'schema-empty': { severity: 'error', title: '内容为空', explanation: '该字段写了就不能为空；不需要时请删除整个字段。' },
  'schema-pattern': { severity: 'error', title: '写法不对', explanation: '值的写法不符合要求（如邮政编码须为 6 位数字）。' },
  'schema-invalid': { severity: 'error', title: '不符合数据格式', explanation: '值不符合数据格式的要求。' },
  'title-placeholder': { severity: 'error', title: '标题模式中的占位符不可用', explanation: '标题模式只能使用 {机关名称}、{简称}、{年度}、{报告标题}（报告标题本身不能用 {报告标题}）。' },
  // Consistency of one report.
  'year-mismatch': { severity: 'error', title: '年度与文件名不一致', explanation: 'year 字段须与文件名中的年度相同。' },
  'requests-balance': { severity: 'error', title: '申请情况表勾稽不平', explanation: '每一列都应满足：本年新收 + 上年结转 = 办理结果总计 + 结转下年度。' },
  'requests-results-total': { severity: 'error', title: '（七）总计与各项之和不符', explanation: '写出的（七）总计须等于各项办理结果之和；也可以不写，由工具计算。' },
  'requests-row-total': { severity: 'error', title: '行总计与六列之和不符', explanation: '一行写了第 7 个数（总计）时，它须等于前六列之和；也可以不写，由工具计算。' },
  'appeals-total': { severity: 'error', title: '复议诉讼总计不符', explanation: '写出的总计须等于结果维持、结果纠正、其他结果、尚未审结之和；也可以不写，由工具计算。' },
  'date-invalid': { severity: 'error', title: '日期不存在', explanation: '日期格式正确，但日历上没有这一天（如 2月30日）。' },
  'date-window': { severity: 'warning', title: '日期不在报送期内', explanation: '年度报告应在次年 1月1日至 3月31日之间成文、报送和印发。' },
  'date-unfilled': { severity: 'warning', title: '日期尚未填写', explanation: 'nianbao new 生成新年度文件时把日期留空（date: ""），待定稿时填写；留空时生成的文件不署日期。' },
  'document-date-missing': { severity: 'warning', title: '红头文件缺少成文日期', explanation: '红头文件应有成文日期（document.signature.date）。' },
  'signer-missing': { severity: 'warning', title: '上行文缺少签发人', explanation: '报送上级机关的红头文件（上行文）应在版头标注签发人（GB/T 9704-2012 7.2.4）：document.signer，或 agency.yaml 的 signer。' },
  'imprint-missing': { severity: 'warning', title: '红头文件缺少版记', explanation: '红头文件应有版记，写明印发机关和印发日期（GB/T 9704-2012 7.4）：document.printed。' },
  'recipient-missing': { severity: 'error', title: '缺少主送机关', explanation: '函和红头文件须有主送机关：写在年度文件中，或在 agency.yaml 的 recipients 中设默认值。' },
  'doc-number-prefix-missing': { severity: 'error', title: '发文字号缺少机关代字', explanation: '红头文件的发文字号须有机关代字：写在 document.number.prefix，或在 agency.yaml 的 docNumberPrefix 中设默认值。' },
  'narrative-mismatch': { severity: 'warning', title: '正文数字与表格不符', explanation: '正文中写到的件数与表格中的对应数字不一致。' },
  // Roll-up groups (data/groups/<group-id>.yaml).
  'group-not-found': { severity: 'error', title: '找不到汇总组', explanation: 'data/groups/ 下没有该标识的汇总组文件 <组标识>.yaml。' },
  'group-id': { severity: 'error', title: '汇总组文件名不合规', explanation: '汇总组文件名须为小写英文字母、数字和连字符组成的标识加 .yaml，如 shenmu-city.yaml。' },
  'group-member-unknown': { severity: 'error', title: '成员机关不存在', explanation: 'members 中的机关标识须是 data/ 下已有的机关目录名。' },
  'group-member-duplicate': { severity: 'error', title: '成员机关重复', explanation: '同一个机关在 members 中只能出现一次，否则会被重复计入汇总。' },
  // Across years.
  'carryover-mismatch': { severity: 'error', title: '上年结转与上年报告不符', explanation: '本年的“上年结转”须等于上一年度报告的“结转下年度继续办理”，逐列相同。' },
  'in-force-drift': { severity: 'warning', title: '现行有效件数推算不符', explanation: '现行有效件数通常等于上年现行有效 + 本年制发 − 本年废止；文件到期失效也会造成差异，请核实。' },
} as const satisfies Record<string, RuleInfo>;

export type RuleCode = keyof typeof RULES;

export type Related = NonNullable<Diagnostic['related']>;

/** Makes a diagnostic of rule `code` at `at`; the severity always comes from the registry. */
export function diagnostic(code: RuleCode, at: SourcePosition, message: string, related?: Related): Diagnostic {
  const d: Diagnostic = { file: at.file, line: at.line, column: at.column, severity: RULES[code].severity, code, message };
  if (related?.length) d.related = related;
  return d;
}
