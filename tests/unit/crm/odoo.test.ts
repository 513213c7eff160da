import { describe, expect, it } from 'vitest';
import { CALL_BUTTON_HOST } from '@/utils/crm/call-button';
import { describeAdapterFixture } from './helpers/adapter-fixture';

describe('odoo adapter', () => {
  const open = describeAdapterFixture('odoo', {
    url: 'https://distribuidora.odoo.com/odoo/crm/42',
    country: 'UY',
    dials: ['+59899123456', '+59894123456', '+59824001234', '+59847321234', '+59829160000'],
  });

  it('puts the form buttons after the phone inputs', () => {
    open();
    for (const id of ['phone_0', 'mobile_0']) {
      expect(document.getElementById(id)!.nextElementSibling?.localName).toBe(CALL_BUTTON_HOST);
    }
  });

  it('offers no call for the SMS link of the phone widget (it shows no number)', () => {
    open();
    const sms = document.querySelector('a.o_field_phone_sms')!;
    expect(sms.nextElementSibling).toBeNull();
    expect(sms.querySelector(CALL_BUTTON_HOST)).toBeNull();
    // The phone input's own button stays the one before it.
    expect(sms.previousElementSibling?.localName).toBe(CALL_BUTTON_HOST);
  });
});
