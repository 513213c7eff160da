import { describe, expect, it } from 'vitest';
import {
  CRM_CONTENT_SCRIPT_FILE,
  registerSiteScript,
  siteMatchPattern,
  syncSiteScripts,
  unregisterSiteScript,
} from '@/utils/crm/site-scripts';

type Registered = {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: string;
  allFrames?: boolean;
};

/** An in-memory `browser.scripting` (the fake browser does not implement it). */
function fakeScripting() {
  const scripts = new Map<string, Registered>();
  return {
    scripts,
    async registerContentScripts(list: Registered[]) {
      for (const script of list) {
        if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        scripts.set(script.id, script);
      }
    },
    async unregisterContentScripts(filter?: { ids?: string[] }) {
      for (const id of filter?.ids ?? [...scripts.keys()]) scripts.delete(id);
    },
    async getRegisteredContentScripts(filter?: { ids?: string[] }) {
      return [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id));
    },
  };
}

// The real type is wider than what these functions use.
type Scripting = Parameters<typeof registerSiteScript>[1];

describe('site scripts', () => {
  it('turns an origin into a match pattern (ports cannot be matched)', () => {
    expect(siteMatchPattern('https://crm.example.com')).toBe('https://crm.example.com/*');
    expect(siteMatchPattern('http://localhost:8080')).toBe('http://localhost/*');
    expect(() => siteMatchPattern('file:///etc/passwd')).toThrow();
  });

  it('registers the CRM content script once per site', async () => {
    const scripting = fakeScripting();
    await registerSiteScript('https://crm.example.com', scripting as unknown as Scripting);
    await registerSiteScript('https://crm.example.com/', scripting as unknown as Scripting);
    expect([...scripting.scripts.values()]).toEqual([
      {
        id: 'ucontact-site:https://crm.example.com/*',
        matches: ['https://crm.example.com/*'],
        js: [CRM_CONTENT_SCRIPT_FILE],
        runAt: 'document_idle',
        allFrames: true,
      },
    ]);
  });

  it('does nothing for hosts the manifest already covers', async () => {
    const scripting = fakeScripting();
    await registerSiteScript('https://acme.my.salesforce.com', scripting as unknown as Scripting);
    expect(scripting.scripts.size).toBe(0);
  });

  it('registers a CRM host whose application alone the manifest covers (help center and all)', async () => {
    const scripting = fakeScripting();
    await registerSiteScript('https://acme.zendesk.com', scripting as unknown as Scripting);
    expect([...scripting.scripts.values()].map((script) => script.matches)).toEqual([
      ['https://acme.zendesk.com/*'],
    ]);
  });

  it('unregisters, and syncs to a list of sites', async () => {
    const scripting = fakeScripting();
    const api = scripting as unknown as Scripting;
    await registerSiteScript('https://a.example.com', api);
    await registerSiteScript('https://b.example.com', api);
    await unregisterSiteScript('https://a.example.com', api);
    expect([...scripting.scripts.keys()]).toEqual(['ucontact-site:https://b.example.com/*']);

    scripting.scripts.set('someone-else', { id: 'someone-else' });
    await syncSiteScripts(['https://c.example.com'], api);
    expect([...scripting.scripts.keys()].sort()).toEqual([
      'someone-else',
      'ucontact-site:https://c.example.com/*',
    ]);
  });
});
