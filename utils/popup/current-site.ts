import { createSignal } from 'solid-js';
import { isDeclaredCrmUrl } from '../crm/registry';
import { siteMatchPattern } from '../crm/site-scripts';
import { AppError, toErrorInfo, type ErrorInfo } from '../errors';
import { request } from '../messages';
import { readSettings } from '../settings/read-settings';

/**
 * The tab the popup was opened over, when click-to-call could be turned on there: a web page the
 * manifest's CRM patterns do not cover (an ordinary site, or a CRM host's help center or portal,
 * which turns on the whole host) on a site not enabled already. (`activeTab` lets the popup see
 * its address, only after the agent clicked the toolbar button.)
 */
export function createCurrentSite() {
  const [site, setSite] = createSignal<{ origin: string; host: string; tabId: number }>();
  const [enabled, setEnabled] = createSignal(false);

  void (async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (!tab?.url || tab.id === undefined) return;
    const url = new URL(tab.url);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || isDeclaredCrmUrl(url)) return;
    const settings = await readSettings();
    if (settings.enabledSites.includes(url.origin)) return;
    setSite({ origin: url.origin, host: url.host, tabId: tab.id });
  })().catch(() => undefined);

  /** Must run from the click: the permission prompt needs the user's gesture. */
  async function enable(): Promise<ErrorInfo | undefined> {
    const current = site();
    if (!current) return undefined;
    try {
      const granted = await browser.permissions.request({
        origins: [siteMatchPattern(current.origin)],
      });
      if (!granted) throw new AppError('errorPermissionDenied', [current.origin]);
      const reply = await request('sites.enable', { origin: current.origin, tabId: current.tabId });
      if (!reply.ok) return reply.error;
      setEnabled(true);
      return undefined;
    } catch (error) {
      return toErrorInfo(error);
    }
  }

  return { site, enabled, enable };
}

export type CurrentSite = ReturnType<typeof createCurrentSite>;
