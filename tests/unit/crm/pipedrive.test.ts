import { describe, expect, it } from 'vitest';
import { callButtons } from './helpers/page';
import { describeAdapterFixture } from './helpers/adapter-fixture';

describe('pipedrive adapter', () => {
  const open = describeAdapterFixture('pipedrive', {
    url: 'https://ferreteria.pipedrive.com/person/812',
    country: 'ES',
    dials: ['+34612345678', '+34912345678', '+34900123456'],
  });

  it('reads callto: links as well as tel: links', () => {
    open();
    const link = document.querySelector('a[href^="callto:"]')!;
    const host = link.nextElementSibling!;
    expect(callButtons(host.parentElement!)[0]?.getAttribute('aria-label')).toBe(
      'Call +34 612 34 56 78',
    );
  });
});
