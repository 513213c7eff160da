import { describe, expect, it } from 'vitest';
import { parseTelHref } from '@/utils/phone-numbers/parse-phone-value';
import { showsNumber } from '@/utils/phone-numbers/shows-number';

/** What a `tel:` link dials (read as the scanner reads it) and whether its text shows that. */
function linkShows(href: string, text: string, country: 'US' | 'UY' | undefined = 'US'): boolean {
  const value = parseTelHref(href, text, country);
  if (!value) throw new Error(`not a phone link: ${href}`);
  return showsNumber(text, value.dial, country);
}

describe('a link shows the number it dials', () => {
  it.each([
    ['tel:+14155550123', '(415) 555-0123'],
    ['tel:+14155550123', '+1 415 555 0123'],
    ['tel:+1-415-555-0123', '415.555.0123'],
    ['tel:4155550123', '+1 (415) 555-0123'],
    ['tel:%2B14155550123', 'Call +1 415-555-0123'],
    ['tel:+19005550111', '+1 900 555 0111'],
    ['tel:1234', '1234'],
  ])('%s shown as "%s"', (href, text) => {
    expect(linkShows(href, text)).toBe(true);
  });

  it('reads national numbers for the agent’s default country', () => {
    expect(linkShows('tel:+59829001234', '2900 1234', 'UY')).toBe(true);
    // The same digits mean another number in the US: not what the link dials.
    expect(linkShows('tel:+59829001234', '2900 1234', 'US')).toBe(false);
  });

  it.each([
    ['tel:+19005550111', 'View your invoice'],
    ['tel:+19005550111', ''],
    ['tel:+19005550111', 'Call (415) 555-0123'],
    ['tel:+19005550111', '+1 900 555 0112'],
    ['tel:1234', '12345'],
  ])('%s shown as "%s" does not', (href, text) => {
    expect(linkShows(href, text)).toBe(false);
  });
});
