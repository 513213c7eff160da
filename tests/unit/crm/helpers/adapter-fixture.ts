import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { adapterFor } from '@/utils/crm/registry';
import type { CountryCode } from '@/utils/phone-numbers/libphonenumber';
import {
  callButtons,
  dialStrings,
  fakeBackground,
  loadFixture,
  startOnPage,
  type StartedPage,
} from './page';

export interface FixtureExpectation {
  /** A real-looking URL of the CRM page the fixture imitates. */
  url: string;
  /** The agent's default country for the page. */
  country: CountryCode;
  /** Exactly the dial strings the page must get buttons for, one per occurrence. */
  dials: string[];
}

/**
 * The checks every adapter's fixture page gets: the registry picks the adapter for its URL, and
 * the page ends up with exactly the expected buttons (no more: dates, IDs and money stay plain).
 * Returns a function that loads the fixture and starts click-to-call, for adapter-specific tests.
 */
export function describeAdapterFixture(
  id: string,
  expected: FixtureExpectation,
): () => StartedPage {
  let page: StartedPage | null = null;
  const open = () => {
    fakeBackground();
    loadFixture(id);
    page = startOnPage(expected.url, expected.country);
    return page;
  };

  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    page?.abort.abort();
    page = null;
    document.head.replaceChildren();
    document.body.replaceChildren();
  });

  describe(`${id} fixture`, () => {
    it(`is handled by the ${id} adapter`, () => {
      expect(adapterFor(expected.url).id).toBe(id);
    });

    it('gets exactly one button per real number', () => {
      open();
      expect(dialStrings().sort()).toEqual([...expected.dials].sort());
    });

    it('names every button "Call <number as shown>"', () => {
      open();
      for (const button of callButtons()) {
        expect(button.getAttribute('aria-label')).toMatch(/^Call \S/);
      }
    });
  });

  return open;
}
