import { describe, expect, it } from 'vitest';
import { countDigits } from '@/utils/phone-numbers/count-digits';

describe('countDigits', () => {
  it.each([
    ['', 0],
    ['no digits here', 0],
    ['415-666-7777', 10],
    ['４１５-６６６-７７７７', 10],
    ['٠٩٩ ١٢٣ ٤٥٦', 9],
    ['۰۹۹۱۲۳', 6],
    ['१२३४', 4],
    // Astral digits (mathematical bold), and look-alikes that are no digits (superscripts, ½, Ⅻ).
    ['𝟏𝟐𝟑 x', 3],
    ['²³ ½ Ⅻ ①', 0],
    ['tel 😀 415', 3],
  ])('%j has %i', (text, count) => {
    expect(countDigits(text)).toBe(count);
  });

  it('counts exactly what \\p{Nd} counts, for every code point of the BMP', () => {
    for (let point = 0; point <= 0xffff; point++) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const char = String.fromCodePoint(point);
      expect(countDigits(char)).toBe(/\p{Nd}/u.test(char) ? 1 : 0);
    }
  });

  it('stops at the limit', () => {
    expect(countDigits('1234567890', 6)).toBe(6);
    expect(countDigits('１２３４５６７８９０', 3)).toBe(3);
  });

  it('does not carry state between calls', () => {
    expect(countDigits('12345', 2)).toBe(2);
    expect(countDigits('12345')).toBe(5);
  });
});
