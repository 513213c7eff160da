import { describe, expect, it } from 'vitest';
import { dialStrings } from './helpers/page';
import { describeAdapterFixture } from './helpers/adapter-fixture';

describe('hubspot adapter', () => {
  const open = describeAdapterFixture('hubspot', {
    url: 'https://app.hubspot.com/contacts/44512345/record/0-1/51234567890',
    country: 'US',
    dials: ['+16175550134', '+16175550187', '+16175550134', '+12125550147'],
  });

  it('leaves the 11-digit Record ID alone (it reads as a valid US number)', () => {
    open();
    const recordId = document.querySelector('[data-selenium-test="property-input-hs_object_id"]')!;
    expect(dialStrings(recordId)).toEqual([]);
  });
});
