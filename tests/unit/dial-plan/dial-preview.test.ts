import { describe, expect, it } from 'vitest';
import type { DialPlanRules } from '@/utils/dial-plan/dial-plan-rules';
import { dialPreview } from '@/utils/dial-plan/dial-preview';
import { sanitizeDialString } from '@/utils/phone-numbers/dial-string';

/** A Uruguayan PBX: outside line 9, domestic numbers in national form (as in the managed e2e). */
const UY: DialPlanRules = { homeCountry: 'UY', outsideLinePrefix: '9', domestic: 'national' };

describe('dialPreview', () => {
  describe('the dial pad: what the agent typed, read for the default country', () => {
    it('shows what a national number dials through the trunk', () => {
      expect(dialPreview('2901 2345', { country: 'UY', dialPlan: UY })).toBe('9029012345');
    });

    it('reads separators and full-width digits the way dialling does', () => {
      expect(dialPreview('(2901) 23-45', { country: 'UY', dialPlan: UY })).toBe('9029012345');
      expect(dialPreview('２９０１２３４５', { country: 'UY', dialPlan: UY })).toBe('9029012345');
    });

    it('reads an international number whatever the country', () => {
      expect(dialPreview('+54 9 11 2345-6789', { country: 'US', dialPlan: UY })).toBe(
        '9005491123456789',
      );
    });

    it('says nothing when the plan leaves the number as it is', () => {
      expect(dialPreview('9123', { country: 'UY', dialPlan: UY })).toBeNull();
      expect(dialPreview('*72', { country: 'UY', dialPlan: UY })).toBeNull();
    });

    it('says nothing without a plan', () => {
      expect(dialPreview('2901 2345', { country: 'UY', dialPlan: null })).toBeNull();
    });

    it('says nothing for blank text or text that is no number', () => {
      expect(dialPreview('', { country: 'UY', dialPlan: UY })).toBeNull();
      expect(dialPreview('   ', { country: 'UY', dialPlan: UY })).toBeNull();
      expect(dialPreview('alice@example.com', { country: 'UY', dialPlan: UY })).toBeNull();
    });

    it('says nothing when the plan is invalid, instead of throwing', () => {
      const invalid = { homeCountry: 'UY', outsideLinePrefix: '9x' } as DialPlanRules;
      expect(dialPreview('2901 2345', { country: 'UY', dialPlan: invalid })).toBeNull();
    });

    it('reads a national number for the country given, not the plan’s', () => {
      expect(dialPreview('(415) 555-0123', { country: 'US', dialPlan: UY })).toBe('90014155550123');
      expect(dialPreview('(415) 555-0123', { dialPlan: UY })).toBeNull();
    });

    it('a country libphonenumber does not support counts as none', () => {
      expect(dialPreview('(415) 555-0123', { country: 'XX', dialPlan: UY })).toBeNull();
      expect(dialPreview('(415) 555-0123', { country: 'us', dialPlan: UY })).toBeNull();
    });
  });

  describe('call buttons: a dial string the detector already made (no country, as the background)', () => {
    it('shows what the plan dials', () => {
      expect(dialPreview('+5491123456789', { dialPlan: UY })).toBe('9005491123456789');
      expect(dialPreview('+59829012345', { dialPlan: UY })).toBe('9029012345');
    });

    it('reads a dial string as itself, so the preview is of exactly what is dialled', () => {
      for (const dial of ['+5491123456789', '+59829012345', '1997', '*72', '##1234']) {
        expect(sanitizeDialString(dial)).toBe(dial);
      }
    });

    it('says nothing when the plan leaves the dial string as it is', () => {
      expect(dialPreview('*72', { dialPlan: UY })).toBeNull();
      const e164: DialPlanRules = { homeCountry: 'UY', domestic: 'e164', internationalPrefix: '+' };
      expect(dialPreview('+5491123456789', { dialPlan: e164 })).toBeNull();
    });
  });

  describe('the options page tester: the plan’s home country, every answer shown', () => {
    it('shows what a number dials, changed or not', () => {
      const options = { country: UY.homeCountry, dialPlan: UY, evenIfUnchanged: true };
      expect(dialPreview('2901 2345', options)).toBe('9029012345');
      expect(dialPreview('9123', options)).toBe('9123');
    });

    it('still says nothing without a plan, for no number, or for an invalid plan', () => {
      expect(dialPreview('2901 2345', { dialPlan: null, evenIfUnchanged: true })).toBeNull();
      expect(
        dialPreview('hello', { country: 'UY', dialPlan: UY, evenIfUnchanged: true }),
      ).toBeNull();
      const invalid = { homeCountry: 'UY', outsideLinePrefix: '9x' } as DialPlanRules;
      expect(
        dialPreview('2901 2345', { country: 'UY', dialPlan: invalid, evenIfUnchanged: true }),
      ).toBeNull();
    });
  });
});
