import { writeDebug } from './debug-console';
import { readSettings, settingsItem } from './settings/read-settings';

/** Lines logged before the setting is known; a few, so a burst at start-up is not lost. */
const EARLY_LINES = 50;

let enabled: boolean | undefined;
let early: unknown[][] = [];
let following = false;

/**
 * Reads the debug setting only once something is logged: a context that never logs (a CRM frame,
 * nearly always) pays no storage read and no watcher for it.
 */
function followSetting(): void {
  if (following) return;
  following = true;
  const update = () =>
    void readSettings().then((settings) => {
      enabled = settings.debug;
      if (enabled) for (const args of early) writeDebug(args);
      early = [];
    });
  update();
  settingsItem.watch(update);
}

/** Console output only when the agent or an admin turned on debug logging. Never pass secrets. */
export function debugLog(...args: unknown[]): void {
  followSetting();
  if (enabled === undefined) {
    if (early.length < EARLY_LINES) early.push(args);
  } else if (enabled) writeDebug(args);
}
