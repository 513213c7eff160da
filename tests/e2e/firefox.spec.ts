import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../rig/browser';
import { startCallee, type Callee } from '../rig/callee';
import {
  DEFAULT_FIREFOX_EXTENSION_PATH,
  launchFirefoxWithExtension,
  type FirefoxExtensionBrowser,
} from '../rig/firefox';
import { startKamailio, type Kamailio } from '../rig/kamailio';
import { screenshot } from '../rig/screenshot';
import { ha1 } from '../rig/sip-credentials';
import { startUContactServer, type UContactServer } from '../rig/ucontact-server';
import type { AudioStats } from '../../utils/sip/phone-state';
import { CALLEE, INSTANCE, INSTANCE_HOST, MARIA } from './support/environment';
import { FirefoxPopupPage } from './support/firefox-popup-page';
import { waitUntil } from './support/wait';

const E164 = '+59829012345';
const MICROPHONE_PAGE = 'microphone.html';
const microphoneStatus = '[data-testid="microphone-page"]';

/**
 * The Firefox build, end to end in Debian's Firefox ESR over WebDriver BiDi, under Firefox's real
 * microphone rules: the MV2 add-on's persistent background page hosts the phone and registers at
 * Kamailio over WSS with the production host name; the microphone is captured in the add-on's
 * pinned "Microphone for calls" tab (Firefox never lets a background page capture) and relayed into
 * the call. The far end is a real sip.js phone in Chromium; RTP flows both ways.
 */
