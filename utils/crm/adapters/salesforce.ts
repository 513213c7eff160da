import type { CrmAdapter } from '../adapter';

/**
 * Salesforce Lightning Experience and Classic. Phone fields render through
 * `lightning-formatted-phone`, an `<a href="tel:">` inside its open shadow root (native shadow)
 * or its light DOM (LWC synthetic shadow, what content scripts see on Lightning pages); the
 * generic `tel:` handling covers both. With `disabled` it renders the number as plain text.
 */
export const salesforce: CrmAdapter = {
  id: 'salesforce',
  name: 'Salesforce',
  // Lightning and Classic, sandboxes and developer orgs included (`acme--uat.sandbox.…`). Not
  // `*.salesforce.com` (help, Trailhead, the marketing site), nor Experience Cloud and Sites
  // (`*.my.site.com`, `*.force.com`), nor Visualforce (`*.vf.force.com`): see README "Permissions".
  matches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  screenPop: 'https://{host}/one/one.app#/search?q={number}',
  exclude: [
    'lightning-formatted-date-time',
    'lightning-formatted-number',
    'lightning-formatted-time',
    'lightning-relative-date-time',
    // Record fields that hold identifiers, by API name (Lightning) …
    '[data-target-selection-name$=".AccountNumber"]',
    '[data-target-selection-name$=".CaseNumber"]',
    '[data-target-selection-name$=".OrderNumber"]',
    '[data-target-selection-name$=".ContractNumber"]',
    '[data-target-selection-name$=".TrackingNumber__c"]',
    // … and list-view columns of the same.
    'td[data-label="Account Number"]',
    'td[data-label="Case Number"]',
    'td[data-label="Order Number"]',
  ].join(', '),
  phoneFields: 'lightning-formatted-phone[disabled]',
};
