import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { pageSettingsOf } from '@/utils/background/number-detection';
import { readPageSettings, watchPageSettings, type PageSettings } from '@/utils/crm/page-settings';
import { readSettings } from '@/utils/settings/read-settings';

const UY_PLAN = { homeCountry: 'UY', outsideLinePrefix: '9' };

/** The page asks the background, which answers from the stored settings, as the real one does. */
function serveSettings(): void {
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { kind, type } = message as { kind: string; type: string };
    if (kind !== 'request' || type !== 'page.settings') return undefined;
    return readSettings().then(pageSettingsOf);
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('page settings (country and dial plan for CRM pages)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    serveSettings();
  });

  it('reads the country (empty meaning unset), the dial plan and debug from the background', async () => {
    expect(await readPageSettings()).toMatchObject({ country: undefined, dialPlan: null });
    await fakeBrowser.storage.local.set({
      settings: { defaultCountry: 'UY', dialPlan: UY_PLAN, debug: true },
    });
    expect(await readPageSettings()).toEqual({ country: 'UY', dialPlan: UY_PLAN, debug: true });
    await fakeBrowser.storage.local.set({ settings: { defaultCountry: '' } });
    expect(await readPageSettings()).toMatchObject({ country: undefined, dialPlan: null });
  });

  it('reports changes of what the page reads numbers with, and nothing else', async () => {
    const changes: PageSettings[] = [];
    const unwatch = watchPageSettings(await readPageSettings(), (settings) =>
      changes.push(settings),
    );
    await settle();
    await fakeBrowser.storage.local.set({ settings: { instance: 'a', defaultCountry: 'AR' } });
    await settle();
    await fakeBrowser.storage.local.set({ settings: { instance: 'b', defaultCountry: 'AR' } });
    await settle();
    await fakeBrowser.storage.local.set({ settings: { defaultCountry: 'AR', dialPlan: UY_PLAN } });
    await settle();
    // Another key of storage is no reason to ask again.
    await fakeBrowser.storage.local.set({ other: { defaultCountry: 'ES' } });
    await settle();
    unwatch();
    await fakeBrowser.storage.local.set({ settings: { defaultCountry: 'ES' } });
    await settle();
    expect(changes.map(({ country, dialPlan }) => ({ country, dialPlan }))).toEqual([
      { country: 'AR', dialPlan: null },
      { country: 'AR', dialPlan: UY_PLAN },
    ]);
  });
});
