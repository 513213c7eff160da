import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_EXTENSION_PATH,
  DEFAULT_PUBLIC_LOOPBACK_PORTS,
  launchBrowserWithExtension,
} from '../rig/browser';
import { startCallee, type Callee } from '../rig/callee';
import { installChromiumPolicy, unpackedExtensionId } from '../rig/chromium-policy';
import { FIXTURE_PORT, startFixtureServer, type FixtureServer } from '../rig/fixture-server';
import { screenshot } from '../rig/screenshot';
import type { RecordedRequest } from '../rig/ucontact-server';
import type { AudioStats } from '@/utils/sip/phone-state';
import {
  CALLEE,
  MARIA,
  registerCallee,
  startEnvironment,
  useLoopbackIce,
  type Environment,
} from './support/environment';
import { PopupPage } from './support/popup-page';
import { CLICK_SETTLE_MS, sleep, waitUntil } from './support/wait';

const CRM_HOST = 'acme.lightning.force.com';
const VENTAS = { name: 'Ventas->', callerId: '+59829001234' };
const SOPORTE = { name: 'Soporte->', callerId: '+59829005678', context: 'soporte' };
/** A contact center's roll-out: calls through campaigns, breaks, call results. */
const POLICY = {
  campaigns: [VENTAS, SOPORTE],
  callRouting: 'campaign',
  breakReasons: ['Lunch', 'Coffee'],
  dispositions: { '*': ['Sale > Card > Visa', 'Sale > Cash', 'No answer'] },
  wrapUpSeconds: 0,
};
const DESTINATION = '+5491123456789';

/**
 * The agent's shift in uContact, in real Chromium with a real managed policy: a click on a CRM
 * number goes through uContact's two-step AgentCall (the far-end phone plays uContact's first leg,
 * an INVITE to the agent with P-Auto-Answer), the call's result is saved with DispositionCall, and
 * breaks go through AgentBreak / AgentUnBreak.
 */
