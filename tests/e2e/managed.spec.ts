import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  DEFAULT_EXTENSION_PATH,
  DEFAULT_PUBLIC_LOOPBACK_PORTS,
  launchBrowserWithExtension,
  type ExtensionBrowser,
} from '../rig/browser';
import { startCallee, type Callee } from '../rig/callee';
import { installChromiumPolicy, unpackedExtensionId } from '../rig/chromium-policy';
import { FIXTURE_PORT, startFixtureServer, type FixtureServer } from '../rig/fixture-server';
import {
  CALLEE,
  MARIA,
  startEnvironment,
  registerCallee,
  useLoopbackIce,
  type Environment,
} from './support/environment';
import type { PopupPage } from './support/popup-page';
import { CLICK_SETTLE_MS, sleep, waitUntil } from './support/wait';
import { ARTIFACTS_DIR, screenshot } from '../rig/screenshot';

const CRM_HOST = 'acme.lightning.force.com';
/**
 * What an administrator rolls out: the instance (locked) and a Uruguayan PBX dial plan as a
 * default the agent may still edit.
 */
const POLICY = {
  instance: 'acme',
  defaultCountry: 'UY',
  dialPlan: { homeCountry: 'UY', outsideLinePrefix: '9', domestic: 'national' },
  blockedNumbers: ['+1900*'],
  lockedSettings: ['instance'],
};

/**
 * Enterprise roll-out with a real Chromium policy (3rdparty extension policy, read through the
 * extension's managed_schema): the instance comes prefilled, and a click on a CRM number dials the
 * house format, as seen in the request-URI at Kamailio.
 */
