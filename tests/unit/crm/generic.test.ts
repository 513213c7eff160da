import { describe, expect, it } from 'vitest';
import { adapterFor } from '@/utils/crm/registry';
import { dialStrings } from './helpers/page';
import { describeAdapterFixture } from './helpers/adapter-fixture';

describe('generic adapter', () => {
  const open = describeAdapterFixture('generic', {
    url: 'https://intranet.example.com.uy/clientes/118',
    country: 'UY',
    dials: ['+59824001234', '+59899123456', '+59829160000', '+59829160001'],
  });

  it('leaves the form fields alone', () => {
    open();
    expect(dialStrings(document.querySelector('form')!)).toEqual([]);
  });

  it('is the fallback for any site the agent enabled', () => {
    expect(adapterFor('https://crm.example.org/').id).toBe('generic');
    expect(adapterFor('http://localhost:8080/contacts').id).toBe('generic');
  });
});
