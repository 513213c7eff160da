import { readSettings, settingsItem } from './settings/read-settings';

let enabled = false;
void readSettings().then((settings) => (enabled = settings.debug));
settingsItem.watch(() => void readSettings().then((settings) => (enabled = settings.debug)));

/** Console output only when the agent or an admin turned on debug logging. Never pass secrets. */
export function debugLog(...args: unknown[]): void {
  if (enabled) console.debug('[uContact]', ...args);
}
