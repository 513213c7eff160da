import { describe, expect, it } from 'vitest';
import { foldToAscii } from '@/utils/phone-numbers/fold-to-ascii';

describe('foldToAscii', () => {
  it.each([
    ['＋１　（６５０）　３３３－６０００', '+1 (650) 333-6000'],
    ['Ｔｅｌ：４１５', 'Tel:415'],
    ['٠٩٩ ١٢٣ ٤٥٦', '099 123 456'],
    ['۰۹۹۱۲۳', '099123'],
    ['Móvil 099 123 456', 'Móvil 099 123 456'],
  ])('%j → %j, one unit for one', (text, folded) => {
    expect(foldToAscii(text)).toBe(folded);
    expect(foldToAscii(text)).toHaveLength(text.length);
  });

  it('leaves digits libphonenumber does not read as they are', () => {
    expect(foldToAscii('१२३४')).toBe('१२३४');
  });
});
