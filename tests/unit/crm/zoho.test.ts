import { describe, expect, it } from 'vitest';
import { adapterFor } from '@/utils/crm/registry';
import { callButtons } from './helpers/page';
import { describeAdapterFixture } from './helpers/adapter-fixture';

describe('zoho adapter', () => {
  const open = describeAdapterFixture('zoho', {
    url: 'https://crm.zoho.com/crm/org712345678/tab/Leads/5123456000000412345',
    country: 'MX',
    dials: ['+525512345678', '+523336160000', '+528001234567', '+525555551234'],
  });

  it('keeps the switchboard extension for after the call connects', () => {
    open();
    const button = callButtons().find((b) => b.dataset.ucontactCall === '+525555551234')!;
    expect(button.getAttribute('aria-label')).toBe('Call (55) 5555-1234 interno 204');
    expect(button.title).toContain('204');
  });

  it.each(['eu', 'in', 'com.au', 'com.cn', 'jp', 'ca', 'sa', 'uk'])(
    'serves the crm.zoho.%s data centre',
    (tld) => {
      expect(adapterFor(`https://crm.zoho.${tld}/crm/tab/Leads`).id).toBe('zoho');
    },
  );

  it('serves the Canadian data centre at crm.zohocloud.ca', () => {
    expect(adapterFor('https://crm.zohocloud.ca/crm/tab/Leads').id).toBe('zoho');
  });
});
