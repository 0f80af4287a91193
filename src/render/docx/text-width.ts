/** How wide Chinese text sets, in characters of its own size (ems). */

const HALF_WIDTH = /[\u0020-\u007e]/;

/** Set freely (titles, the letterhead): Chinese characters one em, Latin letters and digits half. */
export const emWidth = (text: string): number => [...text].reduce((w, ch) => w + (HALF_WIDTH.test(ch) ? 0.5 : 1), 0);

/**
 * Set on the character grid (running text): a run of half-width characters takes half an em each,
 * rounded up to whole grid characters, since the next Chinese character starts on the next grid
 * position (2024年2月2日 is seven).
 */
export const gridWidth = (text: string): number =>
  (text.match(/[\u0020-\u007e]+|[^\u0020-\u007e]/g) ?? []).reduce(
    (width, run) => width + (HALF_WIDTH.test(run) ? Math.ceil(run.length / 2) : 1),
    0,
  );
