/**
 * What a new year keeps from the previous one besides the narrative: the 署名, the 报送函 and the
 * 红头文件 set-up, with every date cleared (a date is never right for two years) and the year in
 * 发文字号 moved on by one.
 */
import { readSourceFile } from '../load/source-file.ts';
import type { DocumentData, LetterData, Signature, YearFile } from '../model/types.ts';
import { field, optional, type CommentedDocument, type Field } from './commented-yaml.ts';

export interface Draft {
  year: number;
  /** As parsed; last year's file may itself be incomplete, so every part is optional. */
  data: DeepPartial<YearFile>;
}

type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** Reads last year's file; null when it cannot be read or parsed (the new file then starts empty). */
export async function readDraft(file: string, year: number): Promise<Draft | null> {
  const data = (await readSourceFile(file).catch(() => null))?.data;
  return data && typeof data === 'object' ? { year, data: data as Draft['data'] } : null;
}

const DATE_NOTE = '成文日期，格式 YYYY-MM-DD，如 2025-01-20';

const nextNumber = (value: string, year: number): string => value.replace(/〔\d{4}〕/, `〔${year + 1}〕`);

export function draftFields(d: CommentedDocument, prev: Draft['data'] | null, year: number): Field[] {
  const fields: Field[] = [];
  if (prev?.signature) fields.push(field('signature', '报告末尾的署名和日期；不需要时删除整个 signature', signatureMap(d, prev.signature)));
  else fields.push(optional('signature', '报告末尾的署名和日期（可选）；署名不填则为机关全称', { date: `${year + 1}-01-20` }));
  if (prev?.letter) fields.push(field('letter', '报送函（信函格式）：随报告报送上级机关的函', letterMap(d, prev.letter, year)));
  if (prev?.document) fields.push(field('document', '红头文件（带发文字号的报告）', documentMap(d, prev.document, year)));
  return fields;
}

function signatureMap(d: CommentedDocument, s: DeepPartial<Signature>) {
  return d.map([
    ...(s.name ? [field('name', '署名，不填则为机关全称', d.string(s.name))] : []),
    field('date', DATE_NOTE, d.string('')),
  ]);
}

function letterMap(d: CommentedDocument, letter: DeepPartial<LetterData>, year: number) {
  const fields: Field[] = [];
  if (letter.letterhead) fields.push(field('letterhead', '函的发文机关标志，不填则取 agency.yaml 的 letterhead.letter', d.string(letter.letterhead)));
  if (letter.recipient) fields.push(field('recipient', '主送机关，不填则取 agency.yaml 的 recipients.letter', d.string(letter.recipient)));
  if (letter.number) fields.push(field('number', '函的发文字号（已改为下一年份，请核对序号）', d.string(nextNumber(letter.number, year))));
  if (letter.body) fields.push(field('body', '函的正文（沿用上年内容作为草稿，请修改）', d.text(letter.body)));
  fields.push(field('signature', '函的署名和日期', signatureMap(d, letter.signature ?? {})));
  return d.map(fields);
}

function documentMap(d: CommentedDocument, doc: DeepPartial<DocumentData>, year: number) {
  const number = doc.number ?? {};
  const fields: Field[] = [
    field(
      'number',
      '发文字号：year 为发文年份，number 为序号（已改为下一年份，请核对序号）',
      d.map([
        ...(number.prefix ? [field('prefix', '机关代字，不填则取 agency.yaml 的 docNumberPrefix', d.string(number.prefix))] : []),
        field('year', '发文年份', (number.year ?? year) + 1),
        field('number', '序号', number.number ?? 1),
      ]),
    ),
  ];
  if (doc.recipient) fields.push(field('recipient', '主送机关', d.string(doc.recipient)));
  if (doc.signer) fields.push(field('signer', '签发人', d.string(doc.signer)));
  if (doc.opening) fields.push(field('opening', '主送机关之后、“一、总体情况”之前的段落（沿用上年内容作为草稿，请修改）', d.text(doc.opening)));
  if (doc.closing) fields.push(field('closing', '结束语，如：专此报告。', d.string(doc.closing)));
  if (doc.signature) fields.push(field('signature', '署名和成文日期', signatureMap(d, doc.signature)));
  if (doc.cc?.length) fields.push(field('cc', '抄送机关', [...doc.cc]));
  if (doc.printed) {
    fields.push(
      field(
        'printed',
        '版记：印发机关和印发日期',
        d.map([field('by', '印发机关', d.string(doc.printed.by)), field('date', '印发日期，格式 YYYY-MM-DD', d.string(''))]),
      ),
    );
  }
  return d.map(fields);
}
