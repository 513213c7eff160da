import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
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

/**
 * The Firefox build, end to end in Debian's Firefox ESR over WebDriver BiDi: the MV2 add-on's
 * persistent background page hosts the phone, registers at Kamailio over WSS with the production
 * host name, and calls a real sip.js phone (in Chromium) with RTP both ways.
 */
describe('Firefox: the phone in the background page', () => {
  let ucontact: UContactServer;
  let kamailio: Kamailio;
  let firefox: FirefoxExtensionBrowser;
  let chromium: Browser;
  let callee: Callee;
  let popup: FirefoxPopupPage;

  const agentStats = async () => {
    const reply = await popup.request<{ ok: boolean; value: AudioStats | null }>('call.stats');
    return reply.ok ? reply.value : null;
  };

  beforeAll(async () => {
    ucontact = await startUContactServer({ agents: [MARIA], instanceHost: INSTANCE_HOST });
    kamailio = await startKamailio({
      users: {
        [MARIA.name]: ha1(MARIA.name, MARIA.sipPassword),
        [CALLEE.user]: ha1(CALLEE.user, CALLEE.password),
      },
      dialPlan: { [E164]: CALLEE.user },
    });
    const started = Date.now();
    [firefox, chromium] = await Promise.all([launchFirefoxWithExtension(), launchBrowser()]);
    console.log(`Firefox up with the add-on: ${Date.now() - started} ms`);
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
    await firefox?.close();
    await Promise.all([ucontact?.close(), kamailio?.stop()]);
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
  });

  it('logs in from the popup and registers with exactly one contact at Kamailio', async () => {
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
  });

  it('calls from the dial pad: the callee answers, RTP flows both ways, hang up', async () => {
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

    // Real audio, both ways and sustained (50 packets a second), and the far end hears Firefox's
    // fake microphone.
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
    await waitUntil(
      async () => (await callee.stats()).inboundAudioLevel > 0.001,
      5_000,
      'audible agent',
    );
    const agent = (await agentStats())!;
    const far = await callee.stats();
    console.log(
      `Firefox RTP: agent in ${agent.inboundPackets} pkts/${agent.inboundBytes} B, ` +
        `out ${agent.outboundPackets} pkts/${agent.outboundBytes} B; ` +
        `callee in ${far.packetsReceived} pkts/${far.bytesReceived} B`,
    );
    expect(agent.inboundBytes).toBeGreaterThan(0);
    expect(agent.outboundBytes).toBeGreaterThan(0);

    await popup.button('Hang up').click();
    await popup.waitForCallState('ended');
    await callee.waitForCallState('terminated');
    expect((await callee.state()).byeReceived).toBe(true);
  });
});

/**
 * Firefox asks for the microphone per page unless "Remember this decision" is ticked. The options
 * page says so before asking, and tells a one-shot grant (getUserMedia worked, the permission is
 * still `prompt`) from a remembered one.
 */
describe('Firefox: microphone set-up', () => {
  let firefox: FirefoxExtensionBrowser;

  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension({ rememberedMicrophone: false });
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('explains "Remember this decision" and reports a grant for this page only', async () => {
    const page = new FirefoxPopupPage(await firefox.openExtensionPage('options.html#microphone'));
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
  });
});
