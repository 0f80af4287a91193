/**
 * The year file an import writes, as tidy as one typed after `nianbao new`: the schema line,
 * Chinese comments with the official labels (src/create's builders), rows in table order, the
 * narrative in the Markdown subset, and comments naming the source and what to check in it.
 */
import { CommentedDocument, field, type Field } from '../../create/commented-yaml.ts';
import { reportFields } from '../../create/report-template.ts';
import type { Signature } from '../../model/types.ts';
import type { Finding } from '../interpret/findings.ts';
import type { ImportedReport } from '../interpret/index.ts';

const DATE_NOTE = '日期，格式 YYYY-MM-DD';

function signatureMap(d: CommentedDocument, s: Partial<Signature>) {
  return d.map([
    ...(s.name ? [field('name', '署名', d.string(s.name))] : []),
    field('date', DATE_NOTE, d.string(s.date ?? '')),
  ]);
}

function letterFields(d: CommentedDocument, letter: NonNullable<ImportedReport['letter']>): Field[] {
  return [
    ...(letter.number ? [field('number', '函的发文字号', d.string(letter.number))] : []),
    ...(letter.body ? [field('body', '函的正文（与默认的“现将《报告标题》随文报来，请予审查。”不同）', d.text(letter.body))] : []),
    field('signature', '函的署名和日期', signatureMap(d, letter.signature ?? {})),
  ];
}

function documentFields(d: CommentedDocument, doc: NonNullable<ImportedReport['document']>): Field[] {
  const fields: Field[] = [];
  if (doc.number) {
    fields.push(field('number', '发文字号：year 为发文年份，number 为序号；机关代字见 agency.yaml 的 docNumberPrefix', d.map([field('year', '发文年份', doc.number.year), field('number', '序号', doc.number.number)])));
  }
  if (doc.recipient) fields.push(field('recipient', '主送机关', d.string(doc.recipient)));
  if (doc.signer) fields.push(field('signer', '签发人', d.string(doc.signer)));
  if (doc.opening) fields.push(field('opening', '主送机关之后、“一、总体情况”之前的段落', d.text(doc.opening)));
  if (doc.closing) fields.push(field('closing', '结束语', d.string(doc.closing)));
  if (doc.signature) fields.push(field('signature', '署名和成文日期', signatureMap(d, doc.signature)));
  return fields;
}

export function yearFileYaml(schemaLine: string, year: number, report: ImportedReport, source: string, findings: readonly Finding[]): string {
  const d = new CommentedDocument([
    schemaLine,
    `${year}年度政府信息公开工作年度报告的数据（按国办公开办函〔2021〕30号格式）。`,
    `来源：${source}（由 nianbao import 导入，请对照原文核对）`,
    ...(findings.length ? ['导入时发现的问题：', ...findings.map((f) => `- ${f.message}`)] : []),
  ]);
  const fields = reportFields(d, year, report);
  if (report.signature) fields.push(field('signature', '报告末尾的署名和日期', signatureMap(d, report.signature)));
  if (report.letter) fields.push(field('letter', '报送函（信函格式）', d.map(letterFields(d, report.letter))));
  if (report.document) fields.push(field('document', '红头文件（带发文字号的报告）', d.map(documentFields(d, report.document))));
  return d.setRoot(fields).toString();
}
