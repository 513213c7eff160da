import { describe, expect, it } from 'vitest';
import { isLabelledFax } from '@/utils/phone-numbers/fax-number';
import { findPhoneNumbers } from '@/utils/phone-numbers/find-numbers';
import type { CountryCode } from '@/utils/phone-numbers/libphonenumber';

/** The numbers in `text` that are not labelled as fax. */
function dials(text: string, country: CountryCode) {
  return findPhoneNumbers(text, { defaultCountry: country })
    .filter((m) => !isLabelledFax(text, m.start, m.end))
    .map((m) => m.dial);
}

describe('numbers labelled as fax get no call', () => {
  it.each<[CountryCode, string]>([
    ['US', 'Fax: 415-666-7777'],
    ['US', 'Fax (415) 666-7777'],
    ['US', 'FAX 4156667777'],
    ['US', 'Fax no. 415-666-7777'],
    ['US', 'Fax #: 415-666-7777'],
    ['US', 'Fax number: +1 415 666 7777'],
    ['US', '415-666-7777 (fax)'],
    ['DE', 'Telefax 030 23125000'],
    ['ES', 'Fax: 912 34 56 78'],
    ['ES', 'Nº de fax: 912 34 56 78'],
    ['ES', 'Facsímil 912 34 56 78'],
    ['BR', 'Fax: (21) 2345-6789'],
    ['BR', 'Fac-símile (21) 2345-6789'],
    ['US', 'Fax: ４１５-６６６-７７７７'],
    ['US', 'Ｆａｘ： ４１５-６６６-７７７７'],
  ])('%s %j', (country, text) => {
    expect(dials(text, country)).toEqual([]);
  });

  it('finding numbers still finds it (a selection the agent asks to call is dialled)', () => {
    expect(findPhoneNumbers('Fax: 415-666-7777', { defaultCountry: 'US' })).toHaveLength(1);
  });

  it('keeps the phone next to the fax', () => {
    expect(dials('Tel: 415-666-7777 · Fax: 415-666-7778', 'US')).toEqual(['+14156667777']);
    expect(dials('Teléfono 912 34 56 78, fax 912 34 56 79', 'ES')).toEqual(['+34912345678']);
  });

  it.each<[CountryCode, string, string]>([
    ['US', 'Tel/Fax: 415-666-7777', '+14156667777'],
    ['US', 'Phone & fax 415-666-7777', '+14156667777'],
    ['ES', 'Tel. y fax: 912 34 56 78', '+34912345678'],
    ['BR', 'Telefone e fax: (21) 2345-6789', '+552123456789'],
    ['US', 'Fairfax office 415-666-7777', '+14156667777'],
    ['US', 'F: 415-666-7777', '+14156667777'],
  ])('a line shared with the phone, or no fax label, is callable: %s %j', (country, text, dial) => {
    expect(dials(text, country)).toEqual([dial]);
  });
});
