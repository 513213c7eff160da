import { describe, expect, it } from 'vitest';
import { applyDialPlan } from '@/utils/dial-plan/dial-plan';
import { parseDialPlan, type DialPlanRules } from '@/utils/dial-plan/dial-plan-rules';
import { sanitizeDialString } from '@/utils/phone-numbers/dial-string';

/** [what the case shows, dial string in, dial string out] */
type Case = readonly [string, string, string];

function table(rules: DialPlanRules, cases: readonly Case[]) {
  const plan = parseDialPlan(rules);
  it.each(cases)('%s: %s → %s', (_why, dial, expected) => {
    expect(applyDialPlan(dial, plan)).toBe(expected);
  });
}

describe('applyDialPlan', () => {
  describe('UY, country defaults (trunk 0, international 00)', () => {
    table({ homeCountry: 'UY' }, [
      ['Montevideo landline (the issue’s example)', '+59829012345', '029012345'],
      ['interior landline', '+59842212345', '042212345'],
      ['mobile, whose national format has the 0 already', '+59899123456', '099123456'],
      ['AR mobile, international', '+5491123456789', '005491123456789'],
      ['US number, international', '+14155550123', '0014155550123'],
      ['internal extension', '1997', '1997'],
      ['extension libphonenumber reads as a short UY number', '+5982345', '2345'],
      ['feature code', '*72', '*72'],
      ['uContact transfer code', '##1234', '##1234'],
      ['typed in national form: read, not prefixed again', '029012345', '029012345'],
      [
        'typed international with 00: read, not prefixed again',
        '005491123456789',
        '005491123456789',
      ],
      ['digits that are no number stay as typed', '12345678901234', '12345678901234'],
      ['0 + 029012345 is no number: as typed', '0029012345', '0029012345'],
    ]);
  });

  describe('UY, outside line 9', () => {
    table({ homeCountry: 'UY', outsideLinePrefix: '9' }, [
      ['landline', '+59829012345', '9029012345'],
      ['mobile', '+59899123456', '9099123456'],
      ['international', '+5491123456789', '9005491123456789'],
      ['already prefixed national: untouched', '9029012345', '9029012345'],
      ['already prefixed mobile: untouched', '9099123456', '9099123456'],
      ['already prefixed international: untouched', '9005491123456789', '9005491123456789'],
      ['national form without the outside line gets it', '029012345', '9029012345'],
      ['extension starting with the outside-line digit', '9123', '9123'],
      ['0029012345 is no number: never prefixed twice', '0029012345', '0029012345'],
    ]);
  });

  describe('UY, trunk that routes E.164', () => {
    table(
      { homeCountry: 'UY', outsideLinePrefix: '9', domestic: 'e164', internationalPrefix: '+' },
      [
        ['domestic stays E.164 (no outside line before +)', '+59829012345', '+59829012345'],
        ['international stays E.164', '+5491123456789', '+5491123456789'],
        ['typed national form becomes E.164', '029012345', '+59829012345'],
      ],
    );
  });

  describe('UY, no trunk prefix (8-digit landlines)', () => {
    table({ homeCountry: 'UY', nationalPrefix: '' }, [
      ['landline as URSEC numbers it', '+59829012345', '29012345'],
      [
        'mobile loses its 0 too: the prefix is the plan’s, not the format’s',
        '+59899123456',
        '99123456',
      ],
      ['typed 8 digits', '29012345', '29012345'],
    ]);
  });

  describe('AR, country defaults (trunk 0, international 00)', () => {
    table({ homeCountry: 'AR' }, [
      ['Buenos Aires mobile: 9 + area becomes area + 15', '+5491123456789', '0111523456789'],
      ['Buenos Aires landline', '+541123456789', '01123456789'],
      ['Córdoba mobile (3-digit area)', '+5493514123456', '0351154123456'],
      ['Córdoba landline', '+543514123456', '03514123456'],
      ['Corrientes mobile (3-digit area 379)', '+5493794123456', '0379154123456'],
      ['UY number, international', '+59829012345', '0059829012345'],
      ['typed 0 + area + 15 form: read, not prefixed again', '0111523456789', '0111523456789'],
      ['extension', '4321', '4321'],
    ]);
  });

  describe('AR, outside line 0', () => {
    table({ homeCountry: 'AR', outsideLinePrefix: '0' }, [
      ['mobile', '+5491123456789', '00111523456789'],
      ['international', '+59829012345', '00059829012345'],
      ['already prefixed mobile: untouched', '00111523456789', '00111523456789'],
      ['already prefixed international: untouched', '00059829012345', '00059829012345'],
    ]);
  });

  describe('MX, country defaults (no trunk prefix since 2019, international 00)', () => {
    table({ homeCountry: 'MX' }, [
      ['Mexico City, 10 digits', '+525512345678', '5512345678'],
      ['Guadalajara, 10 digits', '+523312345678', '3312345678'],
      ['US number, international', '+14155550123', '0014155550123'],
      ['retired 044 mobile prefix dropped', '0445512345678', '5512345678'],
      ['retired 045 mobile prefix dropped', '0453312345678', '3312345678'],
      ['retired 01 long-distance prefix dropped', '015512345678', '5512345678'],
      ['retired +52 1 mobile form dropped', '+5215512345678', '5512345678'],
      ['extension', '123', '123'],
    ]);
  });

  describe('MX, outside line 9', () => {
    table({ homeCountry: 'MX', outsideLinePrefix: '9' }, [
      ['domestic', '+525512345678', '95512345678'],
      ['already prefixed: untouched', '95512345678', '95512345678'],
      ['typed 10 digits get the outside line', '5512345678', '95512345678'],
    ]);
  });

  describe('ES, country defaults (no trunk prefix, international 00)', () => {
    table({ homeCountry: 'ES' }, [
      ['Madrid landline', '+34912345678', '912345678'],
      ['mobile', '+34612345678', '612345678'],
      ['French number, international', '+33123456789', '0033123456789'],
      ['typed 9 digits', '912345678', '912345678'],
    ]);
  });

  describe('ES, a trunk that wants a house prefix 0 the country does not use', () => {
    table({ homeCountry: 'ES', nationalPrefix: '0' }, [
      ['domestic', '+34912345678', '0912345678'],
      ['typed with the house prefix: read, not prefixed again', '0912345678', '0912345678'],
    ]);
  });

  describe('ES, outside line 0', () => {
    table({ homeCountry: 'ES', outsideLinePrefix: '0' }, [
      ['domestic', '+34912345678', '0912345678'],
      ['international: 0 + 00', '+33123456789', '00033123456789'],
      ['already prefixed domestic: untouched', '0912345678', '0912345678'],
      ['already prefixed international: untouched', '00033123456789', '00033123456789'],
      ['extension', '2001', '2001'],
    ]);
  });

  describe('US, country defaults (1 + area code, international 011)', () => {
    table({ homeCountry: 'US' }, [
      ['San Francisco', '+14155550123', '14155550123'],
      ['toll-free', '+18005550123', '18005550123'],
      ['Toronto: same calling code, dialled like a US number', '+14165550123', '14165550123'],
      ['London, international', '+442071234567', '011442071234567'],
      ['AR mobile keeps its 9 abroad', '+5491123456789', '0115491123456789'],
      ['typed 10 digits', '4155550123', '14155550123'],
      ['911 is 3 digits: left to the PBX as an extension-length code', '911', '911'],
    ]);
  });

  describe('US, outside line 9', () => {
    table({ homeCountry: 'US', outsideLinePrefix: '9' }, [
      ['domestic', '+14155550123', '914155550123'],
      ['international', '+442071234567', '9011442071234567'],
      ['already prefixed: untouched', '914155550123', '914155550123'],
      ['typed 1 + 10 digits gets the outside line', '14155550123', '914155550123'],
      ['typed 10 digits', '4155550123', '914155550123'],
      ['extension', '2001', '2001'],
    ]);
  });

  describe('BR, carrier code 21 (0 + carrier + area, 00 + carrier + country)', () => {
    table({ homeCountry: 'BR', carrierCode: '21' }, [
      ['São Paulo mobile', '+5511912345678', '02111912345678'],
      ['São Paulo landline', '+551133334444', '0211133334444'],
      ['Rio landline', '+552121234567', '0212121234567'],
      ['AR mobile, international', '+5491123456789', '00215491123456789'],
      ['US number, international', '+14155550123', '002114155550123'],
      ['typed with the same carrier: read, not prefixed again', '02111912345678', '02111912345678'],
      ['typed with another carrier: the house carrier is used', '01511912345678', '02111912345678'],
      [
        'typed international with carrier: read, not prefixed again',
        '00215491123456789',
        '00215491123456789',
      ],
      ['extension', '5001', '5001'],
    ]);
  });

  describe('BR, no carrier code', () => {
    table({ homeCountry: 'BR' }, [
      ['mobile', '+5511912345678', '011912345678'],
      ['international', '+59829012345', '0059829012345'],
    ]);
  });

  describe('extension rule', () => {
    table({ homeCountry: 'UY', outsideLinePrefix: '9', extensionLength: { min: 4, max: 4 } }, [
      ['4 digits: extension', '1997', '1997'],
      ['3 digits are no extension here, and no number: as typed', '199', '199'],
    ]);
    table({ homeCountry: 'UY', extensionLength: null }, [
      ['no rule: a short UY number is dialled as a number', '+5982345', '02345'],
    ]);
  });

  it('turns what the agent selected into the house format end to end', () => {
    const plan = parseDialPlan({ homeCountry: 'UY', outsideLinePrefix: '9' });
    const cases: [string, string][] = [
      ['+598 2 901 2345', '9029012345'],
      ['(02) 901 2345', '9029012345'],
      ['099 123 456', '9099123456'],
      ['9 029 012 345', '9029012345'],
      ['+54 9 11 2345-6789', '9005491123456789'],
      ['1997', '1997'],
      ['*72', '*72'],
    ];
    for (const [selected, expected] of cases) {
      const dial = sanitizeDialString(selected, 'UY');
      expect(dial && applyDialPlan(dial, plan), selected).toBe(expected);
    }
  });
});
