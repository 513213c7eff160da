import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCallee, type Callee } from '../../rig/callee';
import {
  CALLEE,
  INSTANCE,
  MARIA,
  startEnvironment,
  registerCallee,
  useLoopbackIce,
  type Environment,
} from '../support/environment';
import type { PopupPage } from '../support/popup-page';
import { sleep, waitUntil } from '../support/wait';

const run = promisify(execFile);

/**
 * Faults the phone must survive: each ends with the agent registered again (or the call going
 * on), exactly one contact at Kamailio, and the popup saying what happens while it happens.
 */
describe('resilience: faults', () => {
  let env: Environment;
  let callee: Callee;
  let popup: PopupPage;

  const oneContact = async () => expect(await env.kamailio.contacts(MARIA.name)).toHaveLength(1);
  const inCall = async () => {
    await popup.dial(CALLEE.user);
    await callee.waitForInvite(10_000);
    await callee.answer();
    await popup.waitForCallState('established');
  };
  const rtpFlows = async () => {
    const before = (await callee.stats()).bytesReceived;
    await waitUntil(
      async () => (await callee.stats()).bytesReceived > before,
      5_000,
      'RTP still flowing',
    );
  };
  /**
   * When the phone tried to register: each attempt is a REGISTER, or an unauthenticated one and
   * its answer to the challenge a moment later, which count as one.
   */
  const registerAttempts = (since: number) => {
    const times = env.kamailio
      .sipRequests()
      .filter((r) => r.method === 'REGISTER' && r.tuser === MARIA.name && r.at >= since)
      .map((r) => r.at);
    return times.filter((at, i) => i === 0 || at - times[i - 1]! > 300);
  };

  beforeAll(async () => {
    env = await startEnvironment();
    callee = await startCallee(env.browser.context);
    await registerCallee(env, callee);
    popup = await env.openPopup();
    await useLoopbackIce(popup);
    await popup.login({ instance: INSTANCE, agent: MARIA.agent, password: MARIA.password });
    await popup.waitForSipState('registered');
  });
  beforeEach(async () => {
    // Every case starts from a registered phone and a fresh popup.
    if (popup.page.isClosed()) popup = await env.openPopup();
    await popup.waitForSipState('registered', 35_000);
  });
  afterAll(async () => {
    await callee?.close().catch(() => undefined);
    await env?.close();
  });

  it('1. Kamailio killed (SIGKILL) while idle, then started again → connecting, then registered, one contact', async () => {
    // The whole process group: Kamailio's children hold the connections.
    process.kill(-env.kamailio.pid(), 'SIGKILL');
    await popup.waitForSipState('connecting', 5_000);
    expect(await popup.sipStatus.textContent()).toContain('Reconnecting');
    await env.kamailio.restart();
    await popup.waitForSipState('registered', 35_000);
    await oneContact();
    await registerCallee(env, callee);
  });

  it('2. Kamailio restarted during a call → the call ends, the popup says so, the phone registers again', async () => {
    await inCall();
    await env.kamailio.restart();
    await popup.waitForSipState('registered', 35_000);
    await oneContact();
    await registerCallee(env, callee);
    // The media path survives a proxy restart (RTP is peer to peer); the agent can still hang up.
    await popup.button('Hang up').click();
    await popup
      .waitForCallState('ended', 10_000)
      .catch(() => popup.waitForCallState('failed', 1_000));
  });

  it('3. WebSocket closed by the server mid-session → reconnects and re-registers, one contact', async () => {
    const since = Date.now();
    expect(await env.kamailio.closeWebSockets()).toBeGreaterThan(0);
    // The close reaches the phone a moment later, and until then the popup still (rightly) says
    // registered: the proof of a reconnect is a REGISTER on the new connection, then its 200.
    await waitUntil(
      async () => registerAttempts(since).length > 0,
      35_000,
      'a REGISTER after the close',
    );
    await popup.waitForSipState('registered', 35_000);
    // The far end's connection was cut too: it registers again.
    await registerCallee(env, callee);
    await oneContact();
  });

  it('4a. service worker stopped while idle → still registered, next command works', async () => {
    await env.browser.stopServiceWorkers();
    popup = await env.openPopup();
    await popup.waitForSipState('registered');
    await oneContact();
  });

  it('4b. service worker stopped during a call → the call continues, hang up works', async () => {
    await inCall();
    await env.browser.stopServiceWorkers();
    await rtpFlows();
    await popup.button('Hang up').click();
    await popup.waitForCallState('ended');
    await oneContact();
  });

  it('5. offscreen document closed by force → recreated, registered again, one contact', async () => {
    const worker = await env.browser.serviceWorker();
    await worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { offscreen: { closeDocument(): Promise<void> } } }
      ).chrome.offscreen.closeDocument(),
    );
    await popup.page.close();
    // Opening the popup (or the 30 s watchdog) brings the phone back.
    popup = await env.openPopup();
    await popup.waitForSipState('registered', 10_000);
    await oneContact();
    await inCall();
    await popup.button('Hang up').click();
    await popup.waitForCallState('ended');
  });

  it('6. network offline, then online → connecting while down, registered again after', async () => {
    // The namespace's only link goes down, and the connections on it die with it (as on a
    // laptop leaving Wi-Fi); while it is down, every reconnect fails at once.
    await run('ip', ['link', 'set', 'lo', 'down']);
    try {
      await run('ss', ['-K', 'dst', '127.0.0.1', 'dport', '=', ':8089']);
      await popup.waitForSipState('connecting', 10_000);
      await sleep(2_000);
      expect(await popup.sipStatus.getAttribute('data-state')).toBe('connecting');
    } finally {
      await run('ip', ['link', 'set', 'lo', 'up']);
    }
    await popup.waitForSipState('registered', 35_000);
    await oneContact();
    await registerCallee(env, callee);
  });

  for (const fault of [503, 500, 'timeout'] as const) {
    it(`7. REGISTER answered ${fault} → retries on a growing, jittered schedule, then registers`, async () => {
      const since = Date.now();
      await env.kamailio.setRegisterFault(fault);
      try {
        await env.kamailio.closeWebSockets();
        await popup.waitForSipState('connecting', 5_000);
        if (fault !== 'timeout') {
          await waitUntil(
            async () => (await popup.sipStatus.textContent())?.includes(`SIP ${fault}`),
            5_000,
            'the status names the fault',
          );
        }
        const wanted = fault === 'timeout' ? 2 : 3;
        const attempts = await waitUntil(
          () => (registerAttempts(since).length >= wanted ? registerAttempts(since) : null),
          fault === 'timeout' ? 80_000 : 20_000,
          `${wanted} REGISTER attempts`,
        );
        const gaps = attempts.slice(1).map((at, i) => at - attempts[i]!);
        if (fault === 'timeout') {
          // An unanswered REGISTER is given up after SIP's 32 s transaction timeout, then the
          // backoff runs: never a storm.
          expect(gaps[0]).toBeGreaterThan(32_000);
        } else {
          // After the first refused attempt: 2 s, then 4 s, each shortened by up to 30 % jitter.
          expect(gaps[0]).toBeGreaterThanOrEqual(1_350);
          expect(gaps[0]).toBeLessThanOrEqual(2_300);
          expect(gaps[1]).toBeGreaterThanOrEqual(2_750);
          expect(gaps[1]).toBeLessThanOrEqual(4_400);
        }
      } finally {
        await env.kamailio.setRegisterFault(null);
      }
      // A REGISTER still unanswered when the fault heals runs out its 32 s first.
      await popup.waitForSipState('registered', fault === 'timeout' ? 75_000 : 35_000);
      await oneContact();
      await registerCallee(env, callee);
    }, 180_000);
  }

  it('8. token expired (AgentLogoff answered 401) → logged out, with "log in again"', async () => {
    env.ucontact.expireTokens();
    await popup.logoutButton.click();
    await popup.loginButton.waitFor();
    expect(await popup.alert.textContent()).toContain('Please log in again');
    expect((await popup.storage('session')).credentials).toBeUndefined();
    await sleep(200);
    expect(await env.kamailio.contacts(MARIA.name)).toHaveLength(0);
  });
});
