import { describe, expect, it } from 'vitest';
import { MAX_DIAL_DIGITS, sanitizeDialString } from '@/utils/phone-numbers/dial-string';

describe('sanitizeDialString', () => {
  it.each([
    ['+14155550123', undefined, '+14155550123'],
    ['+1 (415) 555-0123', undefined, '+14155550123'],
    ['(415) 555-0123', 'US', '+14155550123'],
    ['099 123 456', 'UY', '+59899123456'],
    ['２４００ １２３４', 'UY', '+59824001234'],
    ['1234', 'UY', '1234'],
    ['*72', undefined, '*72'],
    ['##1234', undefined, '##1234'],
    ['0800-123.4567', undefined, '08001234567'],
    ['4155550123', undefined, '4155550123'],
  ] as const)('%j (%s) → %s', (input, country, expected) => {
    expect(sanitizeDialString(input, country)).toBe(expected);
  });

  it.each([
    ['1@evil.com'],
    ['sip:x'],
    ['sip:1234@evil.example'],
    ['<'],
    ['123<sip:1@x>'],
    ['123;transport=tcp'],
    ['123,456'],
    ['123:456'],
    ['123>'],
    ['123\n456'],
    ['123\r\n'.repeat(2)],
    ['123\t456'],
    ['12\u0000'],
    ['12\u202e34'],
    ['12\u200b34'],
    ['４１５＠evil'],
    ['1'.repeat(200)],
    ['1'.repeat(MAX_DIAL_DIGITS + 1)],
    [''],
    ['   '],
    ['+'],
    ['++1234'],
    ['12+34'],
    ['abc'],
    ['1-800-FLOWERS'],
  ])('refuses %j', (input) => {
    expect(sanitizeDialString(input)).toBeNull();
  });

  it(`accepts exactly ${MAX_DIAL_DIGITS} digits`, () => {
    expect(sanitizeDialString('1'.repeat(MAX_DIAL_DIGITS))).toBe('1'.repeat(MAX_DIAL_DIGITS));
  });
});
