import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readPageSettings, watchPageSettings, type PageSettings } from '@/utils/crm/page-settings';

const UY_PLAN = { homeCountry: 'UY', outsideLinePrefix: '9' };

describe('page settings (country and dial plan for CRM pages)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the country (empty meaning unset) and the dial plan', async () => {
    expect(await readPageSettings()).toEqual({ country: undefined, dialPlan: null });
    await fakeBrowser.storage.local.set({ settings: { defaultCountry: 'UY', dialPlan: UY_PLAN } });
    expect(await readPageSettings()).toEqual({ country: 'UY', dialPlan: UY_PLAN });
    await fakeBrowser.storage.local.set({ settings: { defaultCountry: '' } });
    expect(await readPageSettings()).toEqual({ country: undefined, dialPlan: null });
  });

  it('reports changes of the country or the dial plan only', async () => {
    const changes: PageSettings[] = [];
    const unwatch = watchPageSettings(await readPageSettings(), (settings) =>
      changes.push(settings),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fakeBrowser.storage.local.set({ settings: { instance: 'a', defaultCountry: 'AR' } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fakeBrowser.storage.local.set({ settings: { instance: 'b', defaultCountry: 'AR' } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fakeBrowser.storage.local.set({ settings: { defaultCountry: 'AR', dialPlan: UY_PLAN } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    unwatch();
    await fakeBrowser.storage.local.set({ settings: { defaultCountry: 'ES' } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(changes).toEqual([
      { country: 'AR', dialPlan: null },
      { country: 'AR', dialPlan: UY_PLAN },
    ]);
  });
});
