import { dialSymbols } from '../untrusted-text';

/**
 * The screen-pop URL for a caller: `{number}` replaced by the caller's number reduced to what a
 * dial string holds (a leading `+`, digits, `*`, `#`; URL-encoded), since that number is whatever
 * the INVITE said. Only http(s) URLs are opened; anything else (a `javascript:` template, say),
 * and a caller with no digits at all (`anonymous`), yield null.
 */
export function screenPopUrl(template: string, number: string): string | null {
  const digits = dialSymbols(number);
  if (!template.includes('{number}') || !digits) return null;
  const url = template.split('{number}').join(encodeURIComponent(digits));
  // A preset whose `{host}` or `{portal}` was never filled in points nowhere real.
  if (/\{[a-z]+\}/i.test(url)) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