describe('Firefox', () => {
  let ucontact: UContactServer;
  let kamailio: Kamailio;
  let chromium: Browser;
  let callee: Callee;

  beforeAll(async () => {
    ucontact = await startUContactServer({ agents: [MARIA], instanceHost: INSTANCE_HOST });
    kamailio = await startKamailio({
      users: {
        [MARIA.name]: ha1(MARIA.name, MARIA.sipPassword),
        [CALLEE.user]: ha1(CALLEE.user, CALLEE.password),
      },
      dialPlan: { [E164]: CALLEE.user },
    });
    chromium = await launchBrowser();
    callee = await startCallee(chromium);
    const outcome = await callee.register({
      wsUrl: kamailio.wsUrl,
      user: CALLEE.user,
      ha1: ha1(CALLEE.user, CALLEE.password),
      domain: INSTANCE_HOST,
    });
    expect(outcome.registered).toBe(true);
  });
  afterAll(async () => {
    await callee?.close().catch(() => undefined);
    await chromium?.close().catch(() => undefined);
    await Promise.all([ucontact?.close(), kamailio?.stop()]);
  });

  describe('the phone in the background page, the microphone in a pinned tab', () => {
    let firefox: FirefoxExtensionBrowser;
    let popup: FirefoxPopupPage;
    let microphone: Page;

    const agentStats = async () => {
      const reply = await popup.request<{ ok: boolean; value: AudioStats | null }>('call.stats');
      return reply.ok ? reply.value : null;
    };
    /** The far end hears the agent now (Firefox's fake microphone is a tone). */
    const waitUntilAudible = (what: string) =>
      waitUntil(async () => (await callee.stats()).inboundAudioLevel > 0.001, 5_000, what);

    beforeAll(async () => {
      const started = Date.now();
      firefox = await launchFirefoxWithExtension();
      console.log(`Firefox up with the add-on: ${Date.now() - started} ms`);
    });
    afterAll(async () => {
      await firefox?.close();
    });

    it('builds an MV2 add-on without offscreen, with a gecko id and a data-collection declaration', () => {
      const manifest = JSON.parse(
        readFileSync(join(DEFAULT_FIREFOX_EXTENSION_PATH, 'manifest.json'), 'utf8'),
      );
      expect(manifest.manifest_version).toBe(2);
      expect(manifest.background).toMatchObject({ persistent: true });
      expect(manifest.permissions).not.toContain('offscreen');
      expect(manifest.optional_permissions).toEqual(['https://*/*', 'http://*/*']);
      expect(manifest.browser_specific_settings.gecko.id).toBe(firefox.geckoId);
      expect(manifest.browser_specific_settings.gecko.data_collection_permissions.required).toEqual(
        expect.arrayContaining(['authenticationInfo']),
      );
      // The microphone page exists only in the Firefox build.
      expect(existsSync(join(DEFAULT_FIREFOX_EXTENSION_PATH, MICROPHONE_PAGE))).toBe(true);
    });

    it('logs in, registers with one contact, and pins the microphone tab in the background', async () => {
      popup = new FirefoxPopupPage(await firefox.openPopup());
      await popup.useLoopbackIce();
      const started = Date.now();
      await popup.login({ instance: INSTANCE, agent: MARIA.agent, password: MARIA.password });
      await popup.waitForSipState('registered', 5_000);
      console.log(`Firefox login → registered: ${Date.now() - started} ms`);
      // The production URL shapes: AgentLogin on https://acme…, SIP on wss://acme…:8089.
      await ucontact.waitForRequest((r) => r.path.endsWith('/AgentLogin'));
      expect(await kamailio.contacts(MARIA.name)).toHaveLength(1);
      const session = await popup.storage('session');
      expect(session.credentials).toBeDefined();
      await screenshot(popup.page, 'firefox-popup-registered');

      microphone = await firefox.waitForExtensionPage(MICROPHONE_PAGE);
      await microphone.waitForSelector(
        `${microphoneStatus}[data-connected="true"][data-in-use="false"]`,
      );
      // The grant is remembered, so the tab stays out of the agent's way: pinned, not selected.
      const tab = await microphone.evaluate(async () => {
        const current = await browser.tabs.getCurrent();
        return { pinned: current?.pinned, active: current?.active };
      });
      expect(tab).toEqual({ pinned: true, active: false });
      expect(await firefox.countExtensionPages(MICROPHONE_PAGE)).toBe(1);
    });

    it('a premium-rate number waits for a yes in the popup (decided in the background page); "Don\'t call" sends nothing', async () => {
      await popup.dial('+1 900 555 0111');
      const dialog = await popup.page.waitForSelector(
        '[data-testid="call-confirmation"][role="alertdialog"]',
      );
      expect(await dialog!.evaluate((element) => element.textContent)).toContain(
        'Premium-rate number',
      );
      await screenshot(popup.page, 'firefox-popup-call-confirmation');
      await popup.page.keyboard.press('Escape');
      await popup.byRole('textbox', 'Number').wait();
      expect(
        kamailio.sipRequests().filter((r) => r.method === 'INVITE' && r.ruser === '+19005550111'),
      ).toEqual([]);
    });

    it('calls from the dial pad: the callee answers and hears the agent, RTP both ways', async () => {
      await popup.dial('+598 2901 2345');
      const invite = await callee.waitForInvite(5_000);
      expect(invite.to).toContain(`sip:${E164}@${INSTANCE_HOST}`);
      expect(invite.from).toContain(`sip:${MARIA.name}@`);
      // Host candidates on loopback: Firefox gathers them only with a persistent microphone grant.
      expect(invite.sdp).toMatch(/a=candidate:.* 127\.0\.0\.1 \d+ typ host/);

      await callee.answer();
      await popup.waitForCallState('established');
      await callee.waitForCallState('established');
      await screenshot(popup.page, 'firefox-popup-in-call');
      // The badge follows the call (MV2 has `browserAction`, not `action`).
      await waitUntil(async () => (await popup.badgeText()) === '●', 5_000, 'in-call badge');
      await microphone.waitForSelector(`${microphoneStatus}[data-in-use="true"]`);

      // Real audio, both ways and sustained (50 packets a second), and the far end hears Firefox's
      // fake microphone through the relay.
      await waitUntil(
        async () => ((await agentStats())?.inboundPackets ?? 0) >= 25,
        5_000,
        'agent inbound RTP',
      );
      await waitUntil(
        async () => (await callee.stats()).packetsReceived >= 25,
        5_000,
        'callee inbound RTP',
      );
      await waitUntilAudible('audible agent');
      const agent = (await agentStats())!;
      const far = await callee.stats();
      console.log(
        `Firefox RTP: agent in ${agent.inboundPackets} pkts/${agent.inboundBytes} B, ` +
          `out ${agent.outboundPackets} pkts/${agent.outboundBytes} B; ` +
          `callee in ${far.packetsReceived} pkts/${far.bytesReceived} B, level ${far.inboundAudioLevel}`,
      );
      expect(agent.inboundBytes).toBeGreaterThan(0);
      expect(agent.outboundBytes).toBeGreaterThan(0);
    });

    it('survives the microphone tab being closed mid-call: it comes back and the callee hears the agent again', async () => {
      await microphone.close();
      const closedAt = Date.now();
      microphone = await firefox.waitForExtensionPage(MICROPHONE_PAGE);
      await microphone.waitForSelector(`${microphoneStatus}[data-in-use="true"]`);
      await waitUntilAudible('audible agent after the tab came back');
      console.log(`Microphone tab closed → agent audible again: ${Date.now() - closedAt} ms`);
      expect(await firefox.countExtensionPages(MICROPHONE_PAGE)).toBe(1);
      // Still the same call: no re-INVITE was needed.
      await popup.waitForCallState('established');
      expect((await callee.state()).reinviteDirections).toEqual([]);

      // Hold and resume still offer what they should (sendonly, then sendrecv, not recvonly), and
      // the far end hears the agent after the resume.
      await popup.button('Hold').click();
      await popup.waitForCallState('held');
      await popup.button('Resume').click();
      await popup.waitForCallState('established');
      const directions = (await callee.state()).reinviteDirections;
      expect(['sendonly', 'inactive']).toContain(directions.at(-2));
      expect(directions.at(-1)).toBe('sendrecv');
      await waitUntilAudible('audible agent after resume');
    });

    it('hangs up: the microphone is released; logging out closes the tab', async () => {
      await popup.button('Hang up').click();
      await popup.waitForCallState('ended');
      await callee.waitForCallState('terminated');
      expect((await callee.state()).byeReceived).toBe(true);
      await microphone.waitForSelector(`${microphoneStatus}[data-in-use="false"]`);

      await popup.button('Log out').click();
      await waitUntil(
        async () => (await firefox.countExtensionPages(MICROPHONE_PAGE)) === 0,
        5_000,
        'microphone tab closed',
      );
      await waitUntil(
        async () => (await kamailio.contacts(MARIA.name)).length === 0,
        5_000,
        'unregistered',
      );
    });
  });

  /**
   * Firefox asks for the microphone per page unless "Remember this decision" is ticked: without a
   * remembered grant, the microphone tab comes to the front at login and says so.
   */
  describe('without a remembered microphone grant', () => {
    let firefox: FirefoxExtensionBrowser;

    beforeAll(async () => {
      firefox = await launchFirefoxWithExtension({ rememberedMicrophone: false });
    });
    afterAll(async () => {
      await firefox?.close();
    });

    it('shows the microphone tab at login, explaining "Remember this decision"', async () => {
      const popup = new FirefoxPopupPage(await firefox.openPopup());
      await popup.useLoopbackIce();
      await popup.login({ instance: INSTANCE, agent: MARIA.agent, password: MARIA.password });
      await popup.waitForSipState('registered', 5_000);
      const microphone = await firefox.waitForExtensionPage(MICROPHONE_PAGE);
      await microphone.waitForSelector('[data-testid="microphone-state"][data-state="prompt"]');
      expect(await microphone.$eval('main', (main) => main.textContent)).toContain(
        'Remember this decision',
      );
      await waitUntil(
        () => microphone.evaluate(async () => (await browser.tabs.getCurrent())?.active === true),
        5_000,
        'microphone tab selected',
      );
      await screenshot(microphone, 'firefox-microphone-tab-prompt');
      await popup.button('Log out').click();
      await popup.page.waitForSelector('::-p-aria([name="Log in"][role="button"])');
    });

    it('options page: tells a grant for this page only from a remembered one', async () => {
      // A one-shot "Allow" (no prompt in a headless browser to click): the permission stays `prompt`.
      const allowOnce = await launchFirefoxWithExtension({
        rememberedMicrophone: false,
        allowMicrophoneOnce: true,
      });
      try {
        const page = new FirefoxPopupPage(
          await allowOnce.openExtensionPage('options.html#microphone'),
        );
        const state = '[data-testid="microphone-state"]';
        await page.page.waitForSelector(`${state}[data-state="prompt"]`);
        expect(await page.page.$eval('#microphone', (section) => section.textContent)).toContain(
          'Remember this decision',
        );
        await page.button('Allow microphone').click();
        await page.page.waitForSelector(`${state}[data-state="once"]`);
        expect(await page.page.$eval(state, (element) => element.textContent)).toContain(
          'for this page only',
        );
        await screenshot(page.page, 'firefox-options-microphone-once');
      } finally {
        await allowOnce.close();
      }
    });
  });

  /**
   * The agent's shift in Firefox: a campaign call through uContact's AgentCall (the far end plays
   * uContact's first leg), its result saved with DispositionCall, and a break.
   */
  describe('contact center', () => {
    const VENTAS = { name: 'Ventas->', callerId: '+59829001234' };
    let firefox: FirefoxExtensionBrowser;
    let popup: FirefoxPopupPage;

    /** Picks an option of the combobox labelled `label` the way a keyboard user would. */
    const choose = (label: string, value: string) =>
      popup.page.evaluate(
        (name, option) => {
          const labels = [...document.querySelectorAll('label')];
          const target = labels.find((element) => element.textContent?.trim() === name);
          const select = document.getElementById(target?.htmlFor ?? '') as HTMLSelectElement;
          select.value = option;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        },
        label,
        value,
      );
    const agentStats = async () => {
      const reply = await popup.request<{ ok: boolean; value: AudioStats | null }>('call.stats');
      return reply.ok ? reply.value : null;
    };
    const agentState = () =>
      popup.page.$eval('[data-testid="agent-status"]', (element) =>
        element.getAttribute('data-state'),
      );

    beforeAll(async () => {
      firefox = await launchFirefoxWithExtension();
      ucontact.onAgentCall(async () => {
        await callee.call(MARIA.name, { extraHeaders: ['P-Auto-Answer: normal'] });
      });
    });
    afterAll(async () => {
      ucontact.onAgentCall(undefined);
      await firefox?.close();
    });

    it('a campaign call goes through AgentCall, its first leg is answered with auto-answer off, RTP both ways', async () => {
      popup = new FirefoxPopupPage(await firefox.openPopup());
      await popup.useLoopbackIce();
      await popup.page.evaluate(async (campaign) => {
        const { settings } = await browser.storage.local.get('settings');
        await browser.storage.local.set({
          settings: {
            ...(settings as object),
            autoAnswer: false,
            callRouting: 'campaign',
            campaigns: [campaign],
            breakReasons: ['Lunch'],
            dispositions: { '*': ['Sale > Card', 'No answer'] },
          },
        });
      }, VENTAS);
      await popup.login({ instance: INSTANCE, agent: MARIA.agent, password: MARIA.password });
      await popup.waitForSipState('registered', 5_000);
      await firefox.waitForExtensionPage(MICROPHONE_PAGE);
      const invitesBefore = kamailio
        .sipRequests()
        .filter((r) => r.method === 'INVITE' && r.fuser === MARIA.name).length;

      await popup.dial('+598 2901 2345');
      const agentCall = await ucontact.waitForRequest((r) => r.path.endsWith('/Agents/AgentCall'));
      expect(agentCall.form).toEqual({
        callerid: VENTAS.callerId,
        agent: MARIA.agent,
        phone: MARIA.name,
        tech: 'SIP',
        context: 'from-agents',
        outqueue: VENTAS.name,
        destination: E164,
      });
      await popup.waitForCallState('established');
      await callee.waitForCallState('established');
      expect(
        kamailio.sipRequests().filter((r) => r.method === 'INVITE' && r.fuser === MARIA.name),
      ).toHaveLength(invitesBefore);
      await waitUntil(async () => (await agentStats())!.inboundBytes > 0, 5_000, 'agent RTP in');
      await waitUntil(async () => (await callee.stats()).bytesReceived > 0, 5_000, 'far end RTP');
    });

    it('the far end hangs up → result form → DispositionCall; then a break and back', async () => {
      await callee.hangup();
      await popup.page.waitForSelector('[data-testid="disposition"]');
      expect(await agentState()).toBe('wrap-up');
      await choose('Result', 'Sale');
      await choose('Detail', 'Card');
      await popup.button('Save result').click();
      const saved = await ucontact.waitForRequest((r) => r.path.endsWith('/api/DispositionCall'));
      expect(saved.form).toMatchObject({
        campaign: VENTAS.name,
        callerid: E164,
        l1: 'Sale',
        l2: 'Card',
      });
      await waitUntil(async () => (await agentState()) === 'ready', 5_000, 'ready');

      await popup.button('Take a break').click();
      await popup.button('Lunch').click();
      await waitUntil(async () => (await agentState()) === 'break', 5_000, 'on a break');
      expect(ucontact.breakState(MARIA.agent)).toBe('Lunch');
      await screenshot(popup.page, 'firefox-popup-agent-break');
      await popup.button('Back to work').click();
      await waitUntil(async () => (await agentState()) === 'ready', 5_000, 'back to work');
      expect(ucontact.breakState(MARIA.agent)).toBeUndefined();
    });
  });
});
