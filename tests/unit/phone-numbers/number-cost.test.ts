import { describe, expect, it } from 'vitest';
import type { CountryCode } from 'libphonenumber-js';
import { costlyNumber } from '@/utils/phone-numbers/number-cost';

describe('costlyNumber: libphonenumber number types (max metadata)', () => {
  it.each<[string, string, CountryCode | undefined]>([
    ['US 1-900', '+19005550111', undefined],
    ['US 1-900, another exchange', '+19002001234', undefined],
    ['UK 09', '+449098765432', undefined],
    ['UK 0871 (service number: premium to libphonenumber)', '+448712345678', undefined],
    ['UK 0843 (service number: premium to libphonenumber)', '+448431234567', undefined],
    ['UK 0845', '+448451234567', undefined],
    ['Spain 803', '+34803123456', undefined],
    ['Spain 806', '+34806123456', undefined],
    ['Spain 807', '+34807123456', undefined],
    ['Brazil 0900, national for BR', '09001234567', 'BR'],
    ['Brazil 0900, E.164', '+559001234567', undefined],
    ['Mexico 900', '+529001234567', undefined],
    ['Argentina 0600, national for AR', '06001234567', 'AR'],
  ])('%s is premium-rate', (_case, dial, country) => {
    expect(costlyNumber(dial, country)).toBe('premium-rate');
  });

  it.each<[string, string]>([
    ['Spain 901', '+34901123456'],
    ['Spain 902', '+34902123456'],
    ['Brazil 0300', '+553001234567'],
  ])('%s is shared-cost', (_case, dial) => {
    expect(costlyNumber(dial)).toBe('shared-cost');
  });

  it.each<[string, string, CountryCode | undefined]>([
    ['a US landline or mobile', '+14155550123', undefined],
    ['US toll-free 800', '+18005550123', undefined],
    ['UK mobile', '+447911123456', undefined],
    ['UK London landline', '+442079460000', undefined],
    ['UK freephone 0808', '+448081234567', undefined],
    ['UK 03 (charged as a landline)', '+443001234567', undefined],
    ['Spain mobile', '+34612345678', undefined],
    ['Spain toll-free 900', '+34900123456', undefined],
    ['Brazil toll-free 0800', '08001234567', 'BR'],
    ['Argentina toll-free 0800', '+548003331234', undefined],
    ['Argentina mobile', '+5491112345678', undefined],
    ['Uruguay mobile', '+59899123456', undefined],
    ['an extension', '204', 'UY'],
    ['a feature code', '*67', 'US'],
    ['digits that are no number', '123', undefined],
  ])('%s does not ask', (_case, dial, country) => {
    expect(costlyNumber(dial, country)).toBeNull();
  });

  it('knows no Spanish 905 (televoting) range: libphonenumber has none, an admin can block +34905*', () => {
    expect(costlyNumber('+34905123456')).toBeNull();
  });
});
