import { describe, expect, it } from 'vitest';
import {
  blockingEntry,
  parseBlockedNumbers,
  parseBlockedPattern,
} from '@/utils/phone-numbers/blocked-numbers';

describe('parseBlockedPattern', () => {
  it.each<[string, string, boolean]>([
    ['+1900*', '+19005550111', true],
    ['+1900*', '+14155550123', false],
    ['+1 900*', '+19005550111', true],
    ['+44 9*', '+449098765432', true],
    ['+44 9*', '+447911123456', false],
    ['+1-900-555-0111', '+19005550111', true],
    ['+1-900-555-0111', '+19005550112', false],
    ['+1 (900) 555.0111', '+19005550111', true],
    ['+34 90? 12*', '+34905123456', true],
    ['+34 90? 12*', '+34900123456', true],
    ['+34 90? 12*', '+34910123456', false],
    ['+5989*1', '+59899123451', true],
    ['+5989*1', '+59899123456', false],
    ['+1900*', '+1900', true],
    ['011900*', '0119005550111', true],
    ['011900*', '+19005550111', false],
    ['+1900*', '19005550111', false],
  ])('%s against %s: %s', (pattern, dial, blocked) => {
    expect(parseBlockedPattern(pattern).test(dial)).toBe(blocked);
  });

  it.each([
    '',
    '*',
    '+*',
    '??*',
    '+1900@evil',
    '1900*;',
    'abc',
    '+1+900',
    '9'.repeat(41),
    42,
    null,
  ])('refuses %j', (pattern) => {
    expect(() => parseBlockedPattern(pattern)).toThrow(
      expect.objectContaining({ key: 'errorBlockedPatternInvalid' }),
    );
  });

  it('takes a ^ or $ as nothing special: they are refused, not regular expressions', () => {
    expect(() => parseBlockedPattern('^+1900.*$')).toThrow();
  });
});

describe('parseBlockedNumbers (a policy or the agent list)', () => {
  it('keeps a valid list, trimmed and without repeats', () => {
    expect(parseBlockedNumbers([' +1900* ', '+1900*', '+44 9*'])).toEqual(['+1900*', '+44 9*']);
  });

  it('refuses the whole list for one invalid entry, and anything not a list', () => {
    expect(() => parseBlockedNumbers(['+1900*', 'call me'])).toThrow();
    expect(() => parseBlockedNumbers('+1900*')).toThrow();
    expect(() => parseBlockedNumbers([3])).toThrow();
  });
});

describe('blockingEntry', () => {
  it('names the first entry that blocks any form of the call, or null', () => {
    expect(blockingEntry(['+19005550111', '90119005550111'], ['+44 9*', '+1900*'])).toBe('+1900*');
    expect(blockingEntry(['+19005550111', '90119005550111'], ['9011900*'])).toBe('9011900*');
    expect(blockingEntry(['+14155550123'], ['+1900*'])).toBeNull();
    expect(blockingEntry(['+14155550123'], [])).toBeNull();
  });
});
