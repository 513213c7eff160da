import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXTENSION_PATH, DEFAULT_PUBLIC_LOOPBACK_PORTS } from '../rig/browser';
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
import { waitUntil } from './support/wait';
import { screenshot } from '../rig/screenshot';

const CRM_HOST = 'acme.lightning.force.com';
/**
 * What an administrator rolls out: the instance (locked) and a Uruguayan PBX dial plan as a
 * default the agent may still edit.
 */
const POLICY = {
  instance: 'acme',
  defaultCountry: 'UY',
  dialPlan: { homeCountry: 'UY', outsideLinePrefix: '9', domestic: 'national' },
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

  it('the options page shows the locked instance as set by the organization, and refuses a bad dial plan', async () => {
    const options = await env.browser.openExtensionPage('options.html');
    const instance = options.locator('#options-instance');
    await instance.waitFor();
    expect(await instance.inputValue()).toBe('acme');
    expect(await instance.isDisabled()).toBe(true);
    expect(await options.getByTestId('set-by-organization').count()).toBeGreaterThan(0);
    await options.setViewportSize({ width: 900, height: 1800 });
    await screenshot(options, 'options-managed');

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
