import { describe, expect, it } from 'vitest';
import {
  ADAPTERS,
  adapterFor,
  crmExcludeMatchPatterns,
  crmMatchPatterns,
  isDeclaredCrmOrigin,
  isDeclaredCrmUrl,
} from '@/utils/crm/registry';

// Where the content script runs by itself: each CRM's application, over https, and nothing else
// on the same hosts (help centers, portals, websites, booking pages). README "Permissions" gives
// the reasons; CONTRACT.md ("Content scripts on CRM pages") lists what must stay covered.

/** Pages agents work on, with the adapter that must take them. */
const APPLICATION_PAGES: [url: string, adapter: string][] = [
  ['https://acme.lightning.force.com/lightning/r/Contact/0035g00000AbCdEAAZ/view', 'salesforce'],
  ['https://acme--uat.sandbox.lightning.force.com/lightning/o/Lead/list', 'salesforce'],
  ['https://acme.my.salesforce.com/003/o', 'salesforce'],
  ['https://acme--uat.sandbox.my.salesforce.com/0035g00000AbCdE', 'salesforce'],
  ['https://acme-dev-ed.develop.my.salesforce.com/home/home.jsp', 'salesforce'],
  ['https://app.hubspot.com/contacts/44512345/record/0-1/51234567890', 'hubspot'],
  ['https://app-eu1.hubspot.com/contacts/2654321/objects/0-1/views/all/list', 'hubspot'],
  ['https://app-na2.hubspot.com/contacts/246507261/record/0-1/1', 'hubspot'],
  ['https://app-na3.hubspot.com/contacts/343328749/record/0-1/1', 'hubspot'],
  ['https://app-ap1.hubspot.com/contacts/22617666/record/0-1/1', 'hubspot'],
  ...['com', 'eu', 'in', 'com.au', 'com.cn', 'jp', 'ca', 'sa', 'uk'].map(
    (tld): [string, string] => [`https://crm.zoho.${tld}/crm/org7123/tab/Leads/512345`, 'zoho'],
  ),
  ['https://crm.zohocloud.ca/crm/org110001007505/tab/Contacts', 'zoho'],
  ...['crm', ...Array.from({ length: 20 }, (_, i) => `crm${i + 2}`)].map(
    (region): [string, string] => [
      `https://contoso.${region}.dynamics.com/main.aspx?appid=1&pagetype=entityrecord`,
      'dynamics',
    ],
  ),
  ['https://ferreteria.pipedrive.com/person/812', 'pipedrive'],
  ['https://ferreteria.pipedrive.com/', 'pipedrive'],
  ['https://app.pipedrive.com/deal/1', 'pipedrive'],
  ['https://acme.zendesk.com/agent/tickets/104512', 'zendesk'],
  ['https://acme.zendesk.com/agent', 'zendesk'],
  ['https://acme.zendesk.com/agent?brand_id=2', 'zendesk'],
  ['https://acme.zendesk.com/agent/users/1/requested_tickets', 'zendesk'],
  ['https://soporte.freshdesk.com/a/tickets/4312', 'freshdesk'],
  ['https://soporte.freshdesk.com/a', 'freshdesk'],
  ['https://soporte.freshdesk.com/a/contacts/1?tab=activities', 'freshdesk'],
  ['https://distribuidora.odoo.com/odoo/crm/42', 'odoo'],
  ['https://distribuidora.odoo.com/odoo', 'odoo'],
  ['https://distribuidora.odoo.com/odoo?debug=1', 'odoo'],
  ['https://distribuidora.odoo.com/odoo/contacts?search=099123456', 'odoo'],
  ['https://distribuidora.odoo.com/web', 'odoo'],
  ['https://distribuidora.odoo.com/web#id=5&model=res.partner&view_type=form', 'odoo'],
  ['https://distribuidora.odoo.com/web?debug=1#action=contacts.action_contacts', 'odoo'],
  ['https://distribuidora.odoo.com/web/login', 'odoo'],
];

