/** Schemas of the three tables of a year file (二、三、四), generated from src/format. */
import {
  APPEAL_GROUPS,
  APPEAL_OUTCOMES,
  MONEY_DECIMALS,
  PROACTIVE_BLOCKS,
  PROACTIVE_ROWS,
  REQUEST_ROWS,
  RESULT_ROWS,
  RESULTS_TOTAL,
  SECTION_HEADINGS,
  appealGroupLabel,
  isDocumentRow,
  type ResultRow,
} from '../../format/index.ts';
import { count, money, object, type SchemaNode } from './schema-node.ts';
import { appealRow, applicantRow, documentRow } from './table-rows.ts';

export const proactiveSchema: SchemaNode = object(
  {
    title: SECTION_HEADINGS.proactive,
    description: `${SECTION_HEADINGS.proactive}：第二十条第（一）（五）（六）（八）项四个表格的数字`,
  },
  Object.fromEntries(
    PROACTIVE_BLOCKS.flatMap((block) =>
      block.rows.map((r): [string, SchemaNode] => {
        if (isDocumentRow(r.key)) return [r.key, documentRow(r.label, block.item)];
        const doc = { title: r.label, description: `${block.item}：${r.label}，${block.columns.join('、')}` };
        return [
          r.key,
          r.unit === 'money'
            ? money({ ...doc, description: `${doc.description}；最多 ${MONEY_DECIMALS} 位小数`, examples: [0, 11.42] }, MONEY_DECIMALS)
            : count({ ...doc, examples: [0] }),
        ];
      }),
    ),
  ),
  PROACTIVE_ROWS.map((r) => r.key),
);

function resultRowSchema(row: ResultRow): SchemaNode {
  const results = REQUEST_ROWS.results;
  if (row.kind === 'leaf') return applicantRow(row.label, `${results}：${row.label}`);
  return object(
    { title: row.label, description: `${results}：${row.label}，共 ${row.children.length} 项` },
    Object.fromEntries(row.children.map((c) => [c.key, applicantRow(c.label, `${results}：${row.label}·${c.label}`)])),
    row.children.map((c) => c.key),
  );
}

export const requestsSchema: SchemaNode = object(
  {
    title: SECTION_HEADINGS.requests,
    description: `${SECTION_HEADINGS.requests}。只填各行的数字，（七）总计和总计列由工具计算；每一列须满足：一 + 二 = 三（七）+ 四`,
  },
  {
    received: applicantRow(REQUEST_ROWS.received, '本年度新收到的政府信息公开申请件数'),
    carriedOver: applicantRow(REQUEST_ROWS.carriedOver, '上年度未办结、转入本年度办理的申请件数，须等于上年报告的“结转下年度继续办理”'),
    results: object(
      { title: REQUEST_ROWS.results, description: `${REQUEST_ROWS.results}：（一）至（六）各项的件数` },
      {
        ...Object.fromEntries(RESULT_ROWS.map((r) => [r.key, resultRowSchema(r)])),
        [RESULTS_TOTAL.key]: applicantRow(RESULTS_TOTAL.label, `${RESULTS_TOTAL.label}，可不写：由各项相加得出；写了会核对`),
      },
      RESULT_ROWS.map((r) => r.key),
    ),
    carriedForward: applicantRow(REQUEST_ROWS.carriedForward, '本年度未办结、转入下一年度继续办理的申请件数'),
  },
  ['received', 'carriedOver', 'results', 'carriedForward'],
);

export const appealsSchema: SchemaNode = object(
  {
    title: SECTION_HEADINGS.appeals,
    description: `${SECTION_HEADINGS.appeals}：${APPEAL_GROUPS.map((g) => g.label).join('、')}三组，各写${APPEAL_OUTCOMES.map((o) => o.label).join('、')}`,
  },
  Object.fromEntries(APPEAL_GROUPS.map((g) => [g.key, appealRow(appealGroupLabel(g))])),
  APPEAL_GROUPS.map((g) => g.key),
);
