import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PUBLIC_LOOPBACK_PORTS } from '../rig/browser';
import { startCallee, type Callee } from '../rig/callee';
import { FIXTURE_PORT, startFixtureServer, type FixtureServer } from '../rig/fixture-server';
import { screenshot } from '../rig/screenshot';
import {
  CALLEE,
  INSTANCE,
  MARIA,
  startEnvironment,
  registerCallee,
  useLoopbackIce,
  type Environment,
} from './support/environment';
import type { PopupPage } from './support/popup-page';
import { CLICK_SETTLE_MS, sleep, waitUntil } from './support/wait';

const SALESFORCE_HOST = 'acme.lightning.force.com';
const HUBSPOT_HOST = 'app.hubspot.com';
const NEGATIVES_HOST = 'negatives.my.salesforce.com';

/** The Salesforce fixture's numbers, as the unit test of its adapter lists them. */
const SALESFORCE_DIALS = [
  '+14155550123',
  '+14155550199',
  '5550142',
  '+442079460958',
  '+5491123456789',
  '+14155550123',
];

/**
 * Every CRM fixture at its CRM's real host name, with the agent's country and the exact dial
 * strings its page must get (the same lists the adapters' unit tests hold).
 */
const FIXTURES = [
  {
    id: 'salesforce',
    host: SALESFORCE_HOST,
    path: '/lightning/r/Contact/0035g00000AbCdEAAZ/view',
    country: 'US',
    dials: SALESFORCE_DIALS,
  },
  {
    id: 'hubspot',
    host: HUBSPOT_HOST,
    path: '/contacts/44512345/record/0-1/51234567890',
    country: 'US',
    dials: ['+16175550134', '+16175550187', '+16175550134', '+12125550147'],
  },
  {
    id: 'zoho',
    host: 'crm.zoho.com',
    path: '/crm/org712345678/tab/Leads/5123456000000412345',
    country: 'MX',
    dials: ['+525512345678', '+523336160000', '+528001234567', '+525555551234'],
  },
  {
    id: 'dynamics',
    host: 'contoso.crm11.dynamics.com',
    path: '/main.aspx?appid=1&pagetype=entityrecord&etn=contact',
    country: 'GB',
    dials: ['+442079460958', '+447911123456', '+441614960000', '+441614960123'],
  },
  {
    id: 'pipedrive',
    host: 'ferreteria.pipedrive.com',
    path: '/person/812',
    country: 'ES',
    dials: ['+34612345678', '+34912345678', '+34900123456'],
  },
  {
    id: 'zendesk',
    host: 'acme.zendesk.com',
    path: '/agent/tickets/104512',
    country: 'BR',
    dials: ['+5511987654321', '+552123456789', '+558001234567'],
  },
  {
    id: 'freshdesk',
    host: 'soporte.freshdesk.com',
    path: '/a/tickets/4312',
    country: 'AR',
    dials: ['+541143215678', '+5491123456789', '+543514234567'],
  },
  {
    id: 'odoo',
    host: 'distribuidora.odoo.com',
    path: '/odoo/crm/42',
    country: 'UY',
    dials: ['+59899123456', '+59894123456', '+59824001234', '+59847321234', '+59829160000'],
  },
];

/**
 * Click-to-call on CRM pages, in the real browser: buttons on a Salesforce record page served from
 * its production host name, a trusted click places a real call, and the page cannot dial by itself.
 */