/** Pages the content script must stay off unless the agent turns the site on. */
const OTHER_PAGES: string[] = [
  // The applications over plain http.
  'http://acme.lightning.force.com/lightning/r/Contact/1/view',
  'http://acme.my.salesforce.com/003/o',
  'http://app.hubspot.com/contacts/1/record/0-1/2',
  'http://crm.zoho.com/crm/tab/Leads',
  'http://contoso.crm4.dynamics.com/main.aspx',
  'http://ferreteria.pipedrive.com/person/812',
  'http://acme.zendesk.com/agent/tickets/1',
  'http://soporte.freshdesk.com/a/tickets/1',
  'http://distribuidora.odoo.com/odoo/crm/42',
  'http://distribuidora.odoo.com/web',
  // Salesforce: its own sites, legacy instance hosts, Experience Cloud, Sites and Visualforce.
  'https://help.salesforce.com/s/articleView?id=000001',
  'https://trailhead.salesforce.com/',
  'https://www.salesforce.com/',
  'https://developer.salesforce.com/docs',
  'https://login.salesforce.com/',
  'https://na139.salesforce.com/0035g00000AbCdE',
  'https://acme.my.site.com/s/contactsupport',
  'https://acme.force.com/customers/s/',
  'https://acme.my.salesforce-sites.com/',
  'https://acme--c.vf.force.com/apex/CallList',
  'https://c.na139.visual.force.com/apex/CallList',
  // HubSpot: marketing site, knowledge base, community, customer-facing meeting pages.
  'https://www.hubspot.com/',
  'https://knowledge.hubspot.com/records/call-contacts',
  'https://community.hubspot.com/',
  'https://meetings.hubspot.com/maria',
  // Zoho and Dynamics: marketing sites and portals.
  'https://www.zoho.com/crm/',
  'https://dynamics.microsoft.com/en-us/',
  'https://contoso.powerappsportals.com/',
  // Pipedrive: marketing site, help center, docs, forums, web forms, Scheduler booking pages.
  'https://pipedrive.com/',
  'https://www.pipedrive.com/en/pricing',
  'https://support.pipedrive.com/en/article/activities',
  'https://developers.pipedrive.com/docs/api/v1',
  'https://community.pipedrive.com/discussion/1',
  'https://devcommunity.pipedrive.com/t/1',
  'https://webforms.pipedrive.com/f/6ckRPrbXjDMRP9SfAgh0sIZx',
  'https://ferreteria.pipedrive.com/scheduler/zX22ryuq/consulta',
  // Zendesk: help center, its root, sign-in, and a path that only starts like the app's.
  'https://acme.zendesk.com/hc/en-us/articles/360001',
  'https://acme.zendesk.com/hc/es/requests/new',
  'https://acme.zendesk.com/',
  'https://acme.zendesk.com/access/login',
  'https://acme.zendesk.com/agents-wanted',
  // Freshdesk: the customer support portal.
  'https://soporte.freshdesk.com/support/home',
  'https://soporte.freshdesk.com/support/solutions/articles/1',
  'https://soporte.freshdesk.com/',
  'https://soporte.freshdesk.com/about',
  // Odoo: the tenant's website and shop, page names that start like the client's included.
  'https://distribuidora.odoo.com/',
  'https://distribuidora.odoo.com/contactus',
  'https://distribuidora.odoo.com/shop/product-1',
  'https://distribuidora.odoo.com/blog/news-1',
  'https://distribuidora.odoo.com/webinars',
  'https://distribuidora.odoo.com/website/info',
  'https://distribuidora.odoo.com/odoo-partners',
  // Lookalike hosts.
  'https://zendesk.com.evil.example/agent/tickets/1',
  'https://acme.zendesk.com.evil.example/agent/tickets/1',
  'https://evilzendesk.com/agent/tickets/1',
  'https://acme.lightning.force.com.evil.example/lightning/page/home',
  'https://evil-my.salesforce.com.example/003/o',
  'https://app.hubspot.com.evil.example/contacts/1',
  'https://hubspot.com.evil.example/',
  'https://crm.zoho.com.evil.example/crm/tab/Leads',
  'https://contoso.crm.dynamics.com.evil.example/main.aspx',
  'https://acme.pipedrive.com.evil.example/person/1',
  'https://freshdesk.com.evil.example/a/tickets/1',
  'https://evil-odoo.com/odoo/crm/42',
  'https://example.com/',
];

/** A match pattern's parts (no `<all_urls>` here). */
function parts(pattern: string): { scheme: string; host: string; path: string } {
  const match = /^([^:]+):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!match) throw new Error(`Not a match pattern: ${pattern}`);
  const [, scheme = '', host = '', path = ''] = match;
  return { scheme, host, path };
}

