import type { CrmAdapter } from '../adapter';
import { appPathPatterns } from '../app-path-patterns';

/** Freshdesk ticket and contact pages. */
export const freshdesk: CrmAdapter = {
  id: 'freshdesk',
  name: 'Freshdesk',
  // The agent app only (`/a/`): the same host serves the customer support portal (`/support/`).
  matches: appPathPatterns('*.freshdesk.com', '/a'),
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
