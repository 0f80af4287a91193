/** Dates as the documents print them: Arabic numerals without padding, 2024年2月2日. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** The parts of a string shaped YYYY-MM-DD, whether or not the calendar has that day (2023-02-30 too). */
export function splitIsoDate(value: string): DateParts | null {
  const m = ISO_DATE.exec(value);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

/** Parses YYYY-MM-DD into its parts when it names a real calendar day. */
export function parseIsoDate(value: string): DateParts | null {
  const parts = splitIsoDate(value);
  if (!parts) return null;
  const { year, month, day } = parts;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? parts : null;
}

export function formatChineseDate(value: string): string {
  const d = parseIsoDate(value);
  if (!d) throw new Error(`not a date: ${value}`);
  return `${d.year}年${d.month}月${d.day}日`;
}
