import type { DialPlanRules } from '../dial-plan/dial-plan-rules';
import { readSettings, settingsItem } from '../settings/read-settings';

/** The settings that change what a CRM page shows: what numbers mean, and how they are dialled. */
export interface PageSettings {
  /** The default-country setting (ISO 3166 alpha-2), or undefined: from the browser language. */
  country: string | undefined;
  dialPlan: DialPlanRules | null;
}

export async function readPageSettings(): Promise<PageSettings> {
  const settings = await readSettings();
  return { country: settings.defaultCountry || undefined, dialPlan: settings.dialPlan };
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
  return settingsItem.watch(async () => {
    const next = await readPageSettings();
    const key = JSON.stringify(next);
    if (key === last) return;
    last = key;
    onChange(next);
  });
}
