import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { adapterFor } from '@/utils/crm/registry';
import { findPhoneNumbers } from '@/utils/phone-numbers/find-numbers';
import type { CountryCode } from '@/utils/phone-numbers/libphonenumber';
import {
  callButtons,
  dialStrings,
  fakeBackground,
  loadFixture,
  startOnPage,
  type StartedPage,
} from './helpers/page';

/**
 * tests/fixtures/crm/negatives.html is not an adapter fixture: a CRM-ish page full of things that
 * only look like numbers, with the real phone numbers only in editable fields. The right result
 * is no button at all, whatever the agent's country.
 */
const URL = 'https://crm.example.com/accounts/1';

describe('negatives fixture (nothing to call)', () => {
  let page: StartedPage | null = null;

  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    page?.abort.abort();
    page = null;
    document.head.replaceChildren();
    document.body.replaceChildren();
  });

  function open(country: CountryCode): StartedPage {
    fakeBackground();
    loadFixture('negatives');
    page = startOnPage(URL, country);
    return page;
  }

  it('is scanned by the generic adapter', () => {
    expect(adapterFor(URL).id).toBe('generic');
  });

  it.each<CountryCode>(['US', 'UY'])(
    'gets zero call buttons with default country %s',
    (country) => {
      open(country);
      expect(dialStrings()).toEqual([]);
      expect(callButtons()).toHaveLength(0);
    },
  );

  describe('is not vacuous', () => {
    beforeEach(() => loadFixture('negatives'));

    it.each<CountryCode>(['US', 'UY'])(
      'its editable fields hold real %s numbers (so skipping them is what keeps it at zero)',
      (country) => {
        const values = [
          ...[...document.querySelectorAll('input')].map((input) => input.value),
          ...[...document.querySelectorAll('textarea')].map((area) => area.value),
          ...[...document.querySelectorAll('[contenteditable]')].map((el) => el.textContent ?? ''),
        ];
        const found = values.flatMap((text) =>
          findPhoneNumbers(text, { defaultCountry: country }).map((match) => match.dial),
        );
        // International numbers are found whatever the country; national ones only in theirs.
        expect(found).toEqual(
          expect.arrayContaining(['+59894123456', '+12125550147', '+59824001234']),
        );
        expect(found).toContain(country === 'US' ? '+14155550123' : '+59899123456');
      },
    );

    it('its plain text is full of digits', () => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let digitRuns = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('form, [contenteditable]')) continue;
        digitRuns += (node.textContent ?? '').match(/\d{4,}|\d+(?:[ .,/-]\d+){2,}/g)?.length ?? 0;
      }
      expect(digitRuns).toBeGreaterThanOrEqual(60);
    });
  });
});
