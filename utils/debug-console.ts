/**
 * The one place that writes to the console. Whether debugging is on is the caller's to know:
 * `debugLog` (utils/debug-log.ts) follows the setting; a content script asks the background.
 */
export function writeDebug(args: unknown[]): void {
  console.debug('[uContact]', ...args);
}
