import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * Whether a call may cost the caller (or the contact center) more than an ordinary one, by
 * libphonenumber's number types: `premium-rate` (US 1-900, UK 09 and 087/084 service numbers,
 * Spain 803/806/807, Brazil 0900, Mexico 900, Argentina 0600) or `shared-cost` (Spain 901/902,
 * Brazil 0300). Null for everything else, toll-free and unknown numbers included.
 *
 * Only the `max` metadata knows the per-type ranges (`min` validates by each country's general
 * pattern and cannot tell a 900 from a landline), and it is 74 KB more: the background alone
 * imports this module (dependency-cruiser: `popup-no-number-cost`, `content-script-no-number-cost`).
 */
export type CostlyNumber = 'premium-rate' | 'shared-cost';

/**
 * `dial` is the dial string before the house dial plan rewrites it: E.164 when the number was
 * valid for the agent's country, otherwise the digits as given (read for `defaultCountry`).
 */
export function costlyNumber(dial: string, defaultCountry?: CountryCode): CostlyNumber | null {
  if (/[*#]/.test(dial)) return null; // Feature codes and extensions: the PBX's own.
  const parsed = parsePhoneNumberFromString(dial, defaultCountry);
  switch (parsed?.getType()) {
    case 'PREMIUM_RATE':
      return 'premium-rate';
    case 'SHARED_COST':
      return 'shared-cost';
    default:
      return null;
  }
}
