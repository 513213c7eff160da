import { describe, expect, it } from 'vitest';
import { numberInSelection } from '@/utils/background/calls/selection-number';
import type { CountryCode } from '@/utils/phone-numbers/libphonenumber';

describe('numberInSelection', () => {
  describe('one phone number in the selection', () => {
    it.each<[CountryCode | undefined, string, string, string]>([
      ['US', '(415) 555-0123', '+14155550123', '(415) 555-0123'],
      ['US', 'Call Ada at (415) 555-0123 tomorrow', '+14155550123', '(415) 555-0123'],
      ['UY', '  2400 1234\n', '+59824001234', '2400 1234'],
      ['UY', 'Tel.: 099 123 456.', '+59899123456', '099 123 456'],
      [undefined, 'Phone +44 20 7946 0958', '+442079460958', '+44 20 7946 0958'],
      ['ES', '+34 912 34 56 78', '+34912345678', '+34 912 34 56 78'],
      // The agent chose to call it: a fax label keeps only the page's call control away.
      ['US', 'Fax: (415) 555-0124', '+14155550124', '(415) 555-0124'],
      [
        'US',
        '＋１　（４１５）　５５５－０１２３',
        '+14155550123',
        '＋１ （４１５） ５５５－０１２３',
      ],
    ])('%s %j → dial %s', (country, selection, dial, display) => {
      expect(numberInSelection(selection, country)).toEqual({ dial, display });
    });

    it('carries the extension, to be keyed in once answered', () => {
      expect(numberInSelection('(415) 555-0123 ext. 42', 'US')).toEqual({
        dial: '+14155550123',
        display: '(415) 555-0123 ext. 42',
        extension: '42',
      });
    });

    it('a number with an extension is still one number', () => {
      const request = numberInSelection('Office: (415) 555-0123 x 7', 'US');
      expect(request).toMatchObject({ dial: '+14155550123', extension: '7' });
    });
  });

  describe('the whole selection is a short dial string (extensions, feature codes)', () => {
    it.each<[string, string]>([
      ['1997', '1997'],
      ['*97', '*97'],
      ['  1997  ', '1997'],
      ['#123', '#123'],
      ['*72 1998', '*721998'],
    ])('%j → dial %j', (selection, dial) => {
      expect(numberInSelection(selection, 'UY')).toEqual({ dial, display: selection.trim() });
    });

    it('works without a default country', () => {
      expect(numberInSelection('1997', undefined)).toEqual({ dial: '1997', display: '1997' });
    });
  });

  describe('nothing certain to dial → null', () => {
    it.each([
      ['empty', ''],
      ['blank', '   \n\t '],
      ['no digits', 'Ada Lovelace'],
      ['text around a short code', 'dial 1997 please'],
      ['extension in a sentence', 'Ext. 1997'],
      ['letters in the number', '1997abc'],
      ['SIP syntax', '1997@pbx.example'],
      ['SIP URI', 'sip:1997@pbx.example'],
      ['a number split by a newline', '19\n97'],
      ['just punctuation', '()-'],
    ])('%s: %j', (_label, selection) => {
      expect(numberInSelection(selection, 'US')).toBeNull();
    });

    it('two phone numbers: the agent must see which one is dialled', () => {
      expect(numberInSelection('Home (415) 555-0123, work (415) 555-0199', 'US')).toBeNull();
    });

    it('several numbers in a table row', () => {
      expect(numberInSelection('2400 1234\t099 123 456\t2916 0000', 'UY')).toBeNull();
    });
  });

  describe('long selections are pages of text, not a number', () => {
    it('accepts a number in a selection of exactly 200 characters', () => {
      const prefix = 'Phone: (415) 555-0123 ';
      const selection = prefix + 'a'.repeat(200 - prefix.length);
      expect(selection).toHaveLength(200);
      expect(numberInSelection(selection, 'US')).toMatchObject({ dial: '+14155550123' });
    });

    it('refuses 201 characters even with exactly one number in them', () => {
      const prefix = 'Phone: (415) 555-0123 ';
      const selection = prefix + 'a'.repeat(201 - prefix.length);
      expect(numberInSelection(selection, 'US')).toBeNull();
    });

    it('measures after trimming the surrounding whitespace', () => {
      expect(numberInSelection(`${' '.repeat(300)}1997${' '.repeat(300)}`, 'US')).toEqual({
        dial: '1997',
        display: '1997',
      });
    });
  });
});
