import { describe, expect, it } from 'vitest';
import { findPhoneNumbers } from '@/utils/phone-numbers/find-numbers';
import type { CountryCode } from '@/utils/phone-numbers/libphonenumber';

function dials(text: string, country: CountryCode | undefined) {
  return findPhoneNumbers(text, { defaultCountry: country }).map((m) => m.dial);
}

describe('findPhoneNumbers', () => {
  describe('finds real numbers and dials them as E.164', () => {
    it.each<[CountryCode, string, string]>([
      // Uruguay
      ['UY', '2400 1234', '+59824001234'],
      ['UY', '099 123 456', '+59899123456'],
      ['UY', '+598 94 123 456', '+59894123456'],
      ['UY', '(02) 400 1234', '+59824001234'],
      ['UY', '0800 1234', '+5988001234'],
      ['UY', '4732 1234', '+59847321234'],
      ['UY', '+598 2916 0000', '+59829160000'],
      // Argentina
      ['AR', '+54 9 11 2345-6789', '+5491123456789'],
      ['AR', '011 15-2345-6789', '+5491123456789'],
      ['AR', '(0351) 423-4567', '+543514234567'],
      ['AR', '011 4321-5678', '+541143215678'],
      ['AR', '0800-333-1234', '+548003331234'],
      // Mexico
      ['MX', '+52 55 1234 5678', '+525512345678'],
      ['MX', '(33) 3616-0000', '+523336160000'],
      ['MX', '55 1234 5678', '+525512345678'],
      ['MX', '800 123 4567', '+528001234567'],
      // Spain
      ['ES', '+34 912 34 56 78', '+34912345678'],
      ['ES', '612 34 56 78', '+34612345678'],
      ['ES', '912.345.678', '+34912345678'],
      ['ES', '900 123 456', '+34900123456'],
      // United States
      ['US', '(415) 555-0123', '+14155550123'],
      ['US', '415.555.0199', '+14155550199'],
      ['US', '1-800-555-0100', '+18005550100'],
      ['US', '+1 212 555 0147', '+12125550147'],
      ['US', '4155550123', '+14155550123'],
      ['US', '+44 20 7946 0958', '+442079460958'],
      // Brazil
      ['BR', '(11) 98765-4321', '+5511987654321'],
      ['BR', '+55 21 2345-6789', '+552123456789'],
      ['BR', '0800 123 4567', '+558001234567'],
      ['BR', '(21) 2345-6789', '+552123456789'],
      // United Kingdom
      ['GB', '020 7946 0958', '+442079460958'],
      ['GB', '+44 7911 123456', '+447911123456'],
      ['GB', '07911 123456', '+447911123456'],
      ['GB', '0161 496 0000', '+441614960000'],
      ['GB', '0800 123 4567', '+448001234567'],
    ])('%s %j → %s', (country, text, dial) => {
      const [match, ...rest] = findPhoneNumbers(`Phone: ${text}.`, { defaultCountry: country });
      expect(rest).toEqual([]);
      expect(match).toMatchObject({ dial, display: text, start: 7, end: 7 + text.length });
    });
  });

  describe('ignores what only looks like a number', () => {
    it.each<[CountryCode, string]>([
      ['UY', '2024-05-12'],
      ['UY', 'Vence 12/05/2024'],
      ['UY', '12.05.2024'],
      ['ES', '12-05-2024'],
      ['US', '2024-05-12 10:30'],
      ['US', '2024/05/12 14:30:15'],
      ['UY', '14:30:15'],
      ['US', '$1,234.56'],
      ['US', 'USD 4,155,550,123'],
      ['UY', 'U$S 24001234'],
      ['BR', 'R$ 1.234,56'],
      ['ES', '1.234.567,89 €'],
      ['ES', '24.001.234,50'],
      ['US', '45%'],
      ['UY', 'descuento 24001234%'],
      ['UY', 'Order #100234'],
      ['UY', 'Pedido #24001234'],
      ['US', 'INV-2024-00017'],
      ['UY', 'TCK-2400-1234'],
      ['US', 'Ticket 2024-00017'],
      ['UY', 'ID: 24001234'],
      ['ES', 'ES91 2100 0418 4502 0005 1332'],
      ['GB', 'GB82 WEST 1234 5698 7654 32'],
      ['UY', 'UY21 0011 2345 6789 0123 4567 8901'],
      ['US', '90210'],
      ['UY', '11300'],
      ['BR', 'CEP 01310-100'],
      ['US', '1.2.3'],
      ['US', 'v2.10.4'],
      ['US', 'version 10.4.1234'],
      ['US', '192.168.100.200'],
      ['US', '4111 1111 1111 1111'],
      ['US', '4111111111111111'],
      ['UY', '5500-0000-0000-0004'],
      ['US', 'ISBN 978-3-16-148410-0'],
      ['US', '9783161484100'],
      ['BR', 'CPF 123.456.789-09'],
      ['BR', '123.456.789-09'],
      ['BR', '12.345.678/0001-90'],
      ['AR', 'CUIT 20-12345678-9'],
      ['UY', 'CI 1.234.567-8'],
      ['UY', 'C.I. 4123456-7'],
      ['UY', 'juan@2400123.com'],
      ['UY', '24001234@example.com'],
      ['US', '555-0123'],
      ['US', '1-800-FLOWERS'],
      ['UY', '1234'],
      ['US', 'Total: 4155550123.50'],
    ])('%s %j', (country, text) => {
      expect(dials(text, country)).toEqual([]);
    });
  });

  describe('extensions are kept for DTMF, not dialled', () => {
    it.each<[CountryCode, string, string, string]>([
      ['US', '(415) 555-0123 ext. 123', '+14155550123', '123'],
      ['US', '415-555-0123 x45', '+14155550123', '45'],
      ['US', '+1 212 555 0147 extension 9', '+12125550147', '9'],
      ['UY', '2400 1234 int. 35', '+59824001234', '35'],
      ['UY', '2916 0000 interno 12', '+59829160000', '12'],
      ['BR', '(11) 2345-6789 ramal 204', '+551123456789', '204'],
      ['ES', '912 345 678 ext 7', '+34912345678', '7'],
      ['MX', '55 1234 5678 Ext: 321', '+525512345678', '321'],
    ])('%s %j', (country, text, dial, extension) => {
      const [match] = findPhoneNumbers(text, { defaultCountry: country });
      expect(match).toMatchObject({ dial, extension, display: text });
      expect(match?.formatted).toContain(extension);
    });

    it('has no extension when none is written', () => {
      expect(findPhoneNumbers('2400 1234', { defaultCountry: 'UY' })[0]?.extension).toBeUndefined();
    });
  });

  describe('text with several numbers and noise', () => {
    it('keeps comma-separated numbers apart (a comma is not an extension here)', () => {
      expect(dials('Call 415 555 0123, or 415 555 0199, or 1-800-555-0100, 90210', 'US')).toEqual([
        '+14155550123',
        '+14155550199',
        '+18005550100',
      ]);
    });

    it('a date in a slash-separated list does not hide its neighbours', () => {
      expect(dials('2400 1234 / 099 123 456 / 12/05/2024 / +598 94 123 456', 'UY')).toEqual([
        '+59824001234',
        '+59899123456',
        '+59894123456',
      ]);
    });

    it('finds the number among money, dates and IDs', () => {
      const text =
        'Order #100234 (INV-2024-00017) of $1,234.56 on 2024-05-12 at 10:30, 45% paid. ' +
        'Call Ana at (415) 555-0123 ext. 12 or +44 20 7946 0958.';
      expect(findPhoneNumbers(text, { defaultCountry: 'US' })).toMatchObject([
        { dial: '+14155550123', extension: '12', display: '(415) 555-0123 ext. 12' },
        { dial: '+442079460958', extension: undefined, display: '+44 20 7946 0958' },
      ]);
    });

    it('reports ranges that slice back to the number as shown', () => {
      const text = 'Móvil:\u00a0099 123 456 — fijo 2400-1234';
      const found = findPhoneNumbers(text, { defaultCountry: 'UY' });
      expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['099 123 456', '2400-1234']);
    });

    it('keeps a number written with an alternative line ending ("2400 1234/35")', () => {
      expect(dials('Tel. 2400 1234/35', 'UY')).toEqual(['+59824001234']);
    });

    it('international numbers need no default country; national ones do', () => {
      expect(dials('+598 2400 1234 and 415 555 0123', undefined)).toEqual(['+59824001234']);
    });

    it.each<[string, string]>([
      ['＋１　（６５０）　３３３－６０００', '+16503336000'],
      ['４１５-６６６-７７７７', '+14156667777'],
      ['٤١٥-٦٦٦-٧٧٧٧', '+14156667777'],
    ])('reads %j, written in other digits, as ASCII %s', (number, dial) => {
      const text = `Tel: ${number} (office)`;
      const [match, ...rest] = findPhoneNumbers(text, { defaultCountry: 'US' });
      expect(rest).toEqual([]);
      expect(match).toMatchObject({ dial, start: 5, end: 5 + number.length });
      expect(text.slice(match!.start, match!.end)).toBe(number);
    });

    it.each<[CountryCode, string]>([
      ['UY', '２０２４-０５-１２'],
      ['US', '＄１，２３４．５６'],
      ['US', 'ＩＮＶ-２０２４-００１７'],
      ['UY', 'ＩＤ： ２４００１２３４'],
    ])('full-width %s %j stays what it is in ASCII (not a number)', (country, text) => {
      expect(dials(text, country)).toEqual([]);
    });

    it.each<[string, number]>([
      ['$20 415-666-7777', 4],
      ['415-666-7777 100$', 0],
      ['€20 415-666-7777', 4],
      ['415-666-7777 20 €', 0],
      ['US$ 20 415-666-7777', 7],
      ['Total $1,234.56 — 415-666-7777', 18],
    ])('finds the number next to a price, not the price: %j', (text, start) => {
      expect(findPhoneNumbers(text, { defaultCountry: 'US' })).toMatchObject([
        { dial: '+14156667777', start, end: start + 12 },
      ]);
    });

    it.each<[CountryCode, string]>([
      ['US', '$20'],
      ['US', '100$'],
      ['US', 'US$ 20'],
      ['ES', '20 €'],
      ['FR', '€ 1 234 567,89'],
      ['FR', '1 234 567 €'],
      ['US', '$415 666 7777'],
    ])('a price alone stays a price: %s %j', (country, text) => {
      expect(dials(text, country)).toEqual([]);
    });

    it.each(['number-415-666-7777', 'Phone-415-666-7777', 'call me: tel-4156667777'])(
      'finds a number glued to a word with a hyphen: %j',
      (text) => {
        expect(dials(text, 'US')).toEqual(['+14156667777']);
      },
    );

    it.each(['TCK-415-666-7777', 'A1-4156667777', 'order-4156667777', '/contacts/item-4156667777'])(
      'a code, an ID label or a path glued to the number still hides it: %j',
      (text) => {
        expect(dials(text, 'US')).toEqual([]);
      },
    );

    it('formats for the tooltip', () => {
      expect(findPhoneNumbers('4155550123', { defaultCountry: 'US' })[0]?.formatted).toBe(
        '+1 415 555 0123',
      );
    });
  });
});
