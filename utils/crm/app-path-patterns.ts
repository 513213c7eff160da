/**
 * Match patterns for a CRM application served under one path of a host that also serves other
 * pages (`https://*.zendesk.com` + `/agent`): the bare path, the path with a query, and every page
 * under it. Browsers match a pattern's path against the URL's path and query, so `/agent/*` alone
 * would miss `/agent` and `/agent?brand=2`, where agents land before the app routes them on (a
 * single-page app gets no content script for the pages it routes to later). `/agent*` would also
 * take in `/agents-wanted`, a page the tenant may have written.
 */
export function appPathPatterns(host: string, path: string): string[] {
  return [`https://${host}${path}`, `https://${host}${path}?*`, `https://${host}${path}/*`];
}
