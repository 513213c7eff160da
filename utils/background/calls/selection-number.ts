import type { DialRequest } from '../../messages';
import { findPhoneNumbers } from '../../phone-numbers/find-numbers';
import type { CountryCode } from '../../phone-numbers/libphonenumber';
import { sanitizeDialString } from '../../phone-numbers/dial-string';

/** Longer selections are pages of text, not a number to call. */
const MAX_SELECTION = 200;

/**
 * The one phone number a selection holds (context menu "Call …", the keyboard command), or null
 * when it holds none or several: the agent must see what will be dialled.
 */
export function numberInSelection(
  selection: string,
  country: CountryCode | undefined,
): DialRequest | null {
  const text = selection.trim();
  if (!text || text.length > MAX_SELECTION) return null;
  const matches = findPhoneNumbers(text, { defaultCountry: country });
  if (matches.length === 1) {
    const [match] = matches;
    return {
      dial: match!.dial,
      display: match!.display,
      ...(match!.extension ? { extension: match!.extension } : {}),
    };
  }
  if (matches.length > 1) return null;
  // Internal extensions and feature codes (1997, *97) are not "phone numbers" to the detector,
  // yet dialable. Nothing longer: dates, amounts and card numbers must not be dialled.
  if (!/^(?:\d{2,6}|[*#][\d*#\s]{1,12})$/.test(text)) return null;
  const dial = sanitizeDialString(text, country);
  return dial ? { dial, display: text } : null;
}
