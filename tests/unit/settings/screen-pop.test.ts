import { describe, expect, it } from 'vitest';
import { screenPopPresets } from '@/utils/crm/registry';
import { screenPopUrl } from '@/utils/settings/screen-pop';

describe('screenPopUrl', () => {
  it('puts the caller number, URL-encoded, where {number} is', () => {
    expect(screenPopUrl('https://crm.example/search?q={number}', '+14155550123')).toBe(
      'https://crm.example/search?q=%2B14155550123',
    );
  });

  it('replaces every {number}', () => {
    expect(screenPopUrl('https://crm.example/{number}?q={number}', '1997')).toBe(
      'https://crm.example/1997?q=1997',
    );
  });

  it.each([
    ['*97#', 'https://crm.example/s?q=*97%23'],
    ['+1 (415) 555-0123', 'https://crm.example/s?q=%2B14155550123'],
    ['1 2&x=y', 'https://crm.example/s?q=12'],
    ['2000\r\nSet-Cookie: x', 'https://crm.example/s?q=2000'],
    ['\u202E1234', 'https://crm.example/s?q=1234'],
  ])(
    'carries only +, digits, * and # of %j, so it cannot change the URL around it',
    (number, url) => {
      expect(screenPopUrl('https://crm.example/s?q={number}', number)).toBe(url);
    },
  );

  it.each(['../admin', 'anonymous', 'evil.example/x?', '+'])(
    'gives null for a caller number without digits: %j',
    (number) => {
      expect(screenPopUrl('https://crm.example/s?q={number}', number)).toBeNull();
    },
  );

  it('cannot be turned into another host by the caller number', () => {
    const url = screenPopUrl('https://{number}.crm.example/', 'evil.example/x?');
    expect(url === null || new URL(url).hostname.endsWith('.crm.example')).toBe(true);
  });

  it('accepts http as well as https, normalising the URL', () => {
    expect(screenPopUrl('http://crm.local/search?q={number}', '1997')).toBe(
      'http://crm.local/search?q=1997',
    );
    expect(screenPopUrl('HTTPS://CRM.Example/s?q={number}', '1997')).toBe(
      'https://crm.example/s?q=1997',
    );
  });

  it.each([
    'javascript:alert({number})',
    'JavaScript:alert("{number}")',
    'data:text/html,<b>{number}</b>',
    'file:///home/agent/{number}.txt',
    'chrome://settings/?search={number}',
    'ftp://crm.example/{number}',
    'crm.example/search?q={number}',
    '/search?q={number}',
    'https://',
    '{number}',
  ])('refuses %j (only http(s) URLs open)', (template) => {
    expect(screenPopUrl(template, '1997')).toBeNull();
  });

  it.each(['', 'https://crm.example/search', 'https://crm.example/search?q={numero}'])(
    'gives null for a template without {number}: %j',
    (template) => {
      expect(screenPopUrl(template, '1997')).toBeNull();
    },
  );

  it('gives null without a caller number (anonymous call)', () => {
    expect(screenPopUrl('https://crm.example/search?q={number}', '')).toBeNull();
  });
});

describe('screenPopPresets', () => {
  const presets = screenPopPresets().map(({ id, template }) => [id, template] as const);

  it('covers the supported CRMs', () => {
    expect(presets.map(([id]) => id).sort()).toEqual([
      'dynamics',
      'freshdesk',
      'hubspot',
      'odoo',
      'pipedrive',
      'salesforce',
      'zendesk',
      'zoho',
    ]);
  });

  it.each(presets)('%s is an https template with {number}', (_crm, template) => {
    expect(template.startsWith('https://')).toBe(true);
    expect(template).toContain('{number}');
  });

  it.each(presets)(
    '%s, with the agent’s host filled in, pops an https URL carrying the number',
    (_crm, template) => {
      const filled = template.replace('{host}', 'acme.example.com').replace('{portal}', '123456');
      const url = screenPopUrl(filled, '+59824001234');
      expect(url).not.toBeNull();
      const parsed = new URL(url!);
      expect(parsed.protocol).toBe('https:');
      expect(url).toContain('%2B59824001234');
      expect(url).not.toContain('{');
    },
  );
});