describe('contact center: campaign calls, results, breaks', () => {
  let env: Environment;
  let fixtures: FixtureServer;
  /** Plays uContact: rings the agent when AgentCall arrives, then is the customer's audio. */
  let uContactLeg: Callee;
  let popup: PopupPage;
  let removePolicy = () => {};
  let ringAgent = true;

  const requests = (path: string): RecordedRequest[] =>
    env.ucontact.requests.filter((request) => request.path.endsWith(path));
  const agentInvites = () =>
    env.kamailio
      .sipRequests()
      .filter((r) => r.method === 'INVITE' && !r.inDialog && r.fuser === MARIA.name);
  const agentStats = async () =>
    (await popup.request<{ ok: boolean; value: AudioStats | null }>('call.stats')).value;
  const status = () => popup.page.getByTestId('agent-status');
  const waitForStatus = (state: string) =>
    waitUntil(async () => (await status().getAttribute('data-state')) === state, 10_000, state);

  beforeAll(async () => {
    const id = unpackedExtensionId(DEFAULT_EXTENSION_PATH);
    removePolicy = installChromiumPolicy({ '3rdparty': { extensions: { [id]: POLICY } } });
    env = await startEnvironment({
      browser: {
        hostResolverRules: `MAP *.ucontactcloud.com 127.0.0.1, MAP ${CRM_HOST} 127.0.0.1`,
        publicLoopbackPorts: [...DEFAULT_PUBLIC_LOOPBACK_PORTS, FIXTURE_PORT],
      },
    });
    fixtures = await startFixtureServer({ [CRM_HOST]: 'salesforce' });
    uContactLeg = await startCallee(env.browser.context);
    await registerCallee(env, uContactLeg);
    env.ucontact.onAgentCall(async () => {
      if (ringAgent)
        await uContactLeg.call(MARIA.name, { extraHeaders: ['P-Auto-Answer: normal'] });
    });
    popup = await env.openPopup();
    await useLoopbackIce(popup);
    // Auto-answer off: the first leg of our own campaign call is answered all the same.
    await popup.setSettings({ autoAnswer: false });
    await popup.agent.fill(MARIA.agent);
    await popup.password.fill(MARIA.password);
    await popup.instance.fill('acme');
    await popup.loginButton.click();
    await popup.waitForSipState('registered');
  });
  afterAll(async () => {
    await uContactLeg?.close().catch(() => undefined);
    await fixtures?.close();
    await env?.close();
    removePolicy();
  });

  it('the agent is ready, in words, with the time in it', async () => {
    await waitForStatus('ready');
    expect(await status().textContent()).toMatch(/^Ready in uContact · \d+:\d\d$/);
    // Whether calls come is uContact's say here: the phone line only tells it is connected.
    expect(await popup.sipStatus.textContent()).toBe('Phone connected');
    await screenshot(popup.page, 'popup-agent-ready');
  });

  it('a CRM click goes through AgentCall, exact fields, and sends no INVITE of its own; the first leg is answered with auto-answer off', async () => {
    const invitesBefore = agentInvites().length;
    const crm = await env.browser.context.newPage();
    await crm.goto(fixtures.url(CRM_HOST, '/lightning/r/Contact/0035g00000AbCdEAAZ/view'));
    const button = crm.getByRole('button', { name: 'Call +54 9 11 2345-6789' }).first();
    await button.waitFor({ timeout: 10_000 });
    await sleep(CLICK_SETTLE_MS);
    const clickedAt = Date.now();
    await button.click();

    await waitUntil(async () => requests('/Agents/AgentCall').length === 1, 5_000, 'AgentCall');
    const [agentCall] = requests('/Agents/AgentCall');
    expect(agentCall!.form).toEqual({
      callerid: VENTAS.callerId,
      agent: MARIA.agent,
      phone: MARIA.name,
      tech: 'SIP',
      context: 'from-agents',
      outqueue: VENTAS.name,
      destination: DESTINATION,
    });
    expect(agentCall!.headers.authorization).toMatch(/^Basic /);
    await uContactLeg.waitForCallState('established', 10_000);
    await popup.waitForCallState('established');
    console.log(
      `contact center: click → AgentCall ${agentCall!.time - clickedAt} ms, ` +
        `AgentCall → first leg answered ${Date.now() - agentCall!.time} ms (upper bound)`,
    );
    // The agent's phone placed no INVITE: uContact's leg came in.
    expect(agentInvites().length).toBe(invitesBefore);
    // Shown as the outgoing call to the customer, not as a call from the campaign line.
    await popup.page.getByText('+54 9 11 2345-6789').first().waitFor();
    expect(await popup.page.locator('.call-panel').textContent()).not.toContain(CALLEE.user);
    // Answered without a click, so never silently: recorded as such, and announced.
    const { phone } = (await popup.storage('session')) as {
      phone: { call: { id: string; autoAnswer?: boolean } };
    };
    expect(phone.call.autoAnswer).toBe(true);
    await waitUntil(
      async () => {
        const open = await popup.page.evaluate(() =>
          (
            globalThis as unknown as {
              chrome: { notifications: { getAll(): Promise<Record<string, unknown>> } };
            }
          ).chrome.notifications.getAll(),
        );
        return Object.hasOwn(open, `auto-answered:${phone.call.id}`);
      },
      5_000,
      'auto-answered notification for the first leg',
    );
    await waitUntil(async () => (await agentStats())!.inboundBytes > 0, 5_000, 'agent RTP in');
    await waitUntil(
      async () => (await uContactLeg.stats()).bytesReceived > 0,
      5_000,
      'far end RTP in',
    );
    await screenshot(popup.page, 'popup-campaign-call');
    await crm.close();
  });

  it('the far end hangs up → the result form → DispositionCall with the GUID and the levels', async () => {
    await uContactLeg.hangup();
    await popup.waitForCallState('ended');
    const form = popup.page.getByTestId('disposition');
    await form.waitFor({ timeout: 5_000 });
    await waitForStatus('wrap-up');
    expect(await status().textContent()).toContain('until the call');
    await popup.page.getByRole('combobox', { name: 'Result' }).selectOption('Sale');
    await popup.page.getByRole('combobox', { name: 'Detail' }).selectOption('Card');
    await popup.page.getByRole('combobox', { name: 'Sub-detail' }).selectOption('Visa');
    await popup.page.getByRole('textbox', { name: 'Comment' }).fill('Pays by card');
    await screenshot(popup.page, 'popup-call-result');

    // The first save fails (uContact answers 500); the result is kept and Retry saves it.
    env.ucontact.behaveApi('DispositionCall', 'server-error', { times: 1 });
    await popup.button('Save result').click();
    await form.getByRole('alert').waitFor({ timeout: 5_000 });
    expect(await form.getByRole('alert').textContent()).toContain('500');
    // Kept across the popup closing, with why it was not saved.
    await popup.page.reload();
    await popup.page.getByTestId('disposition').getByRole('alert').waitFor({ timeout: 5_000 });
    await popup.page.getByRole('combobox', { name: 'Result' }).selectOption('Sale');
    await popup.page.getByRole('combobox', { name: 'Detail' }).selectOption('Card');
    await popup.page.getByRole('combobox', { name: 'Sub-detail' }).selectOption('Visa');
    await popup.page.getByRole('textbox', { name: 'Comment' }).fill('Pays by card');
    await popup.button('Save result').click();

    await waitForStatus('ready');
    expect(await popup.page.getByTestId('disposition').count()).toBe(0);
    const saves = requests('/api/DispositionCall');
    expect(saves).toHaveLength(2);
    expect(saves.at(-1)!.form).toMatchObject({
      campaign: VENTAS.name,
      agent: MARIA.agent,
      callerid: DESTINATION,
      l1: 'Sale',
      l2: 'Card',
      l3: 'Visa',
      comment: 'Pays by card',
      schedule: '',
    });
    expect(saves.at(-1)!.form.guid).toMatch(/^[0-9a-f-]{36}$/);
    // History keeps the campaign and the saved result.
    // (History sits in a closed disclosure: attached, not visible.)
    await popup.page
      .getByText('Campaign Ventas-> · Sale > Card > Visa')
      .waitFor({ state: 'attached' });
  });

  it('two campaigns: the one chosen in the popup is used, and remembered', async () => {
    await popup.page.getByRole('combobox', { name: 'Campaign' }).selectOption(SOPORTE.name);
    ringAgent = false;
    await popup.dial('+14155550123');
    await waitUntil(async () => requests('/Agents/AgentCall').length === 2, 5_000, 'AgentCall');
    expect(requests('/Agents/AgentCall').at(-1)!.form).toMatchObject({
      outqueue: SOPORTE.name,
      callerid: SOPORTE.callerId,
      context: 'soporte',
    });
    // A second click while the first is pending starts no second call.
    await popup.dial('+14155550123');
    await popup.alert.waitFor();
    expect(await popup.alert.textContent()).toContain('already on its way');
    expect(requests('/Agents/AgentCall')).toHaveLength(2);
  });

  it('no first leg within 20 s: "uContact did not ring your phone", nothing left pending', async () => {
    // The pending call of the previous test times out (20 s after its AgentCall).
    await waitUntil(
      async () => {
        const view = await popup.request<{ shift?: { call?: unknown } }>('session.get');
        return !view.shift?.call;
      },
      25_000,
      'pending campaign call dropped',
    );
    // The agent is told, even with the popup closed: a system notification.
    const notices = await popup.page.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { notifications: { getAll(): Promise<Record<string, unknown>> } };
        }
      ).chrome.notifications.getAll(),
    );
    expect(Object.keys(notices)).toContain('shift:noFirstLeg');
    ringAgent = true;
    await popup.page.reload();
    await popup.dial('+14155550123');
    await popup.waitForCallState('established');
    await popup.button('Hang up').click();
    await popup.page.getByTestId('disposition').waitFor();
    await popup.page.getByRole('combobox', { name: 'Result' }).selectOption('No answer');
    await popup.button('Save result').click();
    await waitForStatus('ready');
  });

  it('AgentCall answers 0: a message naming the campaign, nothing pending; 401: log in again', async () => {
    await popup.page.reload();
    env.ucontact.behaveApi('AgentCall', 'zero', { times: 1 });
    await popup.dial('+14155550123');
    await popup.alert.waitFor();
    expect(await popup.alert.textContent()).toContain(SOPORTE.name);
    env.ucontact.behaveApi('AgentCall', 'unauthorized', { times: 1 });
    await popup.dial('+14155550123');
    await waitUntil(
      async () => /log in again/i.test((await popup.alert.textContent()) ?? ''),
      5_000,
      'session expired message',
    );
    // The session is kept until the agent logs in again.
    expect(await popup.sipStatus.getAttribute('data-state')).toBe('registered');
  });

  it('Take a break → Lunch → AgentBreak → on break; Back to work → AgentUnBreak → ready', async () => {
    await popup.page.reload();
    await popup.button('Take a break').click();
    await popup.button('Lunch').click();
    await waitForStatus('break');
    expect(await status().textContent()).toMatch(/^On a break \(Lunch\) · \d+:\d\d$/);
    expect(requests('/api/AgentBreak').at(-1)!.form).toMatchObject({
      agent: MARIA.agent,
      interface: `SIP/${MARIA.name}`,
      motive: 'Lunch',
    });
    expect(env.ucontact.breakState(MARIA.agent)).toBe('Lunch');
    await screenshot(popup.page, 'popup-agent-break');
    // The break survives the popup closing and the service worker being stopped.
    await env.browser.stopServiceWorkers();
    await popup.page.reload();
    await waitForStatus('break');
    await popup.button('Back to work').click();
    await waitForStatus('ready');
    expect(requests('/api/AgentUnBreak').at(-1)!.form).toMatchObject({ motive: 'Lunch' });
    expect(env.ucontact.breakState(MARIA.agent)).toBeUndefined();
  });

  it('a refused break leaves the agent ready, with the message', async () => {
    env.ucontact.behaveApi('AgentBreak', 'zero', { times: 1 });
    await popup.button('Take a break').click();
    await popup.button('Coffee').click();
    await popup.alert.waitFor();
    await waitForStatus('ready');
  });

  it('a timed wrap-up counts down, then the agent is ready while the result is still due', async () => {
    await popup.setSettings({ wrapUpSeconds: 3 });
    await popup.page.reload();
    await popup.dial('+14155550123');
    await popup.waitForCallState('established');
    await uContactLeg.hangup();
    await waitForStatus('wrap-up');
    expect(await status().textContent()).toMatch(/^Wrap-up · 0:0[0-3] left$/);
    await waitForStatus('ready');
    // Never silently lost: the form is still there until the result is saved.
    expect(await popup.page.getByTestId('disposition').count()).toBe(1);
    await popup.page.getByRole('combobox', { name: 'Result' }).selectOption('Sale');
    await popup.page.getByRole('combobox', { name: 'Detail' }).selectOption('Cash');
    await popup.button('Save result').click();
    await waitUntil(
      async () => (await popup.page.getByTestId('disposition').count()) === 0,
      5_000,
      'result saved',
    );
    await popup.setSettings({ wrapUpSeconds: 0 });
  });

  it('in Spanish: the popup ready, on a break, in a campaign call and with the result form', async () => {
    // One phone at a time for the agent: the English browser logs out first.
    await popup.logoutButton.click();
    await popup.loginButton.waitFor();
    const es = await launchBrowserWithExtension({
      uiLanguage: 'es',
      hostResolverRules: `MAP *.ucontactcloud.com 127.0.0.1, MAP ${CRM_HOST} 127.0.0.1`,
      publicLoopbackPorts: [...DEFAULT_PUBLIC_LOOPBACK_PORTS, FIXTURE_PORT],
    });
    try {
      const page = await es.openPopup();
      await page.setViewportSize({ width: 372, height: 600 });
      const spanish = new PopupPage(page);
      await spanish.setSettings({ iceServers: [], autoAnswer: false });
      await page.getByRole('textbox', { name: 'Instancia' }).fill('acme');
      await page.getByRole('textbox', { name: 'Agente' }).fill(MARIA.agent);
      await page.getByLabel('Contraseña').fill(MARIA.password);
      await page.getByRole('button', { name: 'Iniciar sesión' }).click();
      await spanish.waitForSipState('registered');
      const esStatus = page.getByTestId('agent-status');
      await esStatus.waitFor();
      expect(await esStatus.textContent()).toMatch(/^Disponible en uContact · /);
      await screenshot(page, 'popup-agent-ready-es');
      await page.getByRole('button', { name: 'Tomar una pausa' }).click();
      await page.getByRole('button', { name: 'Lunch' }).click();
      await waitUntil(
        async () => (await esStatus.getAttribute('data-state')) === 'break',
        5_000,
        'break',
      );
      await screenshot(page, 'popup-agent-break-es');
      await page.getByRole('button', { name: 'Volver al trabajo' }).click();
      await waitUntil(
        async () => (await esStatus.getAttribute('data-state')) === 'ready',
        5_000,
        'ready',
      );
      await page.getByRole('textbox', { name: 'Número' }).fill('+14155550123');
      await page.getByRole('button', { name: 'Llamar', exact: true }).click();
      await spanish.waitForCallState('established');
      await screenshot(page, 'popup-campaign-call-es');
      await uContactLeg.hangup();
      await page.getByTestId('disposition').waitFor();
      await page.getByRole('combobox', { name: 'Resultado' }).selectOption('Sale');
      await screenshot(page, 'popup-call-result-es');
      await page.getByRole('button', { name: 'Guardar resultado' }).click();
      await waitUntil(
        async () => (await page.getByTestId('disposition').count()) === 0,
        5_000,
        'saved',
      );
    } finally {
      await es.close();
    }
  });
});
