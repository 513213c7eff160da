import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { cachedSettingsReader } from '@/utils/settings/read-settings';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('cached settings reader (the background)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads once, and again after the agent (or the policy) changed the settings', async () => {
    await fakeBrowser.storage.local.set({ settings: { defaultCountry: 'UY' } });
    const read = cachedSettingsReader();
    const first = read();
    expect(read()).toBe(first);
    expect((await first).defaultCountry).toBe('UY');
    await fakeBrowser.storage.local.set({ settings: { defaultCountry: 'AR' } });
    await settle();
    expect((await read()).defaultCountry).toBe('AR');
    // Other keys are not settings.
    const cached = read();
    await fakeBrowser.storage.local.set({ history: [] });
    await settle();
    expect(read()).toBe(cached);
  });
});
