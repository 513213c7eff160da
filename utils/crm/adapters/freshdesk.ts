import type { CrmAdapter } from '../adapter';

/** Freshdesk ticket and contact pages. */
export const freshdesk: CrmAdapter = {
  id: 'freshdesk',
  name: 'Freshdesk',
  matches: ['*://*.freshdesk.com/*'],
  screenPop: 'https://{host}/a/search/all?term={number}',
  exclude: [
    '.ticket-id',
    '[data-test-id="ticket-id"]',
    '.contact-unique-external-id',
    '.timestamp',
  ].join(', '),
  phoneFields:
    '[data-test-id="contact-phone"] .info-value, [data-test-id="contact-mobile"] .info-value',
};
