/**
 * Facts about the agency the report states in passing: its name (from the 发文机关标志, the title or
 * the 署名), the year, the portal address and the contact block that section 六 or the page ends with.
 */
import type { Contact } from '../../model/types.ts';
import { foldWidth } from './text-forms.ts';

/** The agency's name in a title: the words before the year, without 关于报送 and brackets. */
export function nameInTitle(title: string): string | null {
  const t = title.replace(/\s+/g, '');
  const inner = /《([^》]+)》/.exec(t)?.[1] ?? t;
  const m = /^(.*?)(?:关于报送.*?)?\d{4}年/.exec(inner);
  const name = m?.[1]?.replace(/关于.*$/, '').replace(/[《〈“"]/g, '');
  return name && name.length >= 2 && name.length <= 40 ? name : null;
}

export const yearInTitle = (title: string): number | null => {
  const m = /(\d{4})\s*年/.exec(title);
  return m ? Number(m[1]) : null;
};

/** The year the statistics cover, as preambles state it (统计期限自2024年1月1日起). */
export function yearInText(text: string): number | null {
  const period = /(\d{4})\s*年\s*1\s*月\s*1\s*日\s*(起|至|到|—|-)/.exec(text);
  if (period) return Number(period[1]);
  const first = /(20\d{2})\s*年/.exec(text);
  return first ? Number(first[1]) : null;
}

const field = (text: string, labels: string, value: string) =>
  new RegExp(`(?:${labels})\\s*[:：]\\s*(${value})`).exec(text)?.[1]?.trim();

export function readContact(text: string, agencyName: string | null): Contact | undefined {
  const t = foldWidth(text).replace(/[（）]/g, (c) => (c === '（' ? '(' : ')'));
  const contact: Contact = {};
  const address = field(t, '通讯地址|通信地址|联系地址|办公地址|地址', '[^;；,，。)\\n]{4,60}');
  const postcode = field(t, '邮政编码|邮编', '\\d{6}');
  const phone = field(t, '联系电话|咨询电话|电话', '[\\d\\-()]{7,20}(?:[、/][\\d\\-()]{7,20})?');
  const email = field(t, '电子邮箱|电子信箱|邮箱|E-?mail', '[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+');
  const office = /(?:请?与|联系)([^，。,;；]{2,40}?(?:科|室|股|中心|办公室|组))(?:联系|咨询)/.exec(t)?.[1];
  if (office) contact.office = agencyName && office.startsWith(agencyName) && office.length > agencyName.length ? office.slice(agencyName.length) : office;
  if (address) contact.address = address;
  if (postcode) contact.postcode = postcode;
  if (phone) contact.phone = phone;
  if (email) contact.email = email;
  return Object.keys(contact).length > 1 || address || email ? contact : undefined;
}

export function readPortal(text: string): string | undefined {
  const m = /(https?:\/\/)?((?:www|zwgk|xxgk)\.[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov\.cn|cn|com|net))/i.exec(foldWidth(text));
  return m ? `${m[1] ?? 'https://'}${m[2]!.toLowerCase()}` : undefined;
}
