import type { CrmAdapter } from '../adapter';

/**
 * Pipedrive person, organization and deal pages. Phone values link with `callto:` (for
 * Pipedrive's own Caller and Skype) as well as `tel:`.
 */
export const pipedrive: CrmAdapter = {
  id: 'pipedrive',
  name: 'Pipedrive',
  matches: ['*://*.pipedrive.com/*'],
  screenPop: 'https://{host}/search?term={number}',
  exclude: [
    '[data-test="deal-value"]',
    '[data-test="deal-id"]',
    '[data-test="activity-due-date"]',
    '.dealValue',
  ].join(', '),
  phoneLinks: 'a[href^="callto:" i]',
};
