import { describe, expect, it } from 'vitest';
import {
  dialSymbols,
  NAME_MAX_LENGTH,
  NUMBER_MAX_LENGTH,
  untrustedName,
  untrustedNumber,
} from '@/utils/untrusted-text';

const graphemes = (text: string) =>
  [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].length;

describe('untrustedName', () => {
  it.each([
    [
      'CR/LF (a header injected after the name)',
      'Ada\r\nVia: SIP/2.0/WS evil',
      'Ada Via: SIP/2.0/WS evil',
    ],
    ['a lone LF', 'Ada\nLovelace', 'Ada Lovelace'],
    ['a tab', 'Ada\tLovelace', 'Ada Lovelace'],
    ['Unicode line and paragraph separators', 'Ada\u2028Love\u2029lace', 'Ada Love lace'],
    ['NUL', 'Ada\u0000Lovelace', 'AdaLovelace'],
    ['other C0 controls and DEL', '\u0001A\u0007d\u001Ba\u007F', 'Ada'],
    ['C1 controls (NEL becomes a space)', 'Ada\u0085Love\u009Blace\u0080', 'Ada Lovelace'],
    ['double quotes', '"Ada" <sip:evil@x>', 'Ada <sip:evil@x>'],
    ['backslashes', 'Ada\\" Lovelace\\', 'Ada Lovelace'],
    ['a right-to-left override', 'Invoice \u202Egpj.exe', 'Invoice gpj.exe'],
    [
      'every bidi embedding and override',
      '\u202AA\u202Bd\u202Ca\u202D \u202ELovelace',
      'Ada Lovelace',
    ],
    ['bidi isolates', '\u2066Ada\u2069 \u2067Lovelace\u2068', 'Ada Lovelace'],
    ['bidi marks (LRM, RLM, ALM)', '\u200EAda\u200F Love\u061Clace', 'Ada Lovelace'],
    [
      'zero-width spaces, word joiners and BOMs',
      'A\u200Bd\u2060a\uFEFF L\u00ADovelace',
      'Ada Lovelace',
    ],
    ['lone surrogates', 'Ada\uD800 Lovelace\uDFFF', 'Ada Lovelace'],
    ['runs of spaces, and spaces at the ends', '  Ada \u00A0\u3000 Lovelace  ', 'Ada Lovelace'],
  ])('takes out %s', (_label, input, expected) => {
    expect(untrustedName(input)).toBe(expected);
  });

  it.each([
    ['accents', 'María Gómez Ñúñez'],
    ['CJK', '王小明 (客服)'],
    ['Japanese with kana', 'やまだ たろう'],
    ['Arabic', 'محمد عبد الله'],
    ['Hebrew', 'דוד לוי'],
    ['Persian with a zero-width non-joiner', 'می\u200Cخواهم'],
    ['Devanagari with a zero-width joiner', 'क्\u200Dष'],
    ['emoji', 'Ada 👋🏽 ☎️'],
    ['a ZWJ family emoji', 'Ada 👨‍👩‍👧‍👦'],
    ['a flag and a subdivision flag', '🇺🇾 🏴󠁧󠁢󠁳󠁣󠁴󠁿'],
    ['apostrophes, angle brackets and other printable ASCII', "O'Brien <Sales> & Co. #1 (ext. 2)"],
  ])('keeps %s untouched', (_label, input) => {
    expect(untrustedName(input)).toBe(input);
  });

  it('cuts an over-long name to NAME_MAX_LENGTH characters, ending in …', () => {
    const name = untrustedName('A'.repeat(10_000));
    expect(name).toHaveLength(NAME_MAX_LENGTH);
    expect(name.endsWith('…')).toBe(true);
  });

  it('keeps a name of exactly the bound as it is', () => {
    const name = 'b'.repeat(NAME_MAX_LENGTH);
    expect(untrustedName(name)).toBe(name);
  });

  it('counts and cuts whole characters: no emoji is split in half', () => {
    const family = '👨‍👩‍👧‍👦';
    const name = untrustedName(family.repeat(100));
    expect(graphemes(name)).toBe(NAME_MAX_LENGTH);
    expect(name).toBe(family.repeat(NAME_MAX_LENGTH - 1) + '…');
    // Short in characters, long in UTF-16 units: nothing is cut.
    expect(untrustedName(family.repeat(10))).toBe(family.repeat(10));
  });

  it('bounds after cleaning, so invisible padding does not eat the name', () => {
    expect(untrustedName('\u200B'.repeat(500) + 'Ada')).toBe('Ada');
  });

  it.each([undefined, null, 42, {}, ['Ada']])('gives an empty string for %j', (value) => {
    expect(untrustedName(value)).toBe('');
  });

  it('is idempotent', () => {
    const once = untrustedName(' "Ada"\r\n\u202E' + 'x'.repeat(200));
    expect(untrustedName(once)).toBe(once);
  });
});

describe('untrustedNumber', () => {
  it('cleans like a name and keeps a number as shown', () => {
    expect(untrustedNumber('+1 (415) 555-0123')).toBe('+1 (415) 555-0123');
    expect(untrustedNumber('\u202E3210-555 (514) 1+')).toBe('3210-555 (514) 1+');
    expect(untrustedNumber('2000\r\nX-Evil: 1')).toBe('2000 X-Evil: 1');
  });

  it('is bounded to NUMBER_MAX_LENGTH characters', () => {
    const number = untrustedNumber('5'.repeat(500));
    expect(number).toHaveLength(NUMBER_MAX_LENGTH);
    expect(number.endsWith('…')).toBe(true);
  });
});

describe('dialSymbols', () => {
  it.each([
    ['+1 (415) 555-0123', '+14155550123'],
    ['*97#', '*97#'],
    ['1997', '1997'],
    ['＋５９８ ２４００', '+5982400'],
    ['1 2&x=y', '12'],
    ['../admin', ''],
    ['evil.example/x?', ''],
    ['anonymous', ''],
    ['+', ''],
    ['', ''],
    ['12+34', '1234'],
    ['\u202E1234', '1234'],
  ])('%j → %j', (input, expected) => {
    expect(dialSymbols(input)).toBe(expected);
  });

  it('keeps at most 32 symbols', () => {
    expect(dialSymbols('+' + '9'.repeat(100))).toBe('+' + '9'.repeat(32));
  });

  it('gives an empty string for what is not a string', () => {
    expect(dialSymbols(undefined)).toBe('');
    expect(dialSymbols(1997)).toBe('');
  });
});
