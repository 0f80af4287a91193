/**
 * The GB/T 9704-2012 page in Word's units. The templates carry these numbers literally (so Word
 * shows them in Page Setup); the tests check the templates against this one source.
 */

/** Word measures in twentieths of a point: 1440 per inch. */
export const mmToTwips = (mm: number): number => Math.round((mm * 1440) / 25.4);

export const PAGE = { width: mmToTwips(210), height: mmToTwips(297) } as const;

/** 天头 37 mm, 下白边 35 mm, 订口 28 mm, 翻口 26 mm. */
export const MARGINS = { top: mmToTwips(37), bottom: mmToTwips(35), left: mmToTwips(28), right: mmToTwips(26) } as const;

/** The type area (版心): 156 mm × 225 mm. */
export const TYPE_AREA = {
  width: PAGE.width - MARGINS.left - MARGINS.right,
  height: PAGE.height - MARGINS.top - MARGINS.bottom,
} as const;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** 3号: the body size every grid cell is measured from (half-points in Word). */
export const BODY_FONT_PT = 16;

/**
 * `w:docGrid w:linePitch`: twips per line. Rounded down, or 22 pitches would overrun the type
 * area and Word would fit only 21 lines.
 */
export const LINE_PITCH = Math.floor(TYPE_AREA.height / LINES_PER_PAGE);

/**
 * `w:docGrid w:charSpace`: Word's character pitch is the Normal font size plus charSpace/4096 pt.
 * Rounded down for the same reason: 28 pitches must fit in the type area's width.
 */
export const CHAR_SPACE = Math.floor((TYPE_AREA.width / CHARS_PER_LINE / 20 - BODY_FONT_PT) * 4096);

/** One grid character in twips, as Word lays it out (for indents given in twips). */
export const CHAR_PITCH = (BODY_FONT_PT + CHAR_SPACE / 4096) * 20;

/**
 * An indent of whole grid characters in twips, for the `w:firstLine`/`w:left`/`w:right` that go
 * with `w:firstLineChars` & co. Word reads the character count; LibreOffice reads only the twips
 * and snaps the text to the next grid cell, whose width it rounds down (to 5.55 mm), so the twips
 * stay a hair under whole characters.
 */
export const indentTwips = (chars: number): number => Math.floor(chars * CHAR_PITCH * 0.99);
