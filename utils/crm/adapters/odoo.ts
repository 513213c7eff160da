import type { CrmAdapter } from '../adapter';
import { appPathPatterns } from '../app-path-patterns';

/**
 * Odoo (odoo.com online). Forms keep every field as an input, the phone widget included
 * (`.o_field_phone input[type="tel"]`); list and kanban views render `tel:` links.
 */
export const odoo: CrmAdapter = {
  id: 'odoo',
  name: 'Odoo',
  // The web client only: `/odoo` (Odoo 18 and later) and `/web` (up to 17, and its login). Every
  // other path of the host is the tenant's website or shop, any page name included (`/webinars`).
  matches: [...appPathPatterns('*.odoo.com', '/odoo'), ...appPathPatterns('*.odoo.com', '/web')],
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
