/** The schema of `data/<agency-id>/agency.yaml` ({@link AgencyFile}). */
import { DEFAULT_TITLE_PATTERNS, TITLE_PLACEHOLDERS } from '../../model/titles.ts';
import { object, text, type SchemaNode } from './schema-node.ts';
import { PATTERNS } from './patterns.ts';

const placeholderHelp = `可用占位符：${TITLE_PLACEHOLDERS.join('、')}`;

const titlePattern = (kind: keyof typeof DEFAULT_TITLE_PATTERNS, title: string, what: string): SchemaNode =>
  text(
    {
      title,
      description: `${what}的标题模式，不写则为“${DEFAULT_TITLE_PATTERNS[kind]}”。${placeholderHelp}`,
      markdownDescription: `${what}的标题模式。不写则为：\n\n\`${DEFAULT_TITLE_PATTERNS[kind]}\`\n\n${placeholderHelp}${kind === 'report' ? '（报告标题本身不能用 {报告标题}）' : ''}。含花括号的值请加引号。`,
      examples: [DEFAULT_TITLE_PATTERNS[kind]],
    },
    { pattern: (kind === 'report' ? PATTERNS.reportTitle : PATTERNS.wrapperTitle).pattern },
  );

export const agencySchema: SchemaNode = object(
  {
    title: '机关信息（agency.yaml）',
    description: '报告机关的基本信息：名称、发文机关标志、发文字号的机关代字、默认主送机关、联系方式和标题模式；各年度报告共用。',
  },
  {
    name: text({ title: '机关全称', description: '报告机关的全称，用于标题和署名', examples: ['神木市人民政府'] }),
    shortName: text({ title: '机关简称', description: '机关简称，用于标题模式中的 {简称}；不写则同全称', examples: ['神木市政府'] }),
    letterhead: object(
      { title: '发文机关标志', description: '函和红头文件版头上的发文机关标志' },
      {
        letter: text({ title: '函的发文机关标志', description: '信函格式版头上的机关名称；不写则用机关全称', examples: ['神木市政府信息综合室'] }),
        document: text({ title: '红头文件的发文机关标志', description: '红头文件版头上的机关名称，通常以“文件”结尾；不写则为机关全称加“文件”', examples: ['神木市锦界镇人民政府文件'] }),
      },
    ),
    docNumberPrefix: text({
      title: '发文机关代字',
      description: '红头文件发文字号中的机关代字，如“锦政字〔2024〕24号”中的“锦政字”',
      examples: ['锦政字'],
    }),
    recipients: object(
      { title: '默认主送机关', description: '函和红头文件的默认主送机关；年度文件中可另行指定' },
      {
        letter: text({ title: '函的主送机关', description: '报送年度报告的函的主送机关', examples: ['榆林市政府信息化服务中心'] }),
        document: text({ title: '红头文件的主送机关', description: '报送年度报告的红头文件的主送机关', examples: ['神木市政府办'] }),
      },
    ),
    signer: text({ title: '签发人', description: '上行文红头文件的默认签发人（GB/T 9704-2012 7.2.4），可被年度文件的 document.signer 覆盖', examples: ['张三'] }),
    portal: text(
      { title: '门户网站', description: '机关门户网站地址，以 http:// 或 https:// 开头', examples: ['https://www.shuozhou.gov.cn'] },
      { format: 'uri', pattern: PATTERNS.portal.pattern },
    ),
    contact: object(
      { title: '联系方式', description: '政府信息公开工作机构的联系方式，门户网页中可引用' },
      {
        office: text({ title: '承办科室', description: '负责政府信息公开工作的科室', examples: ['政府信息公开科'] }),
        address: text({ title: '地址', description: '办公地址', examples: ['市府西街3号市政府办公楼318室'] }),
        postcode: text(
          { title: '邮政编码', description: '6 位数字；以 0 开头时请加引号，如 \'036000\'', examples: ['036000'] },
          { pattern: PATTERNS.postcode.pattern },
        ),
        phone: text({ title: '电话', description: '联系电话；请加引号，如 \'0349-2021918\'', examples: ['0349-2021918'] }),
        email: text({ title: '电子邮箱', description: '联系用电子邮箱', examples: ['szzfxxgkk@126.com'] }, { format: 'email' }),
      },
    ),
    titles: object(
      { title: '标题模式', description: `报告、函和红头文件的标题模式，不写则用通用写法。${placeholderHelp}` },
      {
        report: titlePattern('report', '报告标题模式', '年度报告'),
        letter: titlePattern('letter', '函标题模式', '报送报告的函'),
        document: titlePattern('document', '红头文件标题模式', '报送报告的红头文件'),
      },
    ),
  },
  ['name'],
);