describe('click-to-call on CRM pages', () => {
  let env: Environment;
  let fixtures: FixtureServer;
  let callee: Callee;
  let crm: Page;

  /** Our buttons (CRMs have "Call" buttons of their own): by role and name, inside our hosts. */
  const callButtons = (page: Page): Locator =>
    page.locator('ucontact-call').getByRole('button', { name: /^Call / });
  const invites = () =>
    env.kamailio.sipRequests().filter((r) => r.method === 'INVITE' && !r.inDialog);
  const openRecord = async () => {
    const page = await env.browser.context.newPage();
    await page.goto(fixtures.url(SALESFORCE_HOST, '/lightning/r/Contact/0035g00000AbCdEAAZ/view'));
    await waitUntil(
      async () => (await callButtons(page).count()) === SALESFORCE_DIALS.length,
      10_000,
      'call buttons',
    );
    // A click counts only on a button that has stood still 500 ms (utils/crm/click-guard.ts).
    await sleep(CLICK_SETTLE_MS);
    return page;
  };
  const dialAttributes = (page: Page) =>
    callButtons(page).evaluateAll((buttons) =>
      buttons.map((b) => b.getAttribute('data-ucontact-call')),
    );

  beforeAll(async () => {
    env = await startEnvironment({
      dialPlan: { '*': CALLEE.user },
      browser: {
        hostResolverRules: [
          'MAP *.ucontactcloud.com 127.0.0.1',
          `MAP ${NEGATIVES_HOST} 127.0.0.1`,
          ...FIXTURES.map(({ host }) => `MAP ${host} 127.0.0.1`),
        ].join(', '),
        publicLoopbackPorts: [...DEFAULT_PUBLIC_LOOPBACK_PORTS, FIXTURE_PORT],
      },
    });
    fixtures = await startFixtureServer({
      ...Object.fromEntries(FIXTURES.map(({ host, id }) => [host, id])),
      [NEGATIVES_HOST]: 'negatives',
    });
    callee = await startCallee(env.browser.context);
    await registerCallee(env, callee);
  });
  afterAll(async () => {
    await callee?.close().catch(() => undefined);
    await fixtures?.close();
    await env?.close();
  });

  it('puts one button on every number of a Salesforce record, none elsewhere', async () => {
    crm = await openRecord();
    expect((await dialAttributes(crm)).sort()).toEqual([...SALESFORCE_DIALS].sort());
    const names = await callButtons(crm).evaluateAll((buttons) =>
      buttons.map((b) => b.getAttribute('aria-label')),
    );
    expect(names).toContain('Call (415) 555-0123');
    await crm.setViewportSize({ width: 1280, height: 900 });
    await screenshot(crm, 'crm-salesforce-buttons');
  });

  it('logged out, a click explains how to log in and calls nobody', async () => {
    const before = invites().length;
    await callButtons(crm).first().click();
    await crm.getByText('Log in to uContact').first().waitFor({ timeout: 5_000 });
    await sleep(300);
    expect(invites().length).toBe(before);
  });

  it('logged in, a click calls the number: INVITE to its E.164 form, RTP both ways', async () => {
    const popup: PopupPage = await env.openPopup();
    await useLoopbackIce(popup);
    await popup.login({ instance: INSTANCE, agent: MARIA.agent, password: MARIA.password });
    await popup.waitForSipState('registered');

    await crm.bringToFront();
    await crm.getByRole('button', { name: 'Call (415) 555-0123' }).first().click();
    const invite = await callee.waitForInvite(5_000);
    expect(invite.to).toContain('sip:+14155550123@');
    expect(invites().at(-1)?.ruser).toBe('+14155550123');
    await callee.answer();
    await popup.waitForCallState('established');
    await waitUntil(
      async () => (await callee.stats()).bytesReceived > 0,
      5_000,
      'RTP at the far end',
    );
    await waitUntil(
      async () => {
        const reply = await popup.request<{ ok: boolean; value: { inboundBytes: number } | null }>(
          'call.stats',
        );
        return reply.ok && (reply.value?.inboundBytes ?? 0) > 0;
      },
      5_000,
      'RTP at the agent',
    );
    await popup.button('Hang up').click();
    await popup.waitForCallState('ended');
    await callee.waitForCallState('terminated');
    await popup.page.close();
  });

  it('a synthetic click from the page dials nothing', async () => {
    const before = invites().length;
    await crm.evaluate(() => {
      for (const host of document.querySelectorAll('ucontact-call')) {
        host.shadowRoot?.querySelector('button')?.click();
        host.shadowRoot
          ?.querySelector('button')
          ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      }
    });
    await sleep(1_000);
    expect(invites().length).toBe(before);
  });

  it('a page that rewrites data-ucontact-call cannot change what is dialled', async () => {
    await crm.evaluate(() => {
      for (const button of document.querySelectorAll('ucontact-call')) {
        button.shadowRoot
          ?.querySelector('button')
          ?.setAttribute('data-ucontact-call', '+19005550000');
      }
    });
    await crm.getByRole('button', { name: 'Call (415) 555-0199' }).first().click();
    const invite = await callee.waitForInvite(5_000);
    expect(invite.to).toContain('sip:+14155550199@');
    expect(invites().some((r) => r.ruser === '+19005550000')).toBe(false);
    await callee.decline(486);
    await sleep(300);
  });

  it('a tel: link click goes to the extension, not to the operating system', async () => {
    const before = invites().length;
    await crm.locator('a[href="tel:+14155550123"]').first().click();
    const invite = await callee.waitForInvite(5_000);
    expect(invite.to).toContain('sip:+14155550123@');
    expect(invites().length).toBeGreaterThan(before);
    await callee.decline(486);
  });

  it('also works on HubSpot (another adapter, another host), and leaves its own buttons alone', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(fixtures.url(HUBSPOT_HOST, '/contacts/44512345/record/0-1/51234567890'));
    const ours = page.locator('ucontact-call button');
    await waitUntil(async () => (await ours.count()) === 4, 10_000, 'HubSpot call buttons');
    const dials = await ours.evaluateAll((buttons) =>
      buttons.map((b) => b.getAttribute('data-ucontact-call')),
    );
    expect(dials.sort()).toEqual(['+12125550147', '+16175550134', '+16175550134', '+16175550187']);
    await page.close();
  });

  /** The agent's default country, as the options page sets it (content scripts read it at start). */
  const setCountry = async (country: string) => {
    const popup = await env.openPopup();
    await popup.setSettings({ defaultCountry: country });
    await popup.page.close();
  };

  for (const fixture of FIXTURES) {
    it(`${fixture.id} at ${fixture.host}: exactly one control per number, no misses, no extras`, async () => {
      await setCountry(fixture.country);
      const page = await env.browser.context.newPage();
      expect((await page.goto(fixtures.url(fixture.host, fixture.path)))?.status()).toBe(200);
      const ours = page.locator('ucontact-call button');
      await waitUntil(
        async () => (await ours.count()) >= fixture.dials.length,
        10_000,
        `${fixture.id} buttons`,
      );
      await sleep(500);
      const dials = await ours.evaluateAll((buttons) =>
        buttons.map((b) => b.getAttribute('data-ucontact-call')),
      );
      expect(dials.sort()).toEqual([...fixture.dials].sort());
      await page.close();
    });
  }

  it('a page of non-numbers, with numbers only in editable fields, gets no control at all', async () => {
    await setCountry('US');
    const page = await env.browser.context.newPage();
    // The page itself must load: an error page would have no controls either.
    expect((await page.goto(fixtures.url(NEGATIVES_HOST, '/')))?.status()).toBe(200);
    expect(await page.locator('body').textContent()).toMatch(/\d{4}/);
    await page.waitForLoadState('load');
    await sleep(1_500);
    expect(await page.locator('ucontact-call').count()).toBe(0);
    await page.close();
  });

  it('an SPA: rows added after load, removed and added again, get exactly one control each', async () => {
    await setCountry('US');
    const page = await env.browser.context.newPage();
    await page.goto(fixtures.url(SALESFORCE_HOST, '/lightning/r/Contact/0035g00000AbCdEAAZ/view'));
    await waitUntil(
      async () => (await callButtons(page).count()) === SALESFORCE_DIALS.length,
      10_000,
      'first scan',
    );
    const addRows = () =>
      page.evaluate(() => {
        const list = document.createElement('ul');
        list.id = 'spa-rows';
        for (let i = 0; i < 5; i++) {
          const row = document.createElement('li');
          row.textContent = `Lead ${i}: (212) 555-01${String(10 + i)}`;
          list.append(row);
        }
        document.body.append(list);
      });
    const spaDials = async () =>
      (
        await page
          .locator('#spa-rows ucontact-call button')
          .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-ucontact-call')))
      ).sort();
    const expected = [
      '+12125550110',
      '+12125550111',
      '+12125550112',
      '+12125550113',
      '+12125550114',
    ];
    await addRows();
    await waitUntil(async () => (await spaDials()).length === 5, 5_000, 'buttons on added rows');
    expect(await spaDials()).toEqual(expected);
    await page.evaluate(() => document.getElementById('spa-rows')?.remove());
    await addRows();
    await waitUntil(async () => (await spaDials()).length === 5, 5_000, 'buttons on re-added rows');
    await sleep(500);
    expect(await spaDials()).toEqual(expected);
    expect(await callButtons(page).count()).toBe(SALESFORCE_DIALS.length + 5);
    await page.close();
  });
});