describe('admin-managed settings and the dial plan', () => {
  let env: Environment;
  let fixtures: FixtureServer;
  let callee: Callee;
  let popup: PopupPage;
  let removePolicy = () => {};

  beforeAll(async () => {
    const id = unpackedExtensionId(DEFAULT_EXTENSION_PATH);
    removePolicy = installChromiumPolicy({ '3rdparty': { extensions: { [id]: POLICY } } });
    env = await startEnvironment({
      dialPlan: { '*': CALLEE.user },
      browser: {
        hostResolverRules: `MAP *.ucontactcloud.com 127.0.0.1, MAP ${CRM_HOST} 127.0.0.1`,
        publicLoopbackPorts: [...DEFAULT_PUBLIC_LOOPBACK_PORTS, FIXTURE_PORT],
      },
    });
    expect(env.browser.extensionId).toBe(id);
    fixtures = await startFixtureServer({ [CRM_HOST]: 'salesforce' });
    callee = await startCallee(env.browser.context);
    await registerCallee(env, callee);
  });
  afterAll(async () => {
    await callee?.close().catch(() => undefined);
    await fixtures?.close();
    await env?.close();
    removePolicy();
  });

  it('the extension reads the policy, and the popup comes with the instance filled in', async () => {
    popup = await env.openPopup();
    const managed = await popup.page.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<object> } } } }
      ).chrome.storage.managed.get(),
    );
    expect(managed).toEqual(POLICY);
    await waitUntil(
      async () => (await popup.instance.inputValue()) === 'acme',
      5_000,
      'instance prefilled by policy',
    );
    // Locked: shown, not editable, and the agent is told why.
    expect(await popup.instance.isDisabled()).toBe(true);
    expect(await popup.page.getByText('Set by your organization').count()).toBe(1);
  });

  it('a click on a CRM number dials it in the house format (outside line 9, national)', async () => {
    await useLoopbackIce(popup);
    await popup.agent.fill(MARIA.agent);
    await popup.password.fill(MARIA.password);
    await popup.loginButton.click();
    await popup.waitForSipState('registered');

    const crm = await env.browser.context.newPage();
    await crm.goto(fixtures.url(CRM_HOST, '/lightning/r/Contact/0035g00000AbCdEAAZ/view'));
    // The fixture's Argentine mobile: from Uruguay, outside line + international prefix 00.
    const button = crm.getByRole('button', { name: 'Call +54 9 11 2345-6789' }).first();
    await button.waitFor({ timeout: 10_000 });
    await sleep(CLICK_SETTLE_MS);
    // The tooltip previews what the dial plan makes of it.
    expect(await button.getAttribute('title')).toContain('Dials 9005491123456789');
    await button.click();
    const invite = await callee.waitForInvite(5_000);
    const dialled = env.kamailio
      .sipRequests()
      .filter((r) => r.method === 'INVITE' && !r.inDialog)
      .at(-1)?.ruser;
    expect(dialled).toBe('9005491123456789');
    expect(invite.to).toContain('sip:9005491123456789@');
    await callee.decline(486);
  });

  it('a number the policy blocks (+1900*) is refused from the dial pad, named, with no INVITE; an ordinary one dials', async () => {
    const newInvites = () =>
      env.kamailio.sipRequests().filter((r) => r.method === 'INVITE' && !r.inDialog).length;
    await popup.number.waitFor();
    const before = newInvites();
    await popup.dial('+1 900 555 0111');
    await expect
      .poll(() => popup.alert.textContent())
      .toBe('Calls to +1 900 555 0111 are blocked: it matches +1900* in the blocked numbers.');
    // Refused outright: no confirmation to say yes to.
    expect(await popup.page.getByTestId('call-confirmation').count()).toBe(0);
    await sleep(1_000);
    expect(newInvites()).toBe(before);

    await popup.dial('+598 2901 2345');
    await callee.waitForInvite(5_000);
    expect(
      env.kamailio
        .sipRequests()
        .filter((r) => r.method === 'INVITE' && !r.inDialog)
        .at(-1)?.ruser,
    ).toBe('9029012345');
    await callee.decline(486);
    await popup.number.waitFor();
  });

  it('an agent cannot change a locked setting', async () => {
    await popup.page.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: { storage: { local: { set(v: object): Promise<void> } } };
        }
      ).chrome;
      // Even written straight into storage, the agent's value loses to the locked policy.
      await api.storage.local.set({
        settings: { instance: 'other', iceServers: [] },
      });
    });
    await popup.logoutButton.click();
    await popup.loginButton.waitFor();
    await waitUntil(
      async () => (await popup.instance.inputValue()) === 'acme',
      5_000,
      'locked instance',
    );
  });

  it('the background refuses a login to another instance than the locked one, sending nothing', async () => {
    const before = env.ucontact.requests.length;
    // What a page could send around the disabled field: evil.ucontactcloud.com also maps here.
    const reply = await popup.request('session.login', {
      instance: 'evil',
      agent: MARIA.agent,
      password: MARIA.password,
      sipServer: '',
    });
    expect(reply).toEqual({ ok: false, error: { key: 'errorInstanceLocked', substitutions: [] } });
    expect(env.ucontact.requests.length).toBe(before);
    expect((await popup.storage('session')).credentials).toBeUndefined();
  });

  it('the options page shows the locked instance as set by the organization, and refuses a bad dial plan', async () => {
    const options = await env.browser.openExtensionPage('options.html');
    const instance = options.locator('#options-instance');
    await instance.waitFor();
    expect(await instance.inputValue()).toBe('acme');
    expect(await instance.isDisabled()).toBe(true);
    expect(await options.getByTestId('set-by-organization').count()).toBeGreaterThan(0);
    await options.setViewportSize({ width: 900, height: 1800 });
    await screenshot(options, 'options-managed');

    // The policy's blocked number is listed as the organization's, with nothing to remove it;
    // the agent may block more, and an invalid entry is refused with a message.
    const blocked = options.getByTestId('blocked-numbers');
    await blocked.getByText('+1900*', { exact: true }).waitFor();
    expect(await blocked.getByTestId('set-by-organization').count()).toBe(1);
    expect(await blocked.getByRole('button').count()).toBe(0);
    const entry = options.getByLabel('Number or pattern to block');
    await entry.fill('call me');
    await options.getByRole('button', { name: 'Block', exact: true }).click();
    await options
      .getByRole('alert')
      .getByText('Write a number or pattern', { exact: false })
      .waitFor();
    await entry.fill('+34 905*');
    await options.getByRole('button', { name: 'Block', exact: true }).click();
    await options.getByRole('button', { name: 'Unblock +34 905*' }).waitFor();
    expect((await storedSettings(options)).blockedNumbers).toEqual(['+34 905*']);
    await options
      .getByRole('region', { name: 'Blocked numbers' })
      .screenshot({ path: join(ARTIFACTS_DIR, 'options-blocked-numbers.png') });
    await options.getByRole('button', { name: 'Unblock +34 905*' }).click();
    await options.getByRole('button', { name: 'Unblock +34 905*' }).waitFor({ state: 'detached' });
    expect((await storedSettings(options)).blockedNumbers).toEqual([]);

    // The policy's dial plan is prefilled, and previews what a number will dial.
    await options.getByLabel('Try a number').fill('2901 2345');
    expect(await options.getByTestId('dial-plan-preview').textContent()).toContain('9029012345');

    // An invalid plan is refused whole, with a message, and nothing changes.
    const plan = options.getByLabel('Dial-plan rules (JSON)');
    await plan.fill('{ "homeCountry": "UY", "outsideLinePrefix": "9x" }');
    await options.getByRole('button', { name: 'Save dial plan' }).click();
    await options.getByRole('alert').waitFor();
    const stored = await options.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: {
            storage: { local: { get(k: string): Promise<{ settings?: { dialPlan?: unknown } }> } };
          };
        }
      ).chrome.storage.local.get('settings'),
    );
    expect(stored.settings?.dialPlan ?? null).toBeNull();
    await plan.fill('not json');
    await options.getByRole('button', { name: 'Save dial plan' }).click();
    await options.getByText('not valid JSON').waitFor();
    await options.close();
  });
});

