import { isDeclaredCrmOrigin } from './registry';

/**
 * Runtime registration of the CRM content script on sites the agent enabled (beyond the CRM hosts
 * in the manifest). Used by the background.
 *
 * Needs the `scripting` permission in the manifest, and a host permission for each origin, which
 * the popup or options page requests from a click (`browser.permissions.request({ origins:
 * [siteMatchPattern(origin)] })`; `optional_host_permissions` already allows any https/http
 * origin). Chrome keeps registrations across browser restarts; Firefox may not, so call
 * `syncSiteScripts` with the enabled sites on start-up.
 */

/** Where WXT writes the `crm.content` entrypoint in the built extension. */
export const CRM_CONTENT_SCRIPT_FILE = 'content-scripts/crm.js';

const ID_PREFIX = 'ucontact-site:';

type Scripting = Pick<
  typeof browser.scripting,
  'registerContentScripts' | 'unregisterContentScripts' | 'getRegisteredContentScripts'
>;

/** The match pattern for an origin (`https://crm.example.com:8443` → `https://crm.example.com/*`). */
export function siteMatchPattern(origin: string): string {
  const url = new URL(origin);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`Not a web origin: ${origin}`);
  }
  // Match patterns cannot name a port; the pattern covers the host on every port.
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * Registers the click-to-call script for `origin` (idempotent). A no-op where the manifest already
 * covers every page of the origin; a CRM host of which it covers only the application (its help
 * center left out) is registered whole, as the agent asked.
 */
export async function registerSiteScript(
  origin: string,
  scripting: Scripting = browser.scripting,
): Promise<void> {
  const pattern = siteMatchPattern(origin);
  if (isDeclaredCrmOrigin(origin)) return;
  const id = siteScriptId(origin);
  const existing = await scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) return;
  await scripting.registerContentScripts([
    {
      id,
      matches: [pattern],
      js: [CRM_CONTENT_SCRIPT_FILE],
      runAt: 'document_idle',
      allFrames: true,
    },
  ]);
}

/** Removes the script registered for `origin`, if any. */
export async function unregisterSiteScript(
  origin: string,
  scripting: Scripting = browser.scripting,
): Promise<void> {
  const id = siteScriptId(origin);
  const existing = await scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [id] });
}

/** Makes the registered site scripts exactly those for `origins`. */
export async function syncSiteScripts(
  origins: readonly string[],
  scripting: Scripting = browser.scripting,
): Promise<void> {
  const wanted = new Set(origins.map(siteScriptId));
  const registered = (await scripting.getRegisteredContentScripts()).filter((script) =>
    script.id.startsWith(ID_PREFIX),
  );
  const stale = registered.filter((script) => !wanted.has(script.id)).map((script) => script.id);
  if (stale.length > 0) await scripting.unregisterContentScripts({ ids: stale });
  for (const origin of origins) await registerSiteScript(origin, scripting);
}

function siteScriptId(origin: string): string {
  return ID_PREFIX + siteMatchPattern(origin);
}
