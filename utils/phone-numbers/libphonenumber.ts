/**
 * The one place that picks libphonenumber-js's metadata variant, so every module (and every bundle)
 * agrees on it.
 *
 * `min` (measured with `wxt build`, whole content script, minified): min 152 KB, mobile 168 KB,
 * max 226 KB. `min` validates by each country's general number pattern, which is what detection
 * needs; `max` adds per-type patterns (74 KB more) and `mobile` only knows mobile ranges, so it
 * would reject the landlines most CRM records hold. The one exception is `number-cost.ts`, which
 * needs the types (premium-rate, shared-cost) and so `max`: the background alone loads it.
 */
export {
  findNumbers,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/min';
