/**
 * The toolbar button's API: `action` in MV3 (Chrome), `browserAction` in Firefox's MV2 build,
 * where `browser.action` is undefined.
 */
export function toolbarAction(): typeof browser.action {
  return browser.action ?? browser.browserAction;
}
