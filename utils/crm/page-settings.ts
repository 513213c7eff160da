import { request, type PageSettings } from '@/utils/messages';

export type { PageSettings };

/**
 * The settings that change what a CRM page shows: what numbers mean (the default country), how
 * they are dialled (the dial plan), and debug logging. The background resolves them (policy, the
 * agent's choices, built-ins), so this script loads neither the settings checks nor
 * libphonenumber-js.
 */
export function readPageSettings(): Promise<PageSettings> {
  return request('page.settings', null);
}

/**
 * Calls `onChange` when the country or the dial plan changes from `current` (what the caller has
 * already read, so a page start reads settings once); returns the unwatch function.
 */
export function watchPageSettings(
  current: PageSettings,
  onChange: (settings: PageSettings) => void,
): () => void {
  let last = JSON.stringify(current);
  // The agent's settings (`local:settings`) or the policy changed: ask again, act on a difference.
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'managed' && !(area === 'local' && 'settings' in changes)) return;
    void readPageSettings().then((next) => {
      const key = JSON.stringify(next);
      if (key === last) return;
      last = key;
      onChange(next);
    });
  };
  browser.storage.onChanged.addListener(onStorage);
  return () => browser.storage.onChanged.removeListener(onStorage);
}
