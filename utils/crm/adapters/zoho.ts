import type { CrmAdapter } from '../adapter';

/** The data centres Zoho CRM is served from, one host each (Canada's new one is zohocloud.ca). */
const ZOHO_CRM_HOSTS = [
  ...['com', 'eu', 'in', 'com.au', 'com.cn', 'jp', 'ca', 'sa', 'uk'].map(
    (tld) => `crm.zoho.${tld}`,
  ),
  'crm.zohocloud.ca',
];

/**
 * Zoho CRM (all data centres). Detail views render each field as `#subvalue_<FIELD>` inside
 * `[data-zcqa]` cells; auto-number, currency and date fields carry their type in a class.
 */
export const zoho: CrmAdapter = {
  id: 'zoho',
  name: 'Zoho CRM',
  matches: ZOHO_CRM_HOSTS.map((host) => `https://${host}/*`),
  screenPop: 'https://crm.zoho.com/crm/tab/search?searchword={number}',
  exclude: [
    '.crm-autonumber-field',
    '.crm-currency-field',
    '.crm-date-field',
    '.crm-datetime-field',
    '[id^="subvalue_Zip"]',
    '[id="subvalue_Account_Number"]',
    '[data-zcqa="cv_column_Record_Id"]',
  ].join(', '),
  phoneFields: '.crm-phone-field [id^="subvalue_"]',
};