/** What a contact center sets for its agents: campaigns, routing, breaks, results, wrap-up. */
const CONTACT_CENTER_POLICY = {
  campaigns: [
    { name: 'Ventas->', callerId: '+59829001234' },
    { name: 'Cobranzas->', callerId: '29005678', context: 'from-internal' },
  ],
  callRouting: 'campaign',
  breakReasons: ['Almuerzo', 'Capacitación'],
  dispositions: { 'Ventas->': ['Venta > Tarjeta', 'No interesado'], '*': ['Contactado'] },
  wrapUpSeconds: 45,
  lockedSettings: ['campaigns', 'callRouting', 'breakReasons', 'dispositions', 'wrapUpSeconds'],
};

/** One the extension must refuse: Chrome's schema lets both values through, the checks do not. */
const FAULTY_POLICY = {
  campaigns: [
    { name: 'Ventas->', callerId: '+59829001234' },
    { name: 'Ventas->', callerId: '29005678' },
  ],
  breakReasons: ['Almuerzo'],
};

type ChromeStorage = {
  chrome: {
    storage: {
      managed: { get(): Promise<object> };
      local: { get(key: string): Promise<{ settings?: Record<string, unknown> }> };
    };
  };
};

async function storedSettings(page: Page): Promise<Record<string, unknown>> {
  const stored = await page.evaluate(() =>
    (globalThis as unknown as ChromeStorage).chrome.storage.local.get('settings'),
  );
  return stored.settings ?? {};
}

