/**
 * What comes before 一、总体情况: a cover 函 (发文机关标志, 关于报送《…》的函, 主送机关, 正文, 署名,
 * 日期), a red-header document's 发文机关标志 (…文件), 发文字号, 签发人, title, 主送机关 and opening,
 * or a plain report's title and preamble. Each part is recognised by its own form, so any of them
 * may be absent.
 */
import type { DocumentData, LetterData } from '../../model/types.ts';
import { isoDate } from './narrative.ts';
import { DATE_LINE } from './paragraphs.ts';
import { closeCjkSpaces, foldWidth } from './text-forms.ts';

export interface FrontMatter {
  letter?: Partial<LetterData> & { letterhead?: string };
  document?: Partial<Omit<DocumentData, 'number'>> & { letterhead?: string; number?: DocumentData['number'] };
  /** The report's title as printed (lines joined). */
  title?: string;
  /** Paragraphs before 一、总体情况 that are neither title nor letter. */
  preamble: string[];
}

const DOC_NUMBER = /^(.{1,12}?)[〔［\[【(（]\s*(\d{4})\s*[〕］\]】)）]\s*(\d{1,4})\s*号$/;
const RECIPIENT = /^([^，。；、\s]{2,40}?)[：:]$/;
const SIGNER = /^签发人[：:]\s*(\S{2,8})$/;
const TITLE_WORDS = /(政府信息公开|政务公开).{0,12}(报告|函)|年度报告/;

const short = (s: string) => s.length <= 40 && !/[。，；]/.test(s);

export function readFrontMatter(lines: readonly string[]): FrontMatter {
  const ls = lines.map((l) => closeCjkSpaces(l.replace(/\*\*/g, ''))).filter(Boolean);
  const front: FrontMatter = { preamble: [] };
  let i = 0;

  // The 函: its title says 关于报送…的函, perhaps broken over lines.
  const letterAt = ls.findIndex((l, k) => /^关于/.test(l) && /的函$/.test(ls.slice(k, k + 3).join('').replace(/的函.*$/, '的函')));
  if (letterAt >= 0) {
    const letter: FrontMatter['letter'] = {};
    if (letterAt > 0 && short(ls[letterAt - 1]!)) letter.letterhead = ls[letterAt - 1];
    i = letterAt;
    while (i < ls.length && !/的函$/.test(ls[i]!)) i++;
    i++;
    const number = ls.slice(Math.max(0, letterAt - 2), letterAt).find((l) => DOC_NUMBER.test(foldWidth(l)));
    if (number) letter.number = number;
    const recipient = RECIPIENT.exec(ls[i] ?? '');
    if (recipient) {
      letter.recipient = recipient[1];
      i++;
    }
    const body: string[] = [];
    while (i < ls.length && !DATE_LINE.test(ls[i]!)) body.push(ls[i++]!);
    if (i < ls.length) {
      const date = isoDate(ls[i++]!);
      const name = body.length > 1 && short(body[body.length - 1]!) ? body.pop() : undefined;
      letter.signature = { date: date ?? '', ...(name && name !== letter.letterhead ? { name } : {}) };
    }
    const text = body.join('');
    if (text && !/^现将《.*》随文报来，请予审查。?$/.test(text)) letter.body = text;
    front.letter = letter;
  }

  // A red-header document: …文件, then its 发文字号.
  const rest = ls.slice(i);
  const numberAt = rest.findIndex((l) => DOC_NUMBER.test(foldWidth(l)));
  const headAt = rest.findIndex((l) => /文件$/.test(l) && short(l));
  let k = 0;
  if (numberAt >= 0 && numberAt <= 4) {
    const m = DOC_NUMBER.exec(foldWidth(rest[numberAt]!))!;
    const doc: NonNullable<FrontMatter['document']> = { number: { prefix: m[1]!.trim(), year: Number(m[2]), number: Number(m[3]) } };
    if (headAt >= 0 && headAt < numberAt) doc.letterhead = rest[headAt];
    const signer = rest.slice(0, numberAt + 2).map((l) => SIGNER.exec(l)).find(Boolean);
    if (signer) doc.signer = signer[1];
    k = numberAt + 1 + (signer && rest[numberAt + 1] && SIGNER.test(rest[numberAt + 1]!) ? 1 : 0);
    const title: string[] = [];
    while (k < rest.length && !RECIPIENT.test(rest[k]!) && title.length < 4 && short(rest[k]!)) title.push(rest[k++]!);
    front.title = title.join('').replace(/\s+/g, '');
    const recipient = RECIPIENT.exec(rest[k] ?? '');
    if (recipient) {
      doc.recipient = recipient[1];
      k++;
    }
    const opening = rest.slice(k);
    if (opening.length) doc.opening = opening.join('\n\n');
    front.document = doc;
    return front;
  }

  // A plain report: title lines (short, the last naming the report), then the preamble.
  const titleEnd = rest.findIndex((l) => short(l) && TITLE_WORDS.test(l));
  if (titleEnd >= 0 && titleEnd <= 3 && rest.slice(0, titleEnd).every(short)) {
    front.title = rest.slice(0, titleEnd + 1).join('').replace(/\s+/g, '');
    k = titleEnd + 1;
  }
  front.preamble = rest.slice(k);
  return front;
}
