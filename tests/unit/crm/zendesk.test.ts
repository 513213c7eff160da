import { describe, expect, it } from 'vitest';
import { dialStrings } from './helpers/page';
import { describeAdapterFixture } from './helpers/adapter-fixture';

describe('zendesk adapter', () => {
  const open = describeAdapterFixture('zendesk', {
    url: 'https://acme.zendesk.com/agent/tickets/104512',
    country: 'BR',
    dials: ['+5511987654321', '+552123456789', '+558001234567'],
  });

  it('leaves ticket fields that hold IDs alone', () => {
    open();
    expect(dialStrings(document.querySelector('[data-test-id="ticket-fields"]')!)).toEqual([]);
    expect(dialStrings(document.querySelector('[data-test-id="user-external-id"]')!)).toEqual([]);
  });
});
