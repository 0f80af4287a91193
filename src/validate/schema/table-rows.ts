/** Schemas of the table rows, read from the 2021 format: one numbered column per label. */
import {
  APPEAL_OUTCOMES,
  APPLICANT_COLUMNS,
  DOCUMENT_COLUMNS,
  LEGAL_PERSON_HEADER,
  TOTAL_LABEL,
} from '../../format/index.ts';
import { count, row, type FieldDoc, type SchemaNode } from './schema-node.ts';

const zeros = (n: number) => Array.from({ length: n }, () => 0);

const columnList = (labels: readonly string[]) => labels.map((l, i) => `${i + 1}. ${l}`).join('\n');

const APPLICANT_LABELS = APPLICANT_COLUMNS.map((c) => c.label);
const legalPersonNote = `第 2 至 ${APPLICANT_COLUMNS.length} 列属于“${LEGAL_PERSON_HEADER}”`;

/** A row of table 三: six applicant columns, optionally 总计. */
export function applicantRow(label: string, description: string): SchemaNode {
  const doc: FieldDoc = {
    title: label,
    description: `${description}。按表格列序写 ${APPLICANT_COLUMNS.length} 个数：${APPLICANT_LABELS.join('、')}（${legalPersonNote}）；可再写第 ${APPLICANT_COLUMNS.length + 1} 个数作为${TOTAL_LABEL}（会核对）`,
    markdownDescription: `**${label}**\n\n${description}。按表格列序写 ${APPLICANT_COLUMNS.length} 个数：\n\n${columnList(APPLICANT_LABELS)}\n\n${legalPersonNote}。可再写第 ${APPLICANT_COLUMNS.length + 1} 个数作为${TOTAL_LABEL}，工具会核对它等于前 ${APPLICANT_COLUMNS.length} 列之和；不写则自动计算。`,
    examples: [zeros(APPLICANT_COLUMNS.length)],
  };
  const columns = APPLICANT_COLUMNS.map((c) =>
    count({ title: c.label, description: `${label}：${c.label}${c.legalPerson ? `（${LEGAL_PERSON_HEADER}）` : ''}（件）` }),
  );
  const total = count({ title: TOTAL_LABEL, description: `${label}：${TOTAL_LABEL}（可不写；写了须等于前 ${APPLICANT_COLUMNS.length} 列之和）` });
  return row(doc, columns, [total]);
}

/** A group of table 四: 维持, 纠正, 其他, 尚未审结, optionally 总计. */
export function appealRow(label: string): SchemaNode {
  const labels = APPEAL_OUTCOMES.map((o) => o.label);
  const doc: FieldDoc = {
    title: label,
    description: `${label}的件数，按表格列序写 ${labels.length} 个数：${labels.join('、')}；可再写第 ${labels.length + 1} 个数作为${TOTAL_LABEL}（会核对）`,
    markdownDescription: `**${label}**\n\n按表格列序写 ${labels.length} 个数：\n\n${columnList(labels)}\n\n可再写第 ${labels.length + 1} 个数作为${TOTAL_LABEL}，工具会核对；不写则自动计算。`,
    examples: [zeros(labels.length)],
  };
  const columns = APPEAL_OUTCOMES.map((o) => count({ title: o.label, description: `${label}：${o.label}（件）` }));
  const total = count({ title: TOTAL_LABEL, description: `${label}：${TOTAL_LABEL}（可不写；写了须等于前 ${labels.length} 列之和）` });
  return row(doc, columns, [total]);
}

/** A row of 第二十条第（一）项: 本年制发, 本年废止, 现行有效. */
export function documentRow(label: string, item: string): SchemaNode {
  const labels = DOCUMENT_COLUMNS.map((c) => c.label);
  const doc: FieldDoc = {
    title: label,
    description: `${item}：${label}，按表格列序写 ${labels.length} 个数：${labels.join('、')}`,
    markdownDescription: `**${label}**（${item}）\n\n按表格列序写 ${labels.length} 个数：\n\n${columnList(labels)}`,
    examples: [zeros(labels.length)],
  };
  return row(doc, DOCUMENT_COLUMNS.map((c) => count({ title: c.label, description: `${label}：${c.label}` })));
}
