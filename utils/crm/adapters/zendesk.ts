import type { CrmAdapter } from '../adapter';
import { appPathPatterns } from '../app-path-patterns';

/**
 * Zendesk Support agent workspace: ticket and user pages. Ticket numbers show as `#12345` and
 * organization/external IDs as bare digits.
 */
export const zendesk: CrmAdapter = {
  id: 'zendesk',
  name: 'Zendesk',
  // The agent workspace only: the same host serves the help center (`/hc/`), which the tenant and
  // its customers write, and the customer-facing request pages.
  matches: appPathPatterns('*.zendesk.com', '/agent'),
  screenPop: 'https://{host}/agent/search/1?q={number}',
  exclude: [
    '[data-test-id="ticket-id"]',
    '[data-test-id="header-tab-subtitle"]',
    '[data-test-id="user-external-id"]',
    '[data-test-id="ticket-fields-order-number"]',
  ].join(', '),
  phoneFields: '[data-test-id="user-identity-phone"] [data-test-id="identity-value"]',
};
