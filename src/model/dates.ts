/** Dates as the documents print them: Arabic numerals without padding, 2024年2月2日. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD into its parts when it names a real calendar day. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
    ? { year, month, day }
    : null;
}

export function formatChineseDate(value: string): string {
  const d = parseIsoDate(value);
  if (!d) throw new Error(`not a date: ${value}`);
  return `${d.year}年${d.month}月${d.day}日`;
}
