import { describe, expect, it } from 'vitest';
import { dialStrings } from './helpers/page';
import { describeAdapterFixture } from './helpers/adapter-fixture';

describe('freshdesk adapter', () => {
  const open = describeAdapterFixture('freshdesk', {
    url: 'https://soporte.freshdesk.com/a/tickets/4312',
    country: 'AR',
    dials: ['+541143215678', '+5491123456789', '+543514234567'],
  });

  it('skips the struck-out old number and the external ID', () => {
    open();
    const sidebar = document.querySelector('[data-test-id="requester-info"]')!;
    expect(dialStrings(sidebar)).toEqual(['+541143215678', '+5491123456789']);
  });
});
