import { settingsItem, type Settings } from '@/utils/storage';

/**
 * The agent's default-country setting (ISO 3166 alpha-2, empty for "from the browser language").
 * `Settings` has no such field yet: it is read as an optional `defaultCountry` on the same
 * `local:settings` item, so once utils/storage.ts declares it (and the options page sets it), this
 * module needs no change.
 */
type SettingsWithCountry = Settings & { defaultCountry?: string };

export async function readDefaultCountrySetting(): Promise<string | undefined> {
  const settings: SettingsWithCountry = await settingsItem.getValue();
  return settings.defaultCountry || undefined;
}

/** Calls `onChange` when the setting changes; returns the unwatch function. */
export function watchDefaultCountrySetting(
  onChange: (country: string | undefined) => void,
): () => void {
  return settingsItem.watch((next: SettingsWithCountry, previous: SettingsWithCountry | null) => {
    if (next.defaultCountry !== previous?.defaultCountry) onChange(next.defaultCountry || undefined);
  });
}
