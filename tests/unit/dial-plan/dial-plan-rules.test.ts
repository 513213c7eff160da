import { describe, expect, it } from 'vitest';
import { AppError } from '@/utils/errors';
import { parseDialPlan } from '@/utils/dial-plan/dial-plan-rules';
import { numberingPlan } from '@/utils/dial-plan/numbering-plan';
import type { MessageKey } from '@/utils/i18n';

describe('numberingPlan', () => {
  it.each([
    ['UY', '598', '0', '00'],
    ['AR', '54', '0', '00'],
    ['MX', '52', '', '00'],
    ['ES', '34', '', '00'],
    ['US', '1', '1', '011'],
    ['BR', '55', '0', '00'],
    ['RU', '7', '8', '810'],
    ['CL', '56', '', '+'],
  ] as const)('%s: +%s, trunk %j, international %j', (country, callingCode, national, idd) => {
    expect(numberingPlan(country)).toEqual({
      callingCode,
      nationalPrefix: national,
      internationalPrefix: idd,
    });
  });
});

describe('parseDialPlan', () => {
  it('fills every rule from the country when only the country is given', () => {
    expect(parseDialPlan({ homeCountry: 'uy' })).toEqual({
      homeCountry: 'UY',
      outsideLinePrefix: '',
      domestic: 'national',
      nationalPrefix: '0',
      internationalPrefix: '00',
      carrierCode: '',
      extensionLength: { min: 3, max: 6 },
    });
  });

  it('keeps every rule the administrator set', () => {
    const rules = {
      homeCountry: 'BR',
      outsideLinePrefix: '9',
      domestic: 'national',
      nationalPrefix: '0',
      internationalPrefix: '00',
      carrierCode: '21',
      extensionLength: { min: 4, max: 5 },
    } as const;
    expect(parseDialPlan(rules)).toEqual(rules);
  });

  it('accepts an empty national prefix, + as international prefix and no extension rule', () => {
    expect(
      parseDialPlan({
        homeCountry: 'US',
        nationalPrefix: '',
        internationalPrefix: '+',
        domestic: 'e164',
        extensionLength: null,
      }),
    ).toMatchObject({
      nationalPrefix: '',
      internationalPrefix: '+',
      domestic: 'e164',
      extensionLength: null,
    });
  });

  it.each<[string, unknown, MessageKey, string[]]>([
    ['not an object', 'UY', 'dialPlanInvalid', []],
    ['null', null, 'dialPlanInvalid', []],
    ['an array', [{ homeCountry: 'UY' }], 'dialPlanInvalid', []],
    [
      'a misspelt rule',
      { homeCountry: 'UY', outsideLine: '9' },
      'dialPlanUnknownRule',
      ['outsideLine'],
    ],
    ['no country', {}, 'dialPlanCountryInvalid', ['']],
    ['an unknown country', { homeCountry: 'XX' }, 'dialPlanCountryInvalid', ['XX']],
    ['a country name', { homeCountry: 'Uruguay' }, 'dialPlanCountryInvalid', ['Uruguay']],
    [
      'a letter in the outside line',
      { homeCountry: 'UY', outsideLinePrefix: '9a' },
      'dialPlanOutsideLineInvalid',
      [],
    ],
    [
      'an outside line as a number',
      { homeCountry: 'UY', outsideLinePrefix: 9 },
      'dialPlanOutsideLineInvalid',
      [],
    ],
    [
      'a 5-digit outside line',
      { homeCountry: 'UY', outsideLinePrefix: '99999' },
      'dialPlanOutsideLineInvalid',
      [],
    ],
    [
      'a + in the national prefix',
      { homeCountry: 'UY', nationalPrefix: '+0' },
      'dialPlanNationalPrefixInvalid',
      [],
    ],
    [
      'an empty international prefix',
      { homeCountry: 'UY', internationalPrefix: '' },
      'dialPlanInternationalPrefixInvalid',
      [],
    ],
    [
      'a spaced international prefix',
      { homeCountry: 'UY', internationalPrefix: '00 ' },
      'dialPlanInternationalPrefixInvalid',
      [],
    ],
    [
      '++',
      { homeCountry: 'UY', internationalPrefix: '++' },
      'dialPlanInternationalPrefixInvalid',
      [],
    ],
    [
      'a carrier code with letters',
      { homeCountry: 'BR', carrierCode: 'XX' },
      'dialPlanCarrierCodeInvalid',
      [],
    ],
    [
      'a carrier code without a national prefix',
      { homeCountry: 'ES', carrierCode: '21' },
      'dialPlanCarrierCodeInvalid',
      [],
    ],
    [
      'the same national and international prefix',
      { homeCountry: 'UY', internationalPrefix: '0' },
      'dialPlanPrefixesConflict',
      [],
    ],
    [
      'an unknown domestic form',
      { homeCountry: 'UY', domestic: 'local' },
      'dialPlanDomesticInvalid',
      [],
    ],
    [
      'extensions longer than 6 digits',
      { homeCountry: 'UY', extensionLength: { min: 3, max: 7 } },
      'dialPlanExtensionLengthInvalid',
      [],
    ],
    [
      'a minimum above the maximum',
      { homeCountry: 'UY', extensionLength: { min: 5, max: 4 } },
      'dialPlanExtensionLengthInvalid',
      [],
    ],
    [
      'a zero minimum',
      { homeCountry: 'UY', extensionLength: { min: 0, max: 4 } },
      'dialPlanExtensionLengthInvalid',
      [],
    ],
    [
      'a fraction',
      { homeCountry: 'UY', extensionLength: { min: 3.5, max: 6 } },
      'dialPlanExtensionLengthInvalid',
      [],
    ],
    [
      'a missing maximum',
      { homeCountry: 'UY', extensionLength: { min: 3 } },
      'dialPlanExtensionLengthInvalid',
      [],
    ],
    [
      'a text range',
      { homeCountry: 'UY', extensionLength: '3-6' },
      'dialPlanExtensionLengthInvalid',
      [],
    ],
    [
      'an extra field in the range',
      { homeCountry: 'UY', extensionLength: { min: 3, max: 6, step: 1 } },
      'dialPlanExtensionLengthInvalid',
      [],
    ],
  ])('refuses %s with %s', (_why, raw, key, substitutions) => {
    let error: unknown;
    try {
      parseDialPlan(raw);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).toInfo()).toEqual({ key, substitutions });
  });

  it('refuses the whole plan when one rule is wrong, never applying the valid ones', () => {
    // A valid outside line next to an invalid range: no plan comes back at all.
    expect(() =>
      parseDialPlan({
        homeCountry: 'UY',
        outsideLinePrefix: '9',
        extensionLength: { min: 7, max: 9 },
      }),
    ).toThrow(AppError);
  });
});
