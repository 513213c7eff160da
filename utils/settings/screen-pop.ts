/**
 * The screen-pop URL for a caller: `{number}` replaced (URL-encoded). Only http(s) URLs are
 * opened; anything else (a `javascript:` template, say) yields null.
 */
export function screenPopUrl(template: string, number: string): string | null {
  if (!template.includes('{number}') || !number) return null;
  const url = template.split('{number}').join(encodeURIComponent(number));
  // A preset whose `{host}` or `{portal}` was never filled in points nowhere real.
  if (/\{[a-z]+\}/i.test(url)) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
