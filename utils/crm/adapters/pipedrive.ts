import type { CrmAdapter } from '../adapter';

/**
 * Pipedrive person, organization and deal pages. Phone values link with `callto:` (for
 * Pipedrive's own Caller and Skype) as well as `tel:`.
 */
export const pipedrive: CrmAdapter = {
  id: 'pipedrive',
  name: 'Pipedrive',
  // Each company has its own host (`acme.pipedrive.com`), so the app takes the whole domain less
  // what Pipedrive serves there besides: its marketing site (the bare domain redirects to it),
  // help center, API docs and forums, and the pages it serves to a company's customers (web
  // forms and Scheduler booking pages, both also embedded as frames in the company's website).
  matches: ['https://*.pipedrive.com/*'],
  excludeMatches: [
    'https://pipedrive.com/*',
    'https://www.pipedrive.com/*',
    'https://support.pipedrive.com/*',
    'https://developers.pipedrive.com/*',
    'https://community.pipedrive.com/*',
    'https://devcommunity.pipedrive.com/*',
    'https://webforms.pipedrive.com/*',
    'https://*.pipedrive.com/scheduler/*',
  ],
  screenPop: 'https://{host}/search?term={number}',
  exclude: [
    '[data-test="deal-value"]',
    '[data-test="deal-id"]',
    '[data-test="activity-due-date"]',
    '.dealValue',
  ].join(', '),
  phoneLinks: 'a[href^="callto:" i]',
};
