import { findPhoneNumbers } from './find-numbers';
import type { CountryCode } from './libphonenumber';
import { parsePhoneField } from './parse-phone-value';

/**
 * Whether `text` (what a link shows the agent) shows the number `dial` (what the link dials): the
 * whole text, or a number in it, reads as that same dial string for the agent's default country.
 * "(415) 555-0123" for `tel:+14155550123` does; "View your invoice" does not, nor does another
 * number.
 */
export function showsNumber(
  text: string,
  dial: string,
  defaultCountry: CountryCode | undefined,
): boolean {
  if (parsePhoneField(text, defaultCountry)?.dial === dial) return true;
  return findPhoneNumbers(text, { defaultCountry }).some((match) => match.dial === dial);
}
