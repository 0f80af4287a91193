/**
 * What the portal page adds around the report: links to the other outputs and the agency's
 * contact block. Hrefs are built here from data the schema accepted, and only of safe kinds.
 */
import type { ReportModel } from '../../model/report-model.ts';

export interface WebLinks {
  reportPdf?: string;
  letterPdf?: string;
  submissionPdf?: string;
  reportDocx?: string;
  letterDocx?: string;
}

export interface DownloadView {
  href: string;
  label: string;
  /** MIME type, announced by the `type` attribute. */
  type: string;
}

export interface ContactView {
  heading: string;
  items: { label: string; text: string; href?: string; kind: 'text' | 'tel' | 'email' | 'url' }[];
}

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** In the order a reader looks for them: the report first, then what it was sent with. */
const DOWNLOADS: readonly { key: keyof WebLinks; label: string; type: string }[] = [
  { key: 'reportPdf', label: '年度报告（PDF）', type: PDF },
  { key: 'reportDocx', label: '年度报告（Word）', type: DOCX },
  { key: 'submissionPdf', label: '报送文件（PDF）', type: PDF },
  { key: 'letterPdf', label: '报送函（PDF）', type: PDF },
  { key: 'letterDocx', label: '报送函（Word）', type: DOCX },
];

/** Outputs sit beside index.html, so only plain relative names are links. */
const isRelativeFileName = (href: string) => /^[^\s:/?#\\][^\s:?#\\]*$/.test(href) && !href.split('/').includes('..');

export function buildDownloads(links: WebLinks): DownloadView[] {
  return DOWNLOADS.flatMap(({ key, label, type }) => {
    const href = links[key];
    if (!href) return [];
    if (!isRelativeFileName(href)) throw new Error(`下载链接应为相对文件名：${href}`);
    return [{ href: encodeURI(href), label, type }];
  });
}

/** A phone field may hold several numbers: 0349-2021918、2021919. */
const splitPhones = (phone: string) =>
  phone
    .split(/[、，,；;/]|\s{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+\-]/g, '')}`;
const isEmail = (email: string) => /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(email);
const isWebUrl = (url: string) => /^https?:\/\/[^\s<>"]+$/i.test(url);

export function buildContact(model: ReportModel): ContactView | null {
  const contact = model.agency.contact ?? {};
  const items: ContactView['items'] = [];
  if (model.agency.contact) {
    items.push({ label: '承办机构', text: `${model.agency.name}${contact.office ?? ''}`, kind: 'text' });
  }
  if (contact.address) items.push({ label: '地址', text: contact.address, kind: 'text' });
  if (contact.postcode) items.push({ label: '邮编', text: contact.postcode, kind: 'text' });
  for (const phone of splitPhones(contact.phone ?? '')) {
    items.push({ label: '电话', text: phone, href: telHref(phone), kind: 'tel' });
  }
  if (contact.email) {
    const email = contact.email.trim();
    items.push({ label: '电子邮箱', text: email, href: isEmail(email) ? `mailto:${email}` : undefined, kind: 'email' });
  }
  if (model.agency.portal) {
    const portal = model.agency.portal.trim();
    items.push({ label: '门户网站', text: portal, href: isWebUrl(portal) ? portal : undefined, kind: 'url' });
  }
  return items.length ? { heading: '联系方式', items } : null;
}
