import { countDigits } from './count-digits';
import { sanitizeDialString } from './dial-string';
import { foldToAscii } from './fold-to-ascii';
import { findNumbers, type CountryCode, type PhoneNumber } from './libphonenumber';
import type { PhoneValue } from './parse-phone-value';
import { findNotPhoneRanges, isPartOfIdentifier, type TextRange } from './not-phone-numbers';

/** One phone number found in a text. */
export interface PhoneMatch extends PhoneValue {
  /** Range in the text (`text.slice(start, end)` is the number as shown, extension included). */
  start: number;
  end: number;
}

export interface FindOptions {
  /** The agent's default country, for numbers written without `+country`. */
  defaultCountry: CountryCode | undefined;
}

/**
 * National numbers shorter than this are short codes, ZIP codes or IDs far more often than phones
 * (Uruguay's 4-digit `2xxx` codes are valid numbers, and so is the `2345` inside an IBAN).
 */
const MIN_NATIONAL_DIGITS = 6;

/** Below this many digits a text cannot hold a number worth a button; skip all work. */
const MIN_DIGITS = MIN_NATIONAL_DIGITS;

/** Filler for masked characters: not a digit, letter, currency sign or phone punctuation. */
const MASK = '\u0001';

/**
 * Valid phone numbers in `text`, in order. Uses libphonenumber's matcher (leniency VALID) on a
 * masked copy of the text, so dates, money, IBANs and the like never reach it and cannot swallow a
 * neighbouring number, then drops matches that are part of an identifier. The rules read an
 * ASCII-folded copy (full-width `４１５-６６６-７７７７` is found, a full-width date is not); ranges
 * and `display` refer to `text` as given.
 */
export function findPhoneNumbers(text: string, { defaultCountry }: FindOptions): PhoneMatch[] {
  if (countDigits(text, MIN_DIGITS) < MIN_DIGITS) return [];
  const ascii = foldToAscii(text);
  const masked = maskForMatcher(ascii, findNotPhoneRanges(ascii, defaultCountry));
  // Dates, amounts, IBANs… masked away often leave too few digits for any number (the shortest
  // valid ones, country code included, have six): skip the matcher, the costly part.
  if (countDigits(masked, MIN_DIGITS) < MIN_DIGITS) return [];
  const matches: PhoneMatch[] = [];
  for (const { startsAt, endsAt, number } of findNumbers(masked, { defaultCountry, v2: true })) {
    if (
      !masked.slice(startsAt, endsAt).includes('+') &&
      number.nationalNumber.length < MIN_NATIONAL_DIGITS
    ) {
      continue;
    }
    if (isPartOfIdentifier(ascii, startsAt, endsAt)) continue;
    const match = toMatch(text, startsAt, endsAt, number);
    if (match) matches.push(match);
  }
  return matches;
}

function toMatch(text: string, start: number, end: number, number: PhoneNumber): PhoneMatch | null {
  const dial = sanitizeDialString(number.number);
  if (!dial) return null;
  const extension = number.ext && /^\d{1,15}$/.test(number.ext) ? number.ext : undefined;
  return {
    start,
    end,
    display: text.slice(start, end).replace(/\s+/g, ' ').trim(),
    dial,
    extension,
    formatted: number.formatInternational(),
  };
}

/** Extension words libphonenumber does not know, replaced by `ext` of the same length. */
const EXTENSION_WORDS = /\b(?:interno|ramal|extens[aã]o|poste|durchwahl)\b/gi;

/**
 * Same-length copy of `text` for the matcher: excluded ranges blanked, single commas and spaced
 * slashes turned into separators (libphonenumber reads `, 123` as an extension and lets a date
 * in a `a / b / c` list veto every number in it), local extension words spelled `ext`.
 */
function maskForMatcher(text: string, excluded: readonly TextRange[]): string {
  const chars = text
    .replace(EXTENSION_WORDS, (word) => 'ext'.padStart(word.length, ' '))
    // ...except a comma before an extension word: "514 555-0147, poste 204" keeps its extension.
    .replace(/(?<!,),(?!,)(?!\s*(?:ext|x)\.?\s*\d)/gi, MASK)
    .replace(/(?<=\s)\/(?=\s)/g, MASK)
    .split('');
  for (const { start, end } of excluded) chars.fill(MASK, start, end);
  return chars.join('');
}
