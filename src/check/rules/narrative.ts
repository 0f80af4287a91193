/**
 * Numbers in the narrative against the tables (`narrative-mismatch`): where a text states a
 * quantity a table holds, in one of the phrasings of narrative-phrasings.ts, the numbers must agree.
 * The finding points at the number inside the text, with the table cell as related position.
 */
import { OVERVIEW_ITEMS } from '../../format/index.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnostic } from '../../diagnostics/rules.ts';
import type { DataPath } from '../../load/source-file.ts';
import { valueAt, type ReportContext, type RuleFamily } from '../report-context.ts';
import { NARRATIVE_QUANTITIES, OTHER_PERIOD, type NarrativeQuantity } from './narrative-phrasings.ts';

/** Every narrative field of a year file. */
const NARRATIVE_FIELDS: readonly DataPath[] = [
  ['preamble'],
  ['overview', 'intro'],
  ...OVERVIEW_ITEMS.map((item) => ['overview', item.key, 'text']),
  ['problems'],
  ['otherMatters'],
  ['letter', 'body'],
  ['document', 'opening'],
];

const lastIndexOfAny = (text: string, chars: RegExp, before: number): number => {
  for (let i = before - 1; i >= 0; i--) if (chars.test(text[i]!)) return i + 1;
  return 0;
};

/** Whether the sentence leading to the match speaks of this report's year only. */
function speaksOfThisYear(sentence: string, year: number): boolean {
  if (OTHER_PERIOD.test(sentence)) return false;
  return [...sentence.matchAll(/(\d{4})\s*年/g)].every((m) => Number(m[1]) === year);
}

/** `values`: what the tables hold for `q`, computed once per report by the caller. */
function findMismatches(ctx: ReportContext, field: DataPath, text: string, q: NarrativeQuantity, values: readonly number[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const phrasing of q.phrasings) {
    for (const match of text.matchAll(phrasing)) {
      const start = match.index;
      const stated = Number(match.groups!.n);
      const statedYear = match.groups!.y;
      if (statedYear !== undefined && Number(statedYear) !== ctx.year + 1) continue;
      // A line break is no boundary: users wrap long sentences, and the year may sit on the line before.
      const sentenceStart = lastIndexOfAny(text, /[。！？；]/, start);
      if (!speaksOfThisYear(text.slice(sentenceStart, start), ctx.year)) continue;
      if (q.inSentence && !q.inSentence.test(text.slice(sentenceStart, start + match[0].length))) continue;
      const clause = text.slice(lastIndexOfAny(text, /[，,。；！？、：]/, start), start);
      if (q.notAfter?.test(clause)) continue;
      if (values.includes(stated)) continue;
      const expected = q.describe ? q.describe(values) : String(values[0]);
      out.push(
        diagnostic(
          'narrative-mismatch',
          ctx.report.source.locateText(field, match.indices!.groups!.n![0]),
          `正文写的是“${match[0].trim()}”，但${q.label}为 ${expected}`,
          [{ ...ctx.report.source.locate(q.cell), message: `${q.label}：${values[0]}` }],
        ),
      );
    }
  }
  return out;
}

export const narrativeNumbers: RuleFamily = {
  name: 'narrative-mismatch',
  needs: {},
  run(ctx) {
    const sound = (p: DataPath) => ctx.report.soundness.isSound(p);
    const quantities = NARRATIVE_QUANTITIES.filter((q) => q.needs.every(sound)).map((q) => ({ q, values: q.values(ctx.report.data) }));
    return NARRATIVE_FIELDS.filter(sound).flatMap((field) => {
      const text = valueAt(ctx.report.data, field);
      return typeof text === 'string' ? quantities.flatMap(({ q, values }) => findMismatches(ctx, field, text, q, values)) : [];
    });
  },
};
