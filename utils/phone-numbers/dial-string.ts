import { parsePhoneNumberFromString, type CountryCode } from './libphonenumber';

/** The most digits a dial string may hold; E.164 needs 15, feature codes and extensions a few more. */
export const MAX_DIAL_DIGITS = 32;

/** Visual separators people and CRMs put inside numbers; dropped before anything is checked. */
const SEPARATORS = /[ \u00A0\u2007\u2009\u202F\-\u2010-\u2015\u2212.()[\]]/g;

/** After the separators are gone, exactly this may remain: an optional leading `+`, digits, `*`, `#`. */
const DIAL_STRING = /^\+?[0-9*#]+$/;

/**
 * A string that is safe to put between `sip:` and `@host`: digits with `+ * #`, E.164 when it is a
 * valid number for `defaultCountry` (or carries its own `+country`), otherwise the digits as given.
 * Returns null for anything else, so SIP syntax (`@ : ; < > ,`), whitespace other than plain spaces,
 * control and format characters, letters and over-long input never reach sip.js.
 *
 * Runs in the content script (before a button exists) and again in the background (before dialling).
 */
export function sanitizeDialString(input: string, defaultCountry?: CountryCode): string | null {
  // NFKC folds full-width digits (and full-width `＠`, `：`, which are then refused like the ASCII ones).
  const compact = input.normalize('NFKC').trim().replace(SEPARATORS, '');
  if (!DIAL_STRING.test(compact)) return null;
  const digits = compact.replace(/[^0-9]/g, '').length;
  if (digits === 0 || digits > MAX_DIAL_DIGITS) return null;
  if (/[*#]/.test(compact)) return compact;
  const parsed = parsePhoneNumberFromString(compact, defaultCountry);
  return parsed?.isValid() ? parsed.number : compact;
}