/** A pattern path as a regular expression: `*` is any run of characters, the rest is literal. */
function glob(path: string): RegExp {
  return new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

function hostCovers(outer: string, inner: string): boolean {
  if (outer === '*' || outer === inner) return true;
  return outer.startsWith('*.') && (inner === outer.slice(2) || inner.endsWith(outer.slice(1)));
}

/**
 * Whether every URL `inner` matches, `outer` matches too. Testing `outer`'s path glob on `inner`'s
 * path text works because a `*` in that text can only be met by a `*` of `outer`.
 */
function covers(outer: string, inner: string): boolean {
  const a = parts(outer);
  const b = parts(inner);
  const schemes = a.scheme === '*' ? ['http', 'https'] : [a.scheme];
  return schemes.includes(b.scheme) && hostCovers(a.host, b.host) && glob(a.path).test(b.path);
}

/**
 * A match pattern as browsers apply it to a page: Chrome and Firefox match the path pattern
 * against the URL's path and query (not the fragment). The registry's matcher looks at the path
 * alone; the `?*` patterns are what makes the two agree.
 */
function browserMatches(pattern: string, url: URL): boolean {
  const { scheme, host, path } = parts(pattern);
  const schemes = scheme === '*' ? ['http', 'https'] : [scheme];
  return (
    schemes.includes(url.protocol.slice(0, -1)) &&
    hostCovers(host, url.hostname) &&
    glob(path).test(url.pathname + url.search)
  );
}

function browserInjects(url: string): boolean {
  const page = new URL(url);
  return (
    crmMatchPatterns().some((pattern) => browserMatches(pattern, page)) &&
    !crmExcludeMatchPatterns().some((pattern) => browserMatches(pattern, page))
  );
}

describe('CRM match patterns', () => {
  describe.each(APPLICATION_PAGES)('%s', (url, id) => {
    it(`is declared, for the ${id} adapter`, () => {
      expect(isDeclaredCrmUrl(url)).toBe(true);
      expect(adapterFor(url).id).toBe(id);
    });

    it('gets the content script from the browser', () => {
      expect(browserInjects(url)).toBe(true);
    });
  });

  describe.each(OTHER_PAGES)('%s', (url) => {
    it('is not declared, and gets the generic adapter if the agent turns its site on', () => {
      expect(isDeclaredCrmUrl(url)).toBe(false);
      expect(adapterFor(url).id).toBe('generic');
    });

    it('gets no content script from the browser', () => {
      expect(browserInjects(url)).toBe(false);
    });
  });

  it('declares https patterns only', () => {
    for (const pattern of [...crmMatchPatterns(), ...crmExcludeMatchPatterns()]) {
      expect(parts(pattern).scheme, pattern).toBe('https');
    }
  });

  it('declares no pattern another one already covers', () => {
    for (const patterns of [crmMatchPatterns(), crmExcludeMatchPatterns()]) {
      expect(new Set(patterns).size).toBe(patterns.length);
      for (const inner of patterns) {
        const wider = patterns.filter((outer) => outer !== inner && covers(outer, inner));
        expect(wider, `${inner} is covered by`).toEqual([]);
      }
    }
  });

  it('excludes pages of its own hosts only, and none of another CRM (they share one manifest entry)', () => {
    for (const adapter of ADAPTERS) {
      for (const excluded of adapter.excludeMatches ?? []) {
        const host = parts(excluded).host;
        const hostsOf = (a: typeof adapter) => a.matches.map((pattern) => parts(pattern).host);
        expect(
          hostsOf(adapter).some((own) => hostCovers(own, host)),
          excluded,
        ).toBe(true);
        for (const other of ADAPTERS.filter((a) => a !== adapter)) {
          const overlaps = hostsOf(other).some(
            (theirs) => hostCovers(theirs, host) || hostCovers(host, theirs),
          );
          expect(overlaps, `${excluded} and ${other.id}`).toBe(false);
        }
      }
    }
  });

  it('knows which CRM origins are covered whole (nothing to turn on there)', () => {
    for (const origin of [
      'https://app.hubspot.com',
      'https://acme.my.salesforce.com',
      'https://acme.lightning.force.com',
      'https://crm.zoho.eu',
      'https://contoso.crm4.dynamics.com',
    ]) {
      expect(isDeclaredCrmOrigin(origin), origin).toBe(true);
    }
    // Only the application is declared there: turning the site on covers the rest of the host.
    for (const origin of [
      'https://acme.zendesk.com',
      'https://soporte.freshdesk.com',
      'https://distribuidora.odoo.com',
      'https://ferreteria.pipedrive.com',
      'https://www.pipedrive.com',
      'http://app.hubspot.com',
      'https://crm.example.com',
    ]) {
      expect(isDeclaredCrmOrigin(origin), origin).toBe(false);
    }
  });
});
