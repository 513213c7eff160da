/**
 * Text that comes from outside (AgentLogin's `fullname`, a caller's display name and number from
 * an INVITE, the number a CRM page showed) is data: it is cleaned here, once, at the boundary where
 * it enters, before it reaches sip.js, a notification, the popup, the history or a URL.
 *
 * Cleaning keeps every printable letter, mark, digit, symbol and emoji (accents, CJK, Arabic,
 * flags, ZWJ sequences survive untouched) and takes out what can only hurt:
 * - control characters (C0, DEL, C1); line breaks and tabs become a space, the rest go;
 * - `"` and `\`, which end or escape the quoted display name of a SIP header (sip.js writes
 *   `"name" <uri>` without escaping);
 * - invisible format characters (Unicode `Cf`): bidi embeddings, overrides and isolates
 *   (U+202A–202E, U+2066–2069), and also the bidi marks U+200E, U+200F and U+061C: a name or a
 *   number needs none of them, and all of them can reorder what the agent reads (a number shown
 *   backwards); zero-width spaces, word joiners, BOMs, soft hyphens. Kept: ZWNJ and ZWJ
 *   (U+200C, U+200D), which Persian and Indic spelling and emoji sequences need, and the emoji
 *   tag characters of subdivision flags;
 * - lone surrogates (broken UTF-16);
 * then runs of white space fold to one space, and the text is cut to a bound, at a character
 * boundary (a whole emoji, never half of one), ending in `…` when it was cut.
 */

/** The most characters (graphemes) a name keeps: longer ones are cut, with `…`. */
export const NAME_MAX_LENGTH = 64;
/** The most characters a number as shown keeps; a dial string holds at most 32 symbols too. */
export const NUMBER_MAX_LENGTH = 32;

const LINE_BREAKS = /[\r\n\t\v\f\u0085\u2028\u2029]/g;
/** Format characters except ZWNJ, ZWJ and the emoji tag characters (U+E0020–E007F). */
const INVISIBLE = /[\p{Cc}"\\\p{Cs}]|(?![\u200C\u200D]|[\u{E0020}-\u{E007F}])\p{Cf}/gu;
const WHITE_SPACE = /\s+/gu;
const ELLIPSIS = '…';

/** A display name or full name from outside, cleaned and at most `NAME_MAX_LENGTH` characters. */
export function untrustedName(value: unknown): string {
  return clean(value, NAME_MAX_LENGTH);
}

/** A caller number as shown (the From user part, a page's number), cleaned and bounded. */
export function untrustedNumber(value: unknown): string {
  return clean(value, NUMBER_MAX_LENGTH);
}

/**
 * Only what a dial string may hold, for a URL: a leading `+`, then digits, `*` and `#`, at most
 * 32 of them. Separators and anything else are dropped: `+1 (415) 555-0123` gives
 * `+14155550123`, `anonymous` gives an empty string.
 */
export function dialSymbols(value: unknown): string {
  if (typeof value !== 'string') return '';
  const text = value.normalize('NFKC').trim();
  const symbols = text.replace(/[^0-9*#]/g, '').slice(0, NUMBER_MAX_LENGTH);
  return symbols && text.startsWith('+') ? `+${symbols}` : symbols;
}

function clean(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  const text = value
    .replace(LINE_BREAKS, ' ')
    .replace(INVISIBLE, '')
    .replace(WHITE_SPACE, ' ')
    .trim();
  return bounded(text, max);
}

/** `text` cut to `max` characters as a reader counts them (graphemes), `…` last when cut. */
function bounded(text: string, max: number): string {
  // Quick exit: fewer UTF-16 units than the bound means fewer graphemes too.
  if (text.length <= max) return text;
  const graphemes = Array.from(
    new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text),
    ({ segment }) => segment,
  );
  if (graphemes.length <= max) return text;
  return (
    graphemes
      .slice(0, max - 1)
      .join('')
      .trimEnd() + ELLIPSIS
  );
}
