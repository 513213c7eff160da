import { describe, expect, it } from 'vitest';
import { callButtons } from './helpers/page';
import { describeAdapterFixture } from './helpers/adapter-fixture';

describe('salesforce adapter', () => {
  const open = describeAdapterFixture('salesforce', {
    url: 'https://acme.lightning.force.com/lightning/r/Contact/0035g00000AbCdEAAZ/view',
    country: 'US',
    dials: [
      '+14155550123', // highlights panel: lightning-formatted-phone, light DOM link
      '+14155550199', // Mobile: lightning-formatted-phone with its link in an open shadow root
      '5550142', // Other Phone: disabled lightning-formatted-phone, plain text without area code
      '+442079460958', // rich-text description, with an extension
      '+5491123456789', // related list cell
      '+14155550123', // activity timeline, same number again
    ],
  });

  it('puts the Mobile button inside the shadow root, next to the link', () => {
    open();
    const phone = document.querySelector(
      '[data-target-selection-name$=".MobilePhone"] lightning-formatted-phone',
    )!;
    expect(callButtons(phone.shadowRoot!).map((b) => b.getAttribute('aria-label'))).toEqual([
      'Call (415) 555-0199',
    ]);
  });

  it('offers no call for the Fax field', () => {
    open();
    const fax = document.querySelector('[data-target-selection-name$=".Fax"]')!;
    expect(callButtons(fax)).toEqual([]);
  });

  it('is also picked for Classic (my.salesforce.com) URLs', async () => {
    const { adapterFor } = await import('@/utils/crm/registry');
    expect(adapterFor('https://acme.my.salesforce.com/003/o').id).toBe('salesforce');
  });
});
