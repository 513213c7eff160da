import { settingsItem } from './storage';

let enabled = false;
void settingsItem.getValue().then((settings) => (enabled = settings.debug));
settingsItem.watch((settings) => (enabled = settings.debug));

/** Console output only when the agent or an admin turned on debug logging. Never pass secrets. */
export function debugLog(...args: unknown[]): void {
  if (enabled) console.debug('[uContact]', ...args);
}
