/** Suggests the allowed key a misspelt one was meant to be: by spelling, by case, or by its Chinese title. */
import { distance } from 'fastest-levenshtein';

export interface KeyChoice {
  key: string;
  /** The field's Chinese title; users sometimes type the title instead of the key. */
  title?: string;
}

export function suggestKey(unknown: string, choices: readonly KeyChoice[]): KeyChoice | null {
  const lower = unknown.toLowerCase();
  const byTitle = choices.find((c) => c.title && (c.title === unknown || c.title.includes(unknown) && unknown.length >= 2));
  if (byTitle && /[^\x00-\x7f]/.test(unknown)) return byTitle;
  let best: KeyChoice | null = null;
  let bestDistance = Infinity;
  for (const c of choices) {
    const d = c.key.toLowerCase() === lower ? 0 : distance(lower, c.key.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  // Allow about one typo per three letters, and at least two (recieved → received is a swap).
  const limit = Math.max(2, Math.floor(unknown.length / 3));
  return best && bestDistance <= limit ? best : null;
}
