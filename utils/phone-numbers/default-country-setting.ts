import { readSettings, settingsItem } from '@/utils/storage';

/** The agent's default-country setting (ISO 3166 alpha-2), or undefined for "from the browser language". */
export async function readDefaultCountrySetting(): Promise<string | undefined> {
  const settings = await readSettings();
  return settings.defaultCountry || undefined;
}

/** Calls `onChange` when the setting changes; returns the unwatch function. */
export function watchDefaultCountrySetting(
  onChange: (country: string | undefined) => void,
): () => void {
  return settingsItem.watch((next, previous) => {
    if (next?.defaultCountry !== previous?.defaultCountry)
      onChange(next?.defaultCountry || undefined);
  });
}
