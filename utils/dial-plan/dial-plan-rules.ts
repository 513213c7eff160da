import { AppError } from '../errors';
import { isSupportedCountry, type CountryCode } from '../phone-numbers/libphonenumber';
import { numberingPlan } from './numbering-plan';

/**
 * How the contact center's PBX wants numbers dialled ("house format"). Applied after a number is
 * normalized (`sanitizeDialString`) and before it becomes a SIP target. See `applyDialPlan`.
 */
export interface DialPlan {
  /** The country the PBX's trunk is in: numbers with its calling code are domestic calls. */
  homeCountry: CountryCode;
  /** Digits the PBX needs to seize an outside line (`9`, `0`); empty when it needs none. */
  outsideLinePrefix: string;
  /** Domestic numbers: `national` (trunk prefix + number as dialled in the country) or `e164`. */
  domestic: 'national' | 'e164';
  /** Trunk prefix before domestic numbers: `0` in UY/AR/BR, `1` in the US, empty in ES/MX. */
  nationalPrefix: string;
  /** Before foreign numbers: `00`, `011`; `+` keeps them in E.164 (`+5491123456789`). */
  internationalPrefix: string;
  /**
   * Carrier selection code dialled right after the national or international prefix: Brazil's
   * CSP (`0` + `21` + area code, `00` + `21` + country code). Empty elsewhere.
   */
  carrierCode: string;
  /** Digit strings this long are internal extensions, dialled untouched; null: no such rule. */
  extensionLength: { min: number; max: number } | null;
}

/**
 * A dial plan as an administrator's policy or the options page writes it: only `homeCountry` is
 * required; the prefixes default from libphonenumber's metadata for that country.
 */
export interface DialPlanRules {
  homeCountry: string;
  outsideLinePrefix?: string;
  domestic?: DialPlan['domestic'];
  nationalPrefix?: string;
  internationalPrefix?: string;
  carrierCode?: string;
  extensionLength?: { min: number; max: number } | null;
}

/** Internal extensions in the example; longer ones would collide with national numbers. */
const DEFAULT_EXTENSION_LENGTH = { min: 3, max: 6 } as const;

/**
 * Extensions stop at 6 digits: the shortest national numbers of the countries we serve are
 * 7 (Uruguay's 0800 services), so a longer "extension" would swallow real numbers.
 */
const MAX_EXTENSION_LENGTH = 6;

const RULE_NAMES: ReadonlySet<string> = new Set<keyof DialPlanRules>([
  'homeCountry',
  'outsideLinePrefix',
  'domestic',
  'nationalPrefix',
  'internationalPrefix',
  'carrierCode',
  'extensionLength',
]);

const DIGITS_UP_TO_4 = /^\d{0,4}$/;

/**
 * The complete plan for `raw`, or an `AppError` naming the first rule that is wrong. The whole
 * plan is refused on any error, unknown rules included (a misspelt rule silently ignored would
 * leave the plan half-applied).
 */
export function parseDialPlan(raw: unknown): DialPlan {
  if (!isRecord(raw)) throw new AppError('dialPlanInvalid');
  const unknown = Object.keys(raw).find((name) => !RULE_NAMES.has(name));
  if (unknown !== undefined) throw new AppError('dialPlanUnknownRule', [unknown]);

  const homeCountry = parseCountry(raw.homeCountry);
  const defaults = numberingPlan(homeCountry);
  const outsideLinePrefix = digits(raw.outsideLinePrefix, '', 'dialPlanOutsideLineInvalid');
  const nationalPrefix = digits(
    raw.nationalPrefix,
    defaults.nationalPrefix,
    'dialPlanNationalPrefixInvalid',
  );
  const internationalPrefix = parseInternationalPrefix(
    raw.internationalPrefix,
    defaults.internationalPrefix,
  );
  const carrierCode = digits(raw.carrierCode, '', 'dialPlanCarrierCodeInvalid');
  if (carrierCode && !nationalPrefix) throw new AppError('dialPlanCarrierCodeInvalid');
  if (nationalPrefix && nationalPrefix === internationalPrefix)
    throw new AppError('dialPlanPrefixesConflict');

  const domestic = raw.domestic ?? 'national';
  if (domestic !== 'national' && domestic !== 'e164') throw new AppError('dialPlanDomesticInvalid');

  return {
    homeCountry,
    outsideLinePrefix,
    domestic,
    nationalPrefix,
    internationalPrefix,
    carrierCode,
    extensionLength: parseExtensionLength(raw.extensionLength),
  };
}

function parseCountry(value: unknown): CountryCode {
  const text = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!isSupportedCountry(text))
    throw new AppError('dialPlanCountryInvalid', [String(value ?? '')]);
  return text;
}

function digits(
  value: unknown,
  fallback: string,
  key:
    'dialPlanOutsideLineInvalid' | 'dialPlanNationalPrefixInvalid' | 'dialPlanCarrierCodeInvalid',
): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !DIGITS_UP_TO_4.test(value)) throw new AppError(key);
  return value;
}

function parseInternationalPrefix(value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^(?:\+|\d{1,4})$/.test(value))
    throw new AppError('dialPlanInternationalPrefixInvalid');
  return value;
}

function parseExtensionLength(value: unknown): DialPlan['extensionLength'] {
  if (value === undefined) return { ...DEFAULT_EXTENSION_LENGTH };
  if (value === null) return null;
  const range = isRecord(value) ? value : {};
  const { min, max } = range;
  if (
    typeof min !== 'number' ||
    typeof max !== 'number' ||
    !Number.isInteger(min) ||
    !Number.isInteger(max) ||
    min < 1 ||
    min > max ||
    max > MAX_EXTENSION_LENGTH ||
    Object.keys(range).length !== 2
  ) {
    throw new AppError('dialPlanExtensionLengthInvalid');
  }
  return { min, max };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
