import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_PUBLIC_LOOPBACK_PORTS,
  launchBrowserWithExtension,
  type ExtensionBrowser,
} from '../rig/browser';
import { FIXTURE_PORT, startFixtureServer, type FixtureServer } from '../rig/fixture-server';
import { sleep, waitUntil } from './support/wait';

/**
 * Each host serves one CRM fixture page (phone numbers and all) at every path, so only the address
 * decides: the CRM application gets call buttons, the help center, portal, website or booking page
 * (of the same host, or a sibling) gets none (README "Permissions"). No login: buttons show
 * without one. Addresses are host + path.
 */
const CRMS = [
  {
    crm: 'Zendesk',
    fixture: 'zendesk',
    application: ['acme.zendesk.com/agent/tickets/104512', 'acme.zendesk.com/agent?brand_id=2'],
    others: ['acme.zendesk.com/hc/en-us/articles/360001', 'acme.zendesk.com/hc/es/requests/new'],
  },
  {
    crm: 'Odoo',
    fixture: 'odoo',
    // With a query the browser needs the `?*` patterns: `/odoo/*` does not match `/odoo?debug=1`.
    application: [
      'distribuidora.odoo.com/odoo/crm/42',
      'distribuidora.odoo.com/odoo?debug=1',
      'distribuidora.odoo.com/web?debug=1',
    ],
    others: [
      'distribuidora.odoo.com/',
      'distribuidora.odoo.com/contactus',
      'distribuidora.odoo.com/webinars',
    ],
  },
  {
    crm: 'Pipedrive',
    fixture: 'pipedrive',
    application: ['ferreteria.pipedrive.com/person/812'],
    others: [
      'ferreteria.pipedrive.com/scheduler/zX22ryuq/consulta',
      'www.pipedrive.com/en/pricing',
    ],
  },
  {
    crm: 'Salesforce',
    fixture: 'salesforce',
    application: ['acme.lightning.force.com/lightning/r/Contact/0035g00000AbCdEAAZ/view'],
    others: ['acme.my.site.com/s/contactsupport'],
  },
];

const hostOf = (address: string) => address.slice(0, address.indexOf('/'));
const pathOf = (address: string) => address.slice(address.indexOf('/'));

describe('content scripts run on the CRM applications only', () => {
  let browser: ExtensionBrowser;
  let fixtures: FixtureServer;

  beforeAll(async () => {
    browser = await launchBrowserWithExtension({
      hostResolverRules: CRMS.flatMap(({ application, others }) => [...application, ...others])
        .map((address) => `MAP ${hostOf(address)} 127.0.0.1`)
        .join(', '),
      publicLoopbackPorts: [...DEFAULT_PUBLIC_LOOPBACK_PORTS, FIXTURE_PORT],
    });
    fixtures = await startFixtureServer(
      Object.fromEntries(
        CRMS.flatMap(({ application, others, fixture }) =>
          [...application, ...others].map((address) => [hostOf(address), fixture]),
        ),
      ),
    );
  });
  afterAll(async () => {
    await fixtures?.close();
    await browser?.close();
  });

  const buttons = (page: Page) => page.locator('ucontact-call').getByRole('button');

  /** Opens `address` and checks the fixture itself loaded (an error page has no buttons either). */
  async function open(address: string): Promise<Page> {
    const page = await browser.context.newPage();
    const response = await page.goto(fixtures.url(hostOf(address), pathOf(address)));
    expect(response?.status(), address).toBe(200);
    expect(await page.locator('body').textContent()).toMatch(/\d{3}/);
    return page;
  }

  it.each(CRMS)('$crm: buttons in the application, none on its other pages', async (crm) => {
    // Positive control: the extension is loaded and scans this very fixture in the application.
    for (const address of crm.application) {
      const page = await open(address);
      await waitUntil(
        async () => (await buttons(page).count()) > 0,
        10_000,
        `buttons at ${address}`,
      );
      await page.close();
    }
    for (const address of crm.others) {
      const page = await open(address);
      await page.waitForLoadState('load');
      // The script runs at document_idle and scans within a few hundred ms (the positive
      // control above shows how soon); leave it well over that.
      await sleep(1_500);
      expect(await page.locator('ucontact-call').count(), `buttons at ${address}`).toBe(0);
      await page.close();
    }
  });
});
