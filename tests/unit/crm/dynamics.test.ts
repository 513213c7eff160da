import { describe, expect, it } from 'vitest';
import { CALL_BUTTON_HOST } from '@/utils/crm/call-button';
import { adapterFor } from '@/utils/crm/registry';
import { describeAdapterFixture } from './helpers/adapter-fixture';

describe('dynamics adapter', () => {
  const open = describeAdapterFixture('dynamics', {
    url: 'https://contoso.crm11.dynamics.com/main.aspx?appid=1&pagetype=entityrecord&etn=contact',
    country: 'GB',
    dials: ['+442079460958', '+447911123456', '+441614960000', '+441614960123'],
  });

  it('puts buttons after the phone inputs, never in other inputs', () => {
    open();
    const after = (dataId: string) =>
      document.querySelector(`[data-id="${dataId}"]`)!.nextElementSibling?.localName;
    expect(after('telephone1.fieldControl-phone-text-input')).toBe(CALL_BUTTON_HOST);
    expect(after('mobilephone.fieldControl-phone-text-input')).toBe(CALL_BUTTON_HOST);
    expect(after('fax.fieldControl-text-box-text')).toBeUndefined();
  });

  it.each(['crm', 'crm2', 'crm4', 'crm21'])('serves *.%s.dynamics.com', (region) => {
    expect(adapterFor(`https://org.${region}.dynamics.com/main.aspx`).id).toBe('dynamics');
  });
});
