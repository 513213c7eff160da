import type { CrmAdapter } from '../adapter';

/**
 * The HubSpot app, one host per data centre (the account's `uiDomain`): `app` is North America 1,
 * then the EU, North America 2 and 3, and Asia-Pacific. Not `*.hubspot.com`: that is also the
 * marketing site, the knowledge base, the community and customer-facing meeting pages.
 */
const HUBSPOT_APP_HOSTS = [
  'app.hubspot.com',
  'app-eu1.hubspot.com',
  'app-na2.hubspot.com',
  'app-na3.hubspot.com',
  'app-ap1.hubspot.com',
];

/**
 * HubSpot CRM record and index pages. Property values sit in `data-selenium-test` containers;
 * the "Record ID" property is an 11-digit number that reads as a valid US phone number.
 */
export const hubspot: CrmAdapter = {
  id: 'hubspot',
  name: 'HubSpot',
  matches: HUBSPOT_APP_HOSTS.map((host) => `https://${host}/*`),
  screenPop: 'https://app.hubspot.com/contacts/{portal}/search?query={number}',
  exclude: [
    '[data-selenium-test="property-input-hs_object_id"]',
    '[data-selenium-test="property-input-amount"]',
    '[data-selenium-test="property-input-createdate"]',
    '[data-selenium-test="property-input-zip"]',
    '[data-test-id="record-id"]',
    'td[data-column-name="hs_object_id"]',
    'td[data-column-name="amount"]',
  ].join(', '),
  phoneFields: [
    '[data-selenium-test="property-input-phone"] [data-selenium-test="property-value"]',
    '[data-selenium-test="property-input-mobilephone"] [data-selenium-test="property-value"]',
    'td[data-column-name="phone"] [data-selenium-test="property-value"]',
  ].join(', '),
};
