import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { resolveDefaultCountry } from '@/utils/phone-numbers/default-country';
import {
  readDefaultCountrySetting,
  watchDefaultCountrySetting,
} from '@/utils/phone-numbers/default-country-setting';

describe('resolveDefaultCountry', () => {
  it('prefers the setting when it names a supported country', () => {
    expect(resolveDefaultCountry('uy', ['en-US'])).toBe('UY');
  });

  it('ignores an unknown or empty setting and uses the browser languages', () => {
    expect(resolveDefaultCountry('XX', ['es-AR', 'en-US'])).toBe('AR');
    expect(resolveDefaultCountry('', ['pt-BR'])).toBe('BR');
    expect(resolveDefaultCountry(undefined, ['en-GB'])).toBe('GB');
  });

  it('takes the first language with a region before guessing one', () => {
    expect(resolveDefaultCountry(undefined, ['es', 'es-MX'])).toBe('MX');
  });

  it('maximizes a bare language when none has a region', () => {
    expect(resolveDefaultCountry(undefined, ['es'])).toBe('ES');
    expect(resolveDefaultCountry(undefined, ['pt'])).toBe('BR');
    expect(resolveDefaultCountry(undefined, ['en'])).toBe('US');
  });

  it('is undefined when nothing names a country', () => {
    expect(resolveDefaultCountry(undefined, [])).toBeUndefined();
    expect(resolveDefaultCountry(undefined, ['not a tag!'])).toBeUndefined();
  });
});

describe('default-country setting', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads defaultCountry from the local settings, empty meaning unset', async () => {
    expect(await readDefaultCountrySetting()).toBeUndefined();
    await fakeBrowser.storage.local.set({ settings: { instance: 'acme', defaultCountry: 'UY' } });
    expect(await readDefaultCountrySetting()).toBe('UY');
    await fakeBrowser.storage.local.set({ settings: { instance: 'acme', defaultCountry: '' } });
    expect(await readDefaultCountrySetting()).toBeUndefined();
  });

  it('reports changes of the country only', async () => {
    const changes: (string | undefined)[] = [];
    const unwatch = watchDefaultCountrySetting((country) => changes.push(country));
    await fakeBrowser.storage.local.set({ settings: { instance: 'a', defaultCountry: 'AR' } });
    await fakeBrowser.storage.local.set({ settings: { instance: 'b', defaultCountry: 'AR' } });
    await fakeBrowser.storage.local.set({ settings: { instance: 'b', defaultCountry: 'MX' } });
    unwatch();
    await fakeBrowser.storage.local.set({ settings: { instance: 'b', defaultCountry: 'ES' } });
    expect(changes).toEqual(['AR', 'MX']);
  });
});