/** The contact-center card with a real Chromium policy: locked values shown, bad ones refused. */
describe('contact-center policy in the options page', () => {
  let browser: ExtensionBrowser | undefined;
  let removePolicy = () => {};

  async function launchWith(policy: object): Promise<Page> {
    await browser?.close();
    removePolicy();
    const id = unpackedExtensionId(DEFAULT_EXTENSION_PATH);
    removePolicy = installChromiumPolicy({ '3rdparty': { extensions: { [id]: policy } } });
    browser = await launchBrowserWithExtension();
    const options = await browser.openExtensionPage('options.html');
    await options.getByRole('heading', { name: 'Contact center' }).waitFor();
    return options;
  }

  afterAll(async () => {
    await browser?.close();
    removePolicy();
  });

  it('shows the policy’s campaigns, routing, break reasons, results and wrap-up, locked', async () => {
    const options = await launchWith(CONTACT_CENTER_POLICY);
    expect(
      await options.evaluate(() =>
        (globalThis as unknown as ChromeStorage).chrome.storage.managed.get(),
      ),
    ).toEqual(CONTACT_CENTER_POLICY);

    const routing = options.getByLabel('Call routing');
    await expect.poll(() => routing.inputValue()).toBe('campaign');
    expect(await routing.isDisabled()).toBe(true);
    const rows = [
      ['Ventas->', '+59829001234', ''],
      ['Cobranzas->', '29005678', 'from-internal'],
    ];
    for (const [index, [name, callerId, context]] of rows.entries()) {
      const field = (what: string) => options.getByLabel(`Campaign ${index + 1} ${what}`);
      expect(await field('name').inputValue()).toBe(name);
      expect(await field('caller ID').inputValue()).toBe(callerId);
      expect(await field('context').inputValue()).toBe(context);
      for (const what of ['name', 'caller ID', 'context'])
        expect(await field(what).isDisabled()).toBe(true);
    }
    expect(await options.getByRole('button', { name: 'Add campaign' }).count()).toBe(0);
    expect(await options.getByRole('button', { name: /^Remove campaign/ }).count()).toBe(0);

    const breaks = options.getByLabel('Break reasons');
    expect(await breaks.inputValue()).toBe('Almuerzo\nCapacitación');
    expect(await breaks.isDisabled()).toBe(true);
    const results = options.getByLabel('Call results');
    expect(await results.inputValue()).toBe(
      'Ventas->: Venta > Tarjeta\nVentas->: No interesado\n*: Contactado',
    );
    expect(await results.isDisabled()).toBe(true);
    const wrapUp = options.getByLabel('Wrap-up time (seconds)');
    expect(await wrapUp.inputValue()).toBe('45');
    expect(await wrapUp.isDisabled()).toBe(true);

    // Each of the five says why it cannot be changed, and the policy had nothing to ignore.
    const card = options.locator('section', {
      has: options.getByRole('heading', { name: 'Contact center' }),
    });
    expect(await card.getByTestId('set-by-organization').count()).toBe(5);
    expect(
      await options.getByText('Some settings from your organization were ignored').count(),
    ).toBe(0);
    await options.setViewportSize({ width: 800, height: 900 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      await card.screenshot({
        path: join(ARTIFACTS_DIR, `options-contact-center-locked-${colorScheme}.png`),
      });
    }
    await options.close();
  });

  it('lists an invalid policy value as ignored, and refuses the agent’s invalid campaign inline', async () => {
    const options = await launchWith(FAULTY_POLICY);
    const problems = options.getByRole('alert').filter({
      hasText: 'Some settings from your organization were ignored',
    });
    await problems.waitFor();
    expect(await problems.textContent()).toContain(
      'Your organization\'s value for "campaigns" is not valid and was ignored. Two campaigns are named "Ventas->".',
    );
    // The good value applies as a default the agent may change; the bad one as if unset.
    const breaks = options.getByLabel('Break reasons');
    expect(await breaks.inputValue()).toBe('Almuerzo');
    expect(await breaks.isDisabled()).toBe(false);
    await options.getByText('No campaigns yet.').waitFor();

    // From the keyboard: Add campaign, then name, caller ID and context in turn.
    const add = options.getByRole('button', { name: 'Add campaign' });
    await add.focus();
    await options.keyboard.press('Enter');
    await expect
      .poll(() =>
        options.getByLabel('Campaign 1 name').evaluate((el) => el === document.activeElement),
      )
      .toBe(true);
    await options.keyboard.type('Soporte->');
    await options.keyboard.press('Tab');
    await options.keyboard.type('call me');
    await options.keyboard.press('Tab'); // context
    await options.keyboard.press('Tab'); // Remove campaign 1: still in the row, nothing checked yet
    expect(await options.getByRole('alert').filter({ hasText: 'caller ID' }).count()).toBe(0);
    await options.keyboard.press('Tab'); // Add campaign: the row is left, and checked
    await expect.poll(() => add.evaluate((el) => el === document.activeElement)).toBe(true);
    const refused = options.getByRole('alert').filter({ hasText: 'caller ID' });
    await refused.waitFor();
    expect(await refused.textContent()).toBe(
      'Campaign "Soporte->": the caller ID must be 1 to 20 digits, optionally after a + (such as +59821234567). Nothing was saved.',
    );
    expect((await storedSettings(options)).campaigns).toBeUndefined();
    await options.setViewportSize({ width: 800, height: 900 });
    const card = options.locator('section', {
      has: options.getByRole('heading', { name: 'Contact center' }),
    });
    await card.screenshot({ path: join(ARTIFACTS_DIR, 'options-contact-center-refused.png') });

    const callerId = options.getByLabel('Campaign 1 caller ID');
    await callerId.fill('+59829009999');
    await callerId.press('Enter');
    await expect
      .poll(async () => (await storedSettings(options)).campaigns)
      .toEqual([{ name: 'Soporte->', callerId: '+59829009999' }]);
    expect(await refused.count()).toBe(0);
    await options.close();
  });
});
