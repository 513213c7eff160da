import { AppError } from '../errors';

/** At most 32 symbols: longer strings are not phone numbers and only serve abuse. */
const DIAL_STRING = /^\+?[0-9*#]{1,32}$/;

/**
 * The last guard before a string becomes part of a SIP URI: only an optional `+` and digits,
 * `*`, `#`. Anything else (`@ : ; < > ,`, spaces, control characters) is refused, never cleaned.
 */
export function assertDialString(dial: string): string {
  if (!DIAL_STRING.test(dial)) throw new AppError('errorDialInvalid');
  return dial;
}
