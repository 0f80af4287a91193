/**
 * The properties a document of a report carries in its file, the same in the PDF (Info dictionary)
 * and the DOCX (File → Info): its title, the agency as author, subject, keywords and a date from the
 * data, never the clock.
 */
import type { ReportModel } from './report-model.ts';

/** The report (红头文件 when there is one, else the plain report), the 函, or the 报送件 (函 followed by the report). */
export type DocumentKind = 'report' | 'letter' | 'submission';

export interface DocumentProperties {
  title: string;
  /** The agency. */
  author: string;
  subject: string;
  keywords: string[];
  /** YYYY-MM-DD */
  date: string;
}

export function documentProperties(model: ReportModel, kind: DocumentKind): DocumentProperties {
  const name = model.agency.name;
  return {
    // The 报送件 opens with the 函, so it goes by the 函's title.
    title: kind === 'report' ? (model.document?.title ?? model.title) : (model.letter?.title ?? model.title),
    author: name,
    subject: `${name}${model.year}年度政府信息公开工作年度报告`,
    keywords: ['政府信息公开', '年度报告', String(model.year), name],
    date: model.issuedOn,
  };
}
