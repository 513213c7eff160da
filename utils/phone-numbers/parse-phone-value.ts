import { sanitizeDialString } from './dial-string';
import { parsePhoneNumberFromString, type CountryCode } from './libphonenumber';

/** A number taken from a place that holds exactly one: a `tel:` link, a phone field or input. */
export interface PhoneValue {
  /** The number as shown, whitespace collapsed. */
  display: string;
  /** E.164 when the number is valid for the default country, else its digits with `+ * #`. */
  dial: string;
  /** Extension digits to send as DTMF once the call connects; undefined when there is none. */
  extension: string | undefined;
  /** International format (with extension) when valid, else the text as shown; for tooltips. */
  formatted: string;
}

/** Internal extensions (`tel:1234`) and feature codes (`*72`) are real targets; `12` is not. */
const MIN_DIAL_LENGTH = 3;

/** An RFC 3966 parameter (`ext=12`, `phone-context=+1`); anything else makes the link suspect. */
const TEL_PARAMETER = /^[A-Za-z0-9-]+(?:=[A-Za-z0-9\-.+*#%]*)?$/;

/**
 * Reads the number in a `tel:` (or `callto:`) link. The author said it is a phone number, so a number
 * that is possible but not valid (an internal extension, a fictional range) is still dialled as its
 * digits. Returns null for other schemes and for anything the dial-string rules refuse.
 */
export function parseTelHref(
  href: string,
  shown: string,
  defaultCountry: CountryCode | undefined,
): PhoneValue | null {
  const scheme = /^\s*(?:tel|callto):(?:\/\/)?/i.exec(href);
  if (!scheme) return null;
  let value: string;
  try {
    value = decodeURIComponent(href.slice(scheme[0].length));
  } catch {
    return null;
  }
  // RFC 3966 parameters: keep `;ext=`, ignore `;phone-context=` and friends.
  const [number = '', ...parameters] = value.split(';');
  if (!parameters.every((parameter) => TEL_PARAMETER.test(parameter))) return null;
  const extension = parameters.find((p) => /^ext=\d{1,15}$/i.test(p))?.slice(4);
  const display = collapse(shown) || collapse(number);
  return parseValue(number, display, extension, defaultCountry);
}

/** Reads a field or input whose whole value is one phone number (`Phone: (415) 555-0123`). */
export function parsePhoneField(
  text: string,
  defaultCountry: CountryCode | undefined,
): PhoneValue | null {
  const display = collapse(text);
  if (!display || display.length > 64) return null;
  const parsed = parsePhoneNumberFromString(display, { defaultCountry, extract: false });
  if (parsed?.isValid())
    return fromParsed(parsed.number, parsed.ext, parsed.formatInternational(), display);
  // Not a valid number: only a plain run of digits and separators counts, never text with words.
  if (!/^\+?[\d\s().\-/]+$/.test(display)) return null;
  return parseValue(display, display, undefined, defaultCountry);
}

function parseValue(
  number: string,
  display: string,
  extension: string | undefined,
  defaultCountry: CountryCode | undefined,
): PhoneValue | null {
  const parsed = parsePhoneNumberFromString(number, { defaultCountry, extract: false });
  if (parsed?.isValid()) {
    return fromParsed(
      parsed.number,
      extension ?? parsed.ext,
      parsed.formatInternational(),
      display,
    );
  }
  const dial = sanitizeDialString(number);
  if (!dial || dial.length < MIN_DIAL_LENGTH) return null;
  return { display: display || dial, dial, extension, formatted: display || dial };
}

function fromParsed(
  e164: string,
  extension: string | undefined,
  formatted: string,
  display: string,
): PhoneValue | null {
  const dial = sanitizeDialString(e164);
  if (!dial) return null;
  const ext = extension && /^\d{1,15}$/.test(extension) ? extension : undefined;
  return { display: display || formatted, dial, extension: ext, formatted };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
