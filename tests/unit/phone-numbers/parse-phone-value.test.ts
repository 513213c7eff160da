import { describe, expect, it } from 'vitest';
import { parsePhoneField, parseTelHref } from '@/utils/phone-numbers/parse-phone-value';

describe('parseTelHref', () => {
  it.each([
    ['tel:+14155550123', '(415) 555-0123', '+14155550123', undefined],
    ['tel:(415)%20555-0123', '', '+14155550123', undefined],
    ['TEL:+1-415-555-0123;ext=45', 'Main line', '+14155550123', '45'],
    ['tel:4155550123;phone-context=+1', '', '+14155550123', undefined],
    ['callto:+598 2400 1234', '', '+59824001234', undefined],
    ['tel:1997', 'Agent 1997', '1997', undefined],
    ['tel:*72', '', '*72', undefined],
  ])('%s → %s', (href, shown, dial, extension) => {
    expect(parseTelHref(href, shown, 'US')).toMatchObject({ dial, extension });
  });

  it('keeps the text shown as display, or the number when the link has no text', () => {
    expect(parseTelHref('tel:+14155550123', ' Call  us ', 'US')?.display).toBe('Call us');
    expect(parseTelHref('tel:+14155550123', '', 'US')?.display).toBe('+14155550123');
  });

  it.each([
    ['mailto:a@b.c'],
    ['https://example.com/tel:123'],
    ['tel:1@evil.com'],
    ['tel:123;transport=udp<sip:x>'],
    ['tel:%E0%A4%A'],
    ['tel:12'],
    ['tel:'],
    ['sip:1234@example.com'],
    ['sms:+14155550123'],
    ['sms:+14155550123?body=Hi'],
    ['fax:+14155550123'],
  ])('refuses %s', (href) => {
    expect(parseTelHref(href, '', 'US')).toBeNull();
  });
});

describe('parsePhoneField', () => {
  it.each([
    ['(415) 555-0123', 'US', '+14155550123'],
    ['  099 123 456 ', 'UY', '+59899123456'],
    ['555-0123', 'US', '5550123'],
    ['+1 415 555 0123 ext. 7', 'US', '+14155550123'],
  ] as const)('%j → %s', (text, country, dial) => {
    expect(parsePhoneField(text, country)?.dial).toBe(dial);
  });

  it.each([['Call me maybe'], ['12'], ['N/A'], ['see notes: 2400 1234'], ['']])(
    'refuses %j',
    (text) => {
      expect(parsePhoneField(text, 'UY')).toBeNull();
    },
  );
});
