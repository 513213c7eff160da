import { AppError } from '../errors';
import { parseSiteOrigin } from '../settings/site-origin';
import { readResolvedSettings, readSettings, updateSettings } from '../settings/read-settings';
import { isDeclaredCrmOrigin } from '../crm/registry';
import {
  CRM_CONTENT_SCRIPT_FILE,
  registerSiteScript,
  siteMatchPattern,
  unregisterSiteScript,
} from '../crm/site-scripts';

/**
 * Turns click-to-call on for a site beyond the built-in CRM hosts: the agent granted its host
 * permission from a click; this remembers the site, registers the content script for it and, when
 * given the tab, starts it there at once.
 */
export async function enableSite(input: string, tabId?: number): Promise<string[]> {
  const origin = parseSiteOrigin(input);
  await assertSitesUnlocked();
  if (isDeclaredCrmOrigin(origin)) return (await readSettings()).enabledSites;
  if (!(await browser.permissions.contains({ origins: [siteMatchPattern(origin)] }))) {
    throw new AppError('errorPermissionDenied', [origin]);
  }
  await registerSiteScript(origin);
  const settings = await readSettings();
  const enabledSites = settings.enabledSites.includes(origin)
    ? settings.enabledSites
    : [...settings.enabledSites, origin];
  await updateSettings({ enabledSites });
  if (tabId !== undefined) {
    await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      files: [`/${CRM_CONTENT_SCRIPT_FILE}`],
    });
  }
  return enabledSites;
}

/** Turns a site off again and gives its host permission back. */
export async function disableSite(input: string): Promise<string[]> {
  const origin = parseSiteOrigin(input);
  await assertSitesUnlocked();
  await unregisterSiteScript(origin);
  const settings = await readSettings();
  const enabledSites = settings.enabledSites.filter((site) => site !== origin);
  await updateSettings({ enabledSites });
  const stillUsed = enabledSites.some(
    (site) => siteMatchPattern(site) === siteMatchPattern(origin),
  );
  if (!stillUsed)
    await browser.permissions.remove({ origins: [siteMatchPattern(origin)] }).catch(() => false);
  return enabledSites;
}

/**
 * An administrator who locked `enabledSites` decides where click-to-call runs: the background
 * neither registers a script for another site (which `updateSettings` would then not even
 * remember) nor takes one of the policy's sites away with its permission.
 */
async function assertSitesUnlocked(): Promise<void> {
  if ((await readResolvedSettings()).locked.has('enabledSites')) {
    throw new AppError('errorSitesLocked');
  }
}
