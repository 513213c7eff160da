import { AppError } from '../errors';

/** Spaces, dashes, dots and brackets an administrator may write for readability. */
const SEPARATORS = /[\s\-.()]/g;

/** After the separators: an optional leading `+`, then digits, `*` (any digits) and `?` (one). */
const PATTERN = /^\+?[0-9*?]+$/;

/** Long enough for any E.164 number with a prefix; short enough to stay a pattern. */
const MAX_PATTERN_LENGTH = 40;

/**
 * A blocked-numbers entry as a matcher. `+1900*` blocks every number that starts +1 900;
 * `+34 90? 12*` takes `?` for exactly one dial character and `*` for any run of them (none
 * included); without `*` the whole number must match. Spaces, dashes, dots and brackets are ignored.
 * An entry with a `+` is read against the E.164 number, one without against the digits as dialled
 * (the house dial plan's form, `9011900…`, or a short code). An entry needs at least one digit, so
 * a stray `*` cannot block every call. Throws `errorBlockedPatternInvalid` for anything else.
 */
export function parseBlockedPattern(entry: unknown): RegExp {
  const compact = typeof entry === 'string' ? entry.replace(SEPARATORS, '') : '';
  if (!PATTERN.test(compact) || !/[0-9]/.test(compact) || compact.length > MAX_PATTERN_LENGTH) {
    throw new AppError('errorBlockedPatternInvalid');
  }
  const source = [...compact]
    .map((char) =>
      char === '*' ? '[0-9*#]*' : char === '?' ? '[0-9*#]' : char === '+' ? '\\+' : char,
    )
    .join('');
  return new RegExp(`^${source}$`);
}

/** Every entry checked; one invalid entry refuses the whole list (no list is half-applied). */
export function parseBlockedNumbers(value: unknown): string[] {
  if (!Array.isArray(value)) throw new AppError('errorBlockedPatternInvalid');
  for (const entry of value) parseBlockedPattern(entry);
  return [...new Set(value.map((entry: string) => entry.trim()))];
}

/**
 * The first entry that blocks any of `dialled` (the forms one call takes: the dial string, its
 * E.164 reading, the dial plan's target), or null when the call may go ahead.
 */
export function blockingEntry(
  dialled: readonly string[],
  entries: readonly string[],
): string | null {
  for (const entry of entries) {
    // Entries are checked when saved and when read from policy; one that is not throws (no call).
    const matcher = parseBlockedPattern(entry);
    if (dialled.some((dial) => matcher.test(dial))) return entry;
  }
  return null;
}
