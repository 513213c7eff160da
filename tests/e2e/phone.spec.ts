import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCallee, type Callee } from '../rig/callee';
import { ha1 } from '../rig/sip-credentials';
import { screenshot } from '../rig/screenshot';
import type { AudioStats } from '../../utils/sip/phone-state';
import {
  CALLEE,
  INSTANCE,
  INSTANCE_HOST,
  MARIA,
  startEnvironment,
  registerCallee,
  useLoopbackIce,
  type Environment,
} from './support/environment';
import type { PopupPage } from './support/popup-page';
import { sleep, waitUntil } from './support/wait';

/** An agent whose AgentLogin hands out an HA1 that Kamailio will not accept. */
const PEDRO = {
  agent: 'pedro',
  password: 'pedro-Pa55',
  name: '1998',
  sipPassword: 'sip-secret-1998',
  fullname: 'Pedro Ruiz',
  profile: { md5secret: ha1('1998', 'not-the-sip-secret') },
};
const E164 = '+59829012345';

/**
 * The phone, end to end: the built extension registers at Kamailio over WSS, calls a second real
 * sip.js phone, and the call carries RTP both ways through every control.
 */
describe('the phone', () => {
  let env: Environment;
  let callee: Callee;
  let popup: PopupPage;

  const agentStats = async (page = popup) => {
    const reply = await page.request<{ ok: boolean; value: AudioStats | null }>('call.stats');
    return reply.ok ? reply.value : null;
  };

  beforeAll(async () => {
    env = await startEnvironment({
      agents: [MARIA, PEDRO],
      sipUsers: { [PEDRO.name]: PEDRO.sipPassword },
      dialPlan: { [E164]: CALLEE.user },
    });
    callee = await startCallee(env.browser.context);
    const outcome = await registerCallee(env, callee);
    expect(outcome.registered).toBe(true);
  });
  afterAll(async () => {
    await callee?.close().catch(() => undefined);
    await env?.close();
  });

  it('registers within 2 s of Log in, with exactly one contact at Kamailio', async () => {
    popup = await env.openPopup();
    await useLoopbackIce(popup);
    const started = Date.now();
    await popup.login({ instance: INSTANCE, agent: MARIA.agent, password: MARIA.password });
    await popup.waitForSipState('registered', 2_000);
    const elapsed = Date.now() - started;
    console.log(`login → registered: ${elapsed} ms`);
    expect(await env.kamailio.contacts(MARIA.name)).toHaveLength(1);
    expect(await env.browser.context.pages().length).toBeGreaterThan(0);
  });

  it('calls from the dial pad: INVITE to the dial string, RTP both ways, mute, hold, DTMF, hang up', async () => {
    const invitesBefore = env.kamailio
      .sipRequests()
      .filter((r) => r.method === 'INVITE' && !r.inDialog).length;
    await popup.dial('+598 2901 2345');
    await popup.waitForCallState('dialing', 5_000).catch(() => undefined);
    const invite = await callee.waitForInvite(5_000);
    // One INVITE, sent twice: first unauthenticated (407 challenge), then with credentials.
    const invites = env.kamailio
      .sipRequests()
      .filter((r) => r.method === 'INVITE' && !r.inDialog)
      .slice(invitesBefore);
    expect(invites.length).toBeGreaterThan(0);
    expect(invites.every((r) => r.ruser === E164)).toBe(true);
    expect(invite.to).toContain(`sip:${E164}@${INSTANCE_HOST}`);
    expect(invite.from).toContain(`sip:${MARIA.name}@`);

    await callee.answer();
    await popup.waitForCallState('established');
    await callee.waitForCallState('established');
    await screenshot(popup.page, 'popup-in-call');

    // Real audio: bytes arrive at both ends.
    await waitUntil(async () => (await agentStats())!.inboundBytes > 0, 5_000, 'agent inbound RTP');
    await waitUntil(
      async () => (await callee.stats()).bytesReceived > 0,
      5_000,
      'callee inbound RTP',
    );

    // Mute: the far end stops receiving audio energy.
    await waitUntil(
      async () => (await callee.stats()).inboundAudioLevel > 0.001,
      5_000,
      'audible agent',
    );
    await popup.button('Mute').click();
    await popup.button('Unmute').waitFor();
    await sleep(600);
    const mutedEnergyStart = (await callee.stats()).totalInboundAudioEnergy;
    await sleep(1_000);
    const mutedEnergyEnd = (await callee.stats()).totalInboundAudioEnergy;
    expect(mutedEnergyEnd - mutedEnergyStart).toBeLessThan(1e-4);
    await popup.button('Unmute').click();
    await waitUntil(
      async () => (await callee.stats()).inboundAudioLevel > 0.001,
      5_000,
      'audible again',
    );

    // Hold / Resume: re-INVITEs with sendonly (or inactive), then sendrecv.
    await popup.button('Hold').click();
    await popup.waitForCallState('held');
    await popup.button('Resume').click();
    await popup.waitForCallState('established');
    const directions = (await callee.state()).reinviteDirections;
    expect(['sendonly', 'inactive']).toContain(directions.at(-2));
    expect(directions.at(-1)).toBe('sendrecv');
    const bytesAfterResume = (await callee.stats()).bytesReceived;
    await waitUntil(
      async () => (await callee.stats()).bytesReceived > bytesAfterResume,
      5_000,
      'RTP after resume',
    );

    // A DTMF digit from the keypad reaches the far end.
    await popup.button('Keypad').click();
    await popup.button('7').click();
    await waitUntil(
      async () => (await callee.state()).dtmf.some((d) => d.digit === '7'),
      5_000,
      'DTMF 7',
    );

    await popup.button('Hang up').click();
    await popup.waitForCallState('ended');
    await callee.waitForCallState('terminated');
    expect((await callee.state()).byeReceived).toBe(true);
  });

  it('keeps the call when the popup closes, and shows it live when reopened', async () => {
    await popup.dial('2000');
    await callee.waitForInvite(5_000);
    await callee.answer();
    await popup.waitForCallState('established');
    await popup.page.close();

    const before = (await callee.stats()).bytesReceived;
    await sleep(1_000);
    expect((await callee.stats()).bytesReceived).toBeGreaterThan(before);

    popup = await env.openPopup();
    await popup.waitForCallState('established');
    await waitUntil(async () => ((await agentStats())?.inboundBytes ?? 0) > 0, 5_000, 'agent RTP');
  });

  it('survives service-worker restarts while in a call and while idle, with one contact', async () => {
    await env.browser.stopServiceWorkers();
    await sleep(500);
    const before = (await callee.stats()).bytesReceived;
    await sleep(800);
    expect((await callee.stats()).bytesReceived).toBeGreaterThan(before);
    // The next command wakes the worker, which finds the running phone instead of starting another.
    await popup.button('Hang up').click();
    await popup.waitForCallState('ended');
    await callee.waitForCallState('terminated');

    await env.browser.stopServiceWorkers();
    popup = await env.openPopup();
    await popup.waitForSipState('registered');
    expect(await env.kamailio.contacts(MARIA.name)).toHaveLength(1);
    await popup.dial('2000');
    await callee.waitForInvite(5_000);
    await callee.decline(486);
    await popup.waitForCallState('failed');
    expect(await env.kamailio.contacts(MARIA.name)).toHaveLength(1);
  });

  it('reconnects after Kamailio restarts: connecting, then registered within 10 s, one contact', async () => {
    await env.kamailio.stop();
    await popup.waitForSipState('connecting', 5_000);
    await env.kamailio.restart();
    await popup.waitForSipState('registered', 10_000);
    expect(await env.kamailio.contacts(MARIA.name)).toHaveLength(1);
    // The far end re-registers too, so later tests can still call it.
    await registerCallee(env, callee);
  });

  it('logs out: REGISTER with Expires 0, AgentLogoff with the token, secrets wiped', async () => {
    const token = ((await popup.storage('session')).credentials as { token: string }).token;
    await popup.logoutButton.click();
    await popup.loginButton.waitFor();
    await waitUntil(
      () =>
        env.kamailio
          .sipRequests()
          .some((r) => r.method === 'REGISTER' && r.tuser === MARIA.name && r.unregister),
      5_000,
      'REGISTER with Expires 0',
    );
    expect(await env.kamailio.contacts(MARIA.name)).toHaveLength(0);
    const logoff = await env.ucontact.waitForRequest((r) => r.path.endsWith('/AgentLogoff'));
    expect(logoff.headers.authorization).toBe(`Basic ${token}`);
    const session = await popup.storage('session');
    expect(session.credentials).toBeUndefined();
    expect(session.phone).toBeUndefined();
  });

  it('a wrong HA1 ends in the error state with a message, without a loop of REGISTERs', async () => {
    await popup.login({ instance: INSTANCE, agent: PEDRO.agent, password: PEDRO.password });
    await popup.waitForSipState('error', 5_000);
    expect(await popup.sipStatus.textContent()).toContain('refused your credentials');
    await screenshot(popup.page, 'popup-sip-error');
    const count = env.kamailio.registerRequests(PEDRO.name);
    await sleep(4_000);
    expect(env.kamailio.registerRequests(PEDRO.name)).toBe(count);
    expect(count).toBeLessThanOrEqual(2);
    await popup.logoutButton.click();
    await popup.loginButton.waitFor();
  });
});
