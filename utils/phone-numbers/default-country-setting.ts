import { storage } from '#imports';
import type { Settings } from '@/utils/storage';

/**
 * The agent's default-country setting (ISO 3166 alpha-2, empty for "from the browser language").
 * `Settings` has no such field yet: it is read as an optional `defaultCountry` on the same
 * `local:settings` item, so once utils/storage.ts declares it (and the options page sets it), this
 * module needs no change.
 *
 * Reads the key directly instead of importing `settingsItem`: utils/storage.ts also defines
 * `session:` items, and @wxt-dev/storage reads every item it defines right away, which content
 * scripts may not do for `session:` (two "Access to storage is not allowed from this context"
 * errors on every CRM page).
 */
const SETTINGS_KEY = 'local:settings';

type SettingsWithCountry = Partial<Settings> & { defaultCountry?: string };

export async function readDefaultCountrySetting(): Promise<string | undefined> {
  const settings = await storage.getItem<SettingsWithCountry>(SETTINGS_KEY);
  return settings?.defaultCountry || undefined;
}

/** Calls `onChange` when the setting changes; returns the unwatch function. */
export function watchDefaultCountrySetting(
  onChange: (country: string | undefined) => void,
): () => void {
  return storage.watch<SettingsWithCountry>(SETTINGS_KEY, (next, previous) => {
    if (next?.defaultCountry !== previous?.defaultCountry) {
      onChange(next?.defaultCountry || undefined);
    }
  });
}
