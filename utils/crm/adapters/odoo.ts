import type { CrmAdapter } from '../adapter';

/**
 * Odoo (odoo.com online). Forms keep every field as an input, the phone widget included
 * (`.o_field_phone input[type="tel"]`); list and kanban views render `tel:` links.
 */
export const odoo: CrmAdapter = {
  id: 'odoo',
  name: 'Odoo',
  matches: ['*://*.odoo.com/*'],
  screenPop: 'https://{host}/odoo/contacts?search={number}',
  exclude: [
    '.o_field_monetary',
    '.o_field_date',
    '.o_field_datetime',
    '.o_field_float',
    '.o_field_integer',
    '[name="ref"]',
    '[name="vat"]',
    '[name="zip"]',
    '[name="barcode"]',
    '[name="default_code"]',
  ].join(', '),
  phoneInputs: '.o_field_phone input[type="tel"]',
};
