import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PUBLIC_LOOPBACK_PORTS } from '../rig/browser';
import { startCallee, type Callee } from '../rig/callee';
import { FIXTURE_PORT, startFixtureServer, type FixtureServer } from '../rig/fixture-server';
import { screenshot } from '../rig/screenshot';
import { ha1 } from '../rig/sip-credentials';
import {
  CALLEE,
  INSTANCE,
  INSTANCE_HOST,
  MARIA,
  startEnvironment,
  useLoopbackIce,
  type Environment,
} from './support/environment';
import type { PopupPage } from './support/popup-page';
import { sleep, waitUntil } from './support/wait';

const SALESFORCE_HOST = 'acme.lightning.force.com';
const HUBSPOT_HOST = 'app.hubspot.com';
/** The Salesforce fixture's numbers, as the unit test of its adapter lists them. */
const SALESFORCE_DIALS = [
  '+14155550123',
  '+14155550199',
  '5550142',
  '+14155550100',
  '+442079460958',
  '+5491123456789',
  '+14155550123',
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
        hostResolverRules: `MAP *.ucontactcloud.com 127.0.0.1, MAP ${SALESFORCE_HOST} 127.0.0.1, MAP ${HUBSPOT_HOST} 127.0.0.1`,
        publicLoopbackPorts: [...DEFAULT_PUBLIC_LOOPBACK_PORTS, FIXTURE_PORT],
      },
    });
    fixtures = await startFixtureServer({
      [SALESFORCE_HOST]: 'salesforce',
      [HUBSPOT_HOST]: 'hubspot',
    });
    callee = await startCallee(env.browser.context);
    await callee.register({
      wsUrl: env.kamailio.wsUrl,
      user: CALLEE.user,
      ha1: ha1(CALLEE.user, CALLEE.password),
      domain: INSTANCE_HOST,
    });
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
});
