/**
 * What the Word templates' tags stand for: the model flattened into the values of
 * templates/report.docx and templates/letter.docx. The tag lists are the templates' contract
 * with offices that edit them (templates/docx-src/README.md shows the same list).
 */
import type { LetterModel, ReportModel } from '../../model/report-model.ts';
import { ccLine, recipientName } from '../html/print-view.ts';
import { buildReportView } from '../html/report-view.ts';
import { narrativeXml, reportBodyXml } from './body-xml.ts';
import { signatureXml } from './signature-xml.ts';
import { balanceTitle } from './title-lines.ts';

/** Tag → what it holds, in the words an office reads when its template names an unknown tag. */
export const REPORT_TAGS = {
  document: '条件：是否为红头文件（有发文字号）',
  letterhead: '发文机关标志',
  docNumber: '发文字号',
  signer: '签发人（可无）',
  title: '标题（过长时已折成长短相近的几行）',
  recipient: '主送机关（可无）',
  body: '正文（生成的 XML）',
  closing: '结束语，如“专此报告”（可无）',
  signature: '署名和成文日期（生成的 XML）',
  cc: '抄送机关（可无）',
  printedBy: '印发机关（可无）',
  printedDate: '印发日期',
} as const;

export const LETTER_TAGS = {
  letterhead: '发文机关标志',
  number: '发文字号（可无）',
  title: '标题（过长时已折成长短相近的几行）',
  recipient: '主送机关（可无）',
  body: '正文（生成的 XML）',
  signature: '署名和成文日期（生成的 XML）',
} as const;

/** The tags of both templates whose values are Word XML ({@body}, {@signature}). */
export const RAW_XML_TAGS = ['body', 'signature'] as const;

export type ReportTemplateData = Record<keyof typeof REPORT_TAGS, string | boolean>;
export type LetterTemplateData = Record<keyof typeof LETTER_TAGS, string>;

export function reportTemplateData(model: ReportModel): ReportTemplateData {
  const doc = model.document;
  const signature = doc ? doc.signature : model.signature;
  const body = reportBodyXml(buildReportView(model), doc?.opening, Boolean(doc?.closing || signature));
  return {
    document: doc !== null,
    letterhead: doc?.letterhead ?? '',
    docNumber: doc?.number ?? '',
    signer: doc?.signer ?? '',
    title: balanceTitle(doc?.title ?? model.title),
    recipient: recipientName(doc?.recipient ?? ''),
    body,
    closing: doc?.closing ?? '',
    signature: signatureXml(signature),
    cc: ccLine(doc?.cc ?? []) ?? '',
    printedBy: doc?.printed?.by ?? '',
    printedDate: doc?.printed?.date ?? '',
  };
}

export function letterTemplateData(letter: LetterModel): LetterTemplateData {
  return {
    letterhead: letter.letterhead,
    number: letter.number ?? '',
    title: balanceTitle(letter.title),
    recipient: recipientName(letter.recipient),
    body: narrativeXml(letter.body),
    signature: signatureXml(letter.signature),
  };
}
