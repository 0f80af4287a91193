/** The commented `agency.yaml` that `nianbao new` writes for a new agency (and `nianbao import` fills in). */
import type { AgencyFile } from '../model/types.ts';
import { DEFAULT_TITLE_PATTERNS, TITLE_PLACEHOLDERS } from '../model/titles.ts';
import { CommentedDocument, field, optional, type Field } from './commented-yaml.ts';

/**
 * `known`: values already known (an import read them from a published report); each is written
 * as a field, every other field as a commented-out example. `notes` follow the header.
 */
export function agencyTemplate(schemaLine: string, known: Partial<AgencyFile> = {}, notes: string[] = []): string {
  const d = new CommentedDocument([
    schemaLine,
    '机关信息：每个机关一份，各年度报告共用。',
    '以 # 开头的字段是可选的示例：需要时去掉行首的 # 再修改（注意对齐缩进），不需要时保持原样。',
    ...notes,
  ]);
  const entry = (key: keyof AgencyFile, comment: string, example: unknown): Field =>
    known[key] === undefined ? optional(key, comment, example) : field(key, comment, known[key]);
  return d
    .setRoot([
      field('name', '机关全称（必填），如：神木市人民政府', d.string(known.name ?? '')),
      entry('shortName', '简称：标题中的 {简称} 取此，不填则同全称', '神木市政府'),
      entry(
        'letterhead',
        '发文机关标志：letter 为报送函（信函格式）的，不填则用机关全称；document 为红头文件的，不填则为机关全称加“文件”',
        { letter: '神木市政府信息综合室', document: '神木市人民政府文件' },
      ),
      entry('docNumberPrefix', '发文字号中的机关代字（发文字号如 神政字〔2024〕24号）', '神政字'),
      entry(
        'recipients',
        '默认主送机关：letter 为报送函的，document 为红头文件的；年度文件中可另行指定',
        { letter: '榆林市政府信息化服务中心', document: '榆林市人民政府办公室' },
      ),
      entry('signer', '上行文（红头文件）的签发人姓名', '张三'),
      entry('portal', '政府门户网站地址', 'https://www.shenmu.gov.cn'),
      entry(
        'contact',
        '政府信息公开工作机构的联系方式：承办科室、通信地址、邮政编码（6位数字）、联系电话、电子邮箱',
        { office: '政府信息公开科', address: '神木市滨河新区', postcode: '719300', phone: '0912-8888888', email: 'gkb@shenmu.gov.cn' },
      ),
      entry(
        'titles',
        `标题样式，一般无需设置；可用占位符 ${TITLE_PLACEHOLDERS.join(' ')}；下面是默认值`,
        { ...DEFAULT_TITLE_PATTERNS },
      ),
    ])
    .toString();
}
