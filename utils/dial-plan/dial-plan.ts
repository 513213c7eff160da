import { parsePhoneNumberFromString, type PhoneNumber } from '../phone-numbers/libphonenumber';
import type { DialPlan } from './dial-plan-rules';
import { numberingPlan } from './numbering-plan';

/**
 * Prefixes Mexico retired when it moved to 10-digit dialling on 3 August 2019 (IFT): `01` (long
 * distance) and `044`/`045` (mobiles) before the 10 digits, and the `1` after `+52` for mobiles.
 * CRM records still hold numbers written that way; they are dialled as today's 10 digits.
 */
const MEXICO_LEGACY_MOBILE = /^\+521(?=\d{10}$)/;
const MEXICO_LEGACY_PREFIX = /^(?:01|04[45])(?=\d{10}$)/;

/**
 * The string the PBX is sent for `dial` (a `sanitizeDialString` result: E.164 such as
 * `+59829012345`, or digits with `* #`), in the house format of `plan`:
 *
 * - feature codes (anything with `*` or `#`) and internal extensions (`extensionLength` digits,
 *   also when libphonenumber read them as a short home number, `+5982345`) stay untouched;
 * - domestic numbers (the home country's calling code): outside line + national prefix + carrier
 *   code + the number as dialled in the country (`+59829012345` → `029012345`; Argentine mobiles
 *   `+54 9 11 …` → `0 11 15 …`), or E.164 when `domestic` is `e164`;
 * - foreign numbers: outside line + international prefix + carrier code + country code + number
 *   (`+5491123456789` from UY → `005491123456789`), or E.164 when the prefix is `+`;
 * - digits typed in a dialable form (`029012345`, `005491123456789`) are read as that number and
 *   rewritten; digits that already start with the outside line followed by a number we can read
 *   (`9029012345`) are taken as already prefixed and stay as typed, so nothing is prefixed twice;
 * - digits we cannot read as a number stay as they are: we only rewrite what we understand, and
 *   the preview shows the agent exactly what will be dialled.
 *
 * Pure and synchronous: the button tooltip and the popup call it for the preview, the background
 * right before dialling.
 */
export function applyDialPlan(dial: string, plan: DialPlan): string {
  if (!/^\+?\d+$/.test(dial)) return dial;
  if (dial.startsWith('+')) {
    const number = parsePhoneNumberFromString(dial.replace(MEXICO_LEGACY_MOBILE, '+52'));
    return number ? dialNumber(number, plan) : dial;
  }
  if (isExtension(dial, plan)) return dial;
  const outside = plan.outsideLinePrefix;
  if (outside && dial.startsWith(outside) && readNumber(dial.slice(outside.length), plan)) {
    return dial;
  }
  const number = readNumber(dial, plan);
  return number ? dialNumber(number, plan) : dial;
}

function dialNumber(number: PhoneNumber, plan: DialPlan): string {
  const home = numberingPlan(plan.homeCountry);
  if (number.countryCallingCode !== home.callingCode) {
    if (plan.internationalPrefix === '+') return number.number;
    return (
      plan.outsideLinePrefix +
      plan.internationalPrefix +
      plan.carrierCode +
      number.countryCallingCode +
      number.nationalNumber
    );
  }
  if (isExtension(number.nationalNumber, plan)) return number.nationalNumber;
  if (plan.domestic === 'e164') return number.number;
  return (
    plan.outsideLinePrefix +
    plan.nationalPrefix +
    plan.carrierCode +
    domesticNumber(number, home.nationalPrefix)
  );
}

/**
 * The number as dialled inside its country, without the trunk prefix: libphonenumber's national
 * format, which knows the local forms (Argentine mobiles are `9` + area + number in E.164 but
 * area + `15` + number at home), minus the trunk prefix that format may start with.
 */
function domesticNumber(number: PhoneNumber, trunkPrefix: string): string {
  if (!number.isValid()) return number.nationalNumber;
  const national = number.formatNational().replace(/\D/g, '');
  if (national === number.nationalNumber) return national;
  return trunkPrefix && national.startsWith(trunkPrefix)
    ? national.slice(trunkPrefix.length)
    : national;
}

/**
 * The valid number a string of digits stands for: as dialled in the home country (libphonenumber
 * knows its own trunk and international prefixes, Argentina's `15` and Brazil's carrier codes),
 * else with the plan's own prefixes (and carrier code) taken off.
 */
function readNumber(digits: string, plan: DialPlan): PhoneNumber | undefined {
  const { homeCountry, internationalPrefix, nationalPrefix, carrierCode } = plan;
  const candidates: (() => PhoneNumber | undefined)[] = [
    () => parsePhoneNumberFromString(digits, homeCountry),
  ];
  if (homeCountry === 'MX' && MEXICO_LEGACY_PREFIX.test(digits)) {
    candidates.push(() =>
      parsePhoneNumberFromString(digits.replace(MEXICO_LEGACY_PREFIX, ''), 'MX'),
    );
  }
  if (internationalPrefix !== '+' && digits.startsWith(internationalPrefix)) {
    const rest = digits.slice(internationalPrefix.length);
    candidates.push(
      () => parsePhoneNumberFromString(`+${withoutCarrier(rest, carrierCode)}`),
      () => parsePhoneNumberFromString(`+${rest}`),
    );
  }
  if (nationalPrefix && digits.startsWith(nationalPrefix)) {
    // What follows the house prefix must be the domestic number itself: libphonenumber would
    // also take off a second trunk prefix (`0` + `029012345`), which is no number anyone dialled.
    const rest = withoutCarrier(digits.slice(nationalPrefix.length), carrierCode);
    candidates.push(() => {
      const number = parsePhoneNumberFromString(rest, homeCountry);
      const trunkPrefix = numberingPlan(homeCountry).nationalPrefix;
      return number && domesticNumber(number, trunkPrefix) === rest ? number : undefined;
    });
  }
  for (const candidate of candidates) {
    const number = candidate();
    if (number?.isValid()) return number;
  }
  return undefined;
}

function withoutCarrier(digits: string, carrierCode: string): string {
  return carrierCode && digits.startsWith(carrierCode) ? digits.slice(carrierCode.length) : digits;
}

function isExtension(digits: string, { extensionLength }: DialPlan): boolean {
  return (
    extensionLength !== null &&
    digits.length >= extensionLength.min &&
    digits.length <= extensionLength.max
  );
}
