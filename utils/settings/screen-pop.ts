/** Ready-made screen-pop URLs for the supported CRMs; `{host}` is the agent's own CRM address. */
export const SCREEN_POP_PRESETS: Record<string, string> = {
  salesforce: 'https://{host}/one/one.app#/search?q={number}',
  hubspot: 'https://app.hubspot.com/contacts/{portal}/search?query={number}',
  zoho: 'https://crm.zoho.com/crm/tab/search?searchword={number}',
  dynamics: 'https://{host}/main.aspx?pagetype=search&searchText={number}',
  pipedrive: 'https://{host}/search?term={number}',
  zendesk: 'https://{host}/agent/search/1?q={number}',
  freshdesk: 'https://{host}/a/search/all?term={number}',
  odoo: 'https://{host}/odoo/contacts?search={number}',
};

/**
 * The screen-pop URL for a caller: `{number}` replaced (URL-encoded). Only http(s) URLs are
 * opened; anything else (a `javascript:` template, say) yields null.
 */
export function screenPopUrl(template: string, number: string): string | null {
  if (!template.includes('{number}') || !number) return null;
  const url = template.split('{number}').join(encodeURIComponent(number));
  // A preset whose `{host}` or `{portal}` was never filled in points nowhere real.
  if (/\{[a-z]+\}/i.test(url)) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
