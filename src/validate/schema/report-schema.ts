/** The schema of `data/<agency-id>/<year>.yaml` ({@link YearFile}). */
import { OVERVIEW_ITEMS, SECTION_HEADINGS } from '../../format/index.ts';
import { DIRECTIONS } from '../../model/direction.ts';
import { count, date, list, narrative, object, text, type SchemaNode } from './schema-node.ts';
import { appealsSchema, proactiveSchema, requestsSchema } from './report-tables-schema.ts';

/** The first year the 条例 required annual reports (reports on 2008). */
const FIRST_REPORT_YEAR = 2008;
const LAST_YEAR = 2100;

const SUBHEADS = {
  block: '（一）…单独成行作小标题',
  runIn: '（一）…。接排在段首',
} as const;

const overviewSchema = object(
  { title: SECTION_HEADINGS.overview, description: `${SECTION_HEADINGS.overview}：开头段落和（一）至（五）五个方面` },
  {
    intro: narrative({ title: '总体情况开头', description: '（一）之前的段落' }),
    subheads: {
      title: '小标题排法',
      description: `（一）至（五）小标题的排法：block 为${SUBHEADS.block}，runIn 为${SUBHEADS.runIn}；不写为 block`,
      markdownDescription: `（一）至（五）小标题的排法：\n\n- \`block\`：${SUBHEADS.block}\n- \`runIn\`：${SUBHEADS.runIn}\n\n不写为 \`block\`。`,
      type: 'string',
      enum: Object.keys(SUBHEADS),
      examples: ['block'],
    },
    ...Object.fromEntries(
      OVERVIEW_ITEMS.map((item) => [
        item.key,
        object(
          { title: `${item.number}${item.title}`, description: `${SECTION_HEADINGS.overview}${item.number}：${item.description}` },
          {
            title: text({
              title: '小标题',
              description: `${item.number}后的文字，不写则为“${item.title}”`,
              examples: [item.title],
            }),
            text: narrative({ title: '正文', description: `${item.number}${item.title}的正文` }),
          },
          ['text'],
        ),
      ]),
    ),
  },
  OVERVIEW_ITEMS.map((i) => i.key),
);

const signatureFields = (whose: string) => ({
  name: text({ title: '署名', description: `${whose}的署名；不写则用默认署名` }),
  date: date({ title: '成文日期', description: `${whose}的日期，写成 YYYY-MM-DD；应在报告年度次年的 1月1日至 3月31日之间` }),
});

const letterSchema = object(
  { title: '报送函', description: '随年度报告上报的函（信函格式）；不报送函则不写' },
  {
    letterhead: text({ title: '发文机关标志', description: '函的发文机关标志；不写则用 agency.yaml 的 letterhead.letter' }),
    recipient: text({ title: '主送机关', description: '函的主送机关；不写则用 agency.yaml 的 recipients.letter' }),
    number: text({ title: '发文字号', description: '函的完整发文字号（可不写）', examples: ['神信函〔2024〕3号'] }),
    body: narrative({ title: '函的正文', description: '函的正文；不写则为“现将《报告标题》随文报来，请予审查。”' }),
    signature: object(
      { title: '署名和日期', description: '函的署名和日期；署名不写则用发文机关标志' },
      signatureFields('函'),
      ['date'],
    ),
  },
  ['signature'],
);

const documentSchema = object(
  { title: '红头文件', description: '以红头文件（带发文字号）上报年度报告时填写；不用红头文件则不写' },
  {
    number: object(
      { title: '发文字号', description: '发文字号，如“锦政字〔2024〕24号”写作 { year: 2024, number: 24 }' },
      {
        prefix: text({ title: '机关代字', description: '不写则用 agency.yaml 的 docNumberPrefix', examples: ['锦政字'] }),
        year: { ...count({ title: '年份', description: '发文字号中〔〕内的年份', examples: [2024] }), minimum: FIRST_REPORT_YEAR, maximum: LAST_YEAR },
        number: { ...count({ title: '序号', description: '发文字号中的序号', examples: [24] }), minimum: 1 },
      },
      ['year', 'number'],
    ),
    recipient: text({ title: '主送机关', description: '不写则用 agency.yaml 的 recipients.document' }),
    direction: {
      title: '行文方向',
      description: `upward 为${DIRECTIONS.upward}，parallel 为${DIRECTIONS.parallel}，downward 为${DIRECTIONS.downward}；不写时按文种判断：标题以“报告”或“请示”结尾的是上行文`,
      markdownDescription: `行文方向：\n\n- \`upward\`：${DIRECTIONS.upward}\n- \`parallel\`：${DIRECTIONS.parallel}\n- \`downward\`：${DIRECTIONS.downward}\n\n不写时按文种判断：标题以“报告”或“请示”结尾的是上行文（年度报告报送上级机关，默认如此）。`,
      type: 'string',
      enum: Object.keys(DIRECTIONS),
      examples: ['upward'],
    },
    signer: text({
      title: '签发人',
      description: '上行文在版头标注的签发人姓名（GB/T 9704-2012 7.2.4），发文字号随之居左；不写则用 agency.yaml 的 signer，都没有时检查给出警告；平行文、下行文不标注',
      examples: ['张三'],
    }),
    opening: narrative({ title: '开头', description: '主送机关之后、“一、总体情况”之前的段落' }),
    closing: text({ title: '结束语', description: '正文后的结束语', examples: ['专此报告。'] }),
    signature: object({ title: '署名和成文日期', description: '红头文件的署名和成文日期；署名不写则用机关全称' }, signatureFields('红头文件')),
    cc: list({ title: '抄送机关', description: '版记中的抄送机关，每项一个机关' }, text({ title: '抄送机关', description: '一个抄送机关的名称' })),
    printed: object(
      { title: '印发机关和印发日期', description: '版记中的印发机关和印发日期（GB/T 9704-2012 7.4）；红头文件没有版记时检查给出警告' },
      {
        by: text({ title: '印发机关', description: '版记中的印发机关', examples: ['神木市人民政府办公室'] }),
        date: date({ title: '印发日期', description: '版记中的印发日期，写成 YYYY-MM-DD' }),
      },
      ['by', 'date'],
    ),
  },
  ['number'],
);

export const reportSchema: SchemaNode = object(
  {
    title: '年度报告数据（<年度>.yaml）',
    description: '一个年度的政府信息公开工作年度报告：正文六部分、三个表格，以及报送用的函和红头文件',
  },
  {
    year: {
      ...count({ title: '报告年度', description: '报告所属的年度，须与文件名相同', examples: [2023] }),
      minimum: FIRST_REPORT_YEAR,
      maximum: LAST_YEAR,
    },
    preamble: narrative({ title: '前言', description: '“一、总体情况”之前的段落（如编制依据、统计期限）' }),
    overview: overviewSchema,
    proactive: proactiveSchema,
    requests: requestsSchema,
    appeals: appealsSchema,
    problems: narrative({ title: SECTION_HEADINGS.problems, description: `${SECTION_HEADINGS.problems}的正文` }),
    otherMatters: narrative({ title: SECTION_HEADINGS.otherMatters, description: `${SECTION_HEADINGS.otherMatters}的正文（包括信息处理费收取情况）` }),
    signature: object({ title: '署名和日期', description: '网上公开的报告末尾的署名和日期；不写则不署' }, signatureFields('报告')),
    letter: letterSchema,
    document: documentSchema,
  },
  ['year', 'overview', 'proactive', 'requests', 'appeals', 'problems', 'otherMatters'],
);
