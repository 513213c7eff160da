import type { CrmAdapter } from '../adapter';

/** `*.crm.dynamics.com` is North America; `crm2`…`crm21` are the other regions. */
const DYNAMICS_REGIONS = ['crm', ...Array.from({ length: 20 }, (_, i) => `crm${i + 2}`)];

/**
 * Dynamics 365 / Power Apps model-driven apps (Unified Interface). Forms show phone columns as
 * always-editable inputs (`data-id="telephone1.fieldControl-phone-text-input"`), so the button
 * goes after the input; grids render `tel:` links.
 */
export const dynamics: CrmAdapter = {
  id: 'dynamics',
  name: 'Dynamics 365',
  matches: DYNAMICS_REGIONS.map((region) => `https://*.${region}.dynamics.com/*`),
  screenPop: 'https://{host}/main.aspx?pagetype=search&searchText={number}',
  exclude: [
    '[col-id="accountnumber"]',
    '[col-id="ticketnumber"]',
    '[col-id="createdon"]',
    '[col-id="modifiedon"]',
    '[col-id="revenue"]',
    '[data-id$="_datetime"]',
  ].join(', '),
  phoneInputs: 'input[data-id$=".fieldControl-phone-text-input"]',
};
