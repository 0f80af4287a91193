/**
 * Where a printed title may wrap. GB/T 9704 wants a title wrapped "词意完整，排列对称": lines
 * break between phrases, never inside 2023年度 or 人民政府, and the lines are balanced. The
 * template joins these phrases with <wbr> and the CSS forbids breaks elsewhere (keep-all), so
 * text-wrap: balance can only choose among phrase boundaries.
 */

/** Phrase boundaries of the titles nianbao computes (关于报送《…》的函, …年度报告). */
const BREAK_BEFORE = /(?=关于|《|〈|\d{4}年|政府信息公开|工作(?:年度)?报告|的(?:报告|函)$)/u;
const BREAK_AFTER = /(?<=》|〉|\d{4}年度)|(?<=\d{4}年)(?!度)/u;
/** Never between an opening mark and what it opens, before a closing mark, or inside 锦界镇人民政府. */
const NO_BREAK = /(?<=[《〈（“])|(?=[》〉）”，、。]|人民政府|办公室)/u;

/**
 * Splits `title` into phrases; `names` (the agency's full and short names) are phrases too and
 * are never cut inside. Joining the result gives `title` back.
 */
export function titlePhrases(title: string, names: readonly string[] = []): string[] {
  const cuts = new Set<number>();
  for (const pattern of [BREAK_BEFORE, BREAK_AFTER]) {
    for (const m of title.matchAll(new RegExp(pattern.source, 'gu'))) cuts.add(m.index);
  }
  // Longest names first, so 锦界镇 inside 神木市锦界镇人民政府 stays whole.
  const spans: Array<[number, number]> = [];
  for (const name of [...new Set(names)].filter(Boolean).sort((a, b) => b.length - a.length)) {
    for (let at = title.indexOf(name); at !== -1; at = title.indexOf(name, at + name.length)) {
      const end = at + name.length;
      if (spans.some(([a, b]) => at >= a && end <= b)) continue;
      spans.push([at, end]);
      cuts.add(at);
      cuts.add(end);
    }
  }
  for (const m of title.matchAll(new RegExp(NO_BREAK.source, 'gu'))) cuts.delete(m.index);
  const points = [...cuts]
    .filter((i) => i > 0 && i < title.length && !spans.some(([a, b]) => i > a && i < b))
    .sort((a, b) => a - b);
  return [0, ...points].map((start, i) => title.slice(start, points[i] ?? title.length));
}
