import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCallee, type Callee } from '../rig/callee';
import { screenshot } from '../rig/screenshot';
import { ha1 } from '../rig/sip-credentials';
import type { AudioStats } from '../../utils/sip/phone-state';
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

/** A third phone: where blind transfers go. */
const THIRD = { user: '3000', password: 'sip-secret-3000' };

interface Notification {
  title: string;
  message: string;
  buttons?: { title: string }[];
}

/**
 * Incoming calls and the agent's workflow, end to end: a caller rings the agent, notifications,
 * answer and decline, uContact's auto-answer, blind transfer, and the call history.
 */
describe('incoming calls and the agent workflow', () => {
  let env: Environment;
  let caller: Callee;
  let third: Callee;
  let popup: PopupPage;

  const register = (phone: Callee, user: string, password: string) =>
    phone.register({
      wsUrl: env.kamailio.wsUrl,
      user,
      ha1: ha1(user, password),
      domain: INSTANCE_HOST,
    });
  /**
   * System notifications, seen from the background (the service worker): `getAll()` gives only
   * ids, so the test records what `create` is given, from inside the worker.
   */
  type WorkerChrome = {
    notifications: {
      create(...args: unknown[]): Promise<string>;
      getAll(): Promise<Record<string, boolean>>;
    };
  };
  const recordNotifications = async () => {
    const worker = await env.browser.serviceWorker();
    await worker.evaluate(() => {
      const scope = globalThis as unknown as { chrome: WorkerChrome; created?: unknown[][] };
      if (scope.created) return;
      scope.created = [];
      const original = scope.chrome.notifications.create.bind(scope.chrome.notifications);
      scope.chrome.notifications.create = (...args: unknown[]) => {
        scope.created!.push(args);
        return original(...args);
      };
    });
  };
  const notifications = async () => {
    const worker = await env.browser.serviceWorker();
    return worker.evaluate(async () => {
      const scope = globalThis as unknown as {
        chrome: WorkerChrome;
        created?: [string, Notification][];
      };
      const open = await scope.chrome.notifications.getAll();
      return (scope.created ?? [])
        .filter(([id]) => open[id])
        .map(([id, options]) => ({ id, ...options }));
    });
  };
  const setSettings = (patch: Record<string, unknown>) => popup.setSettings(patch);
  const agentStats = async () => {
    const reply = await popup.request<{ ok: boolean; value: AudioStats | null }>('call.stats');
    return reply.ok ? reply.value : null;
  };

  beforeAll(async () => {
    env = await startEnvironment({ sipUsers: { [THIRD.user]: THIRD.password } });
    caller = await startCallee(env.browser.context);
    third = await startCallee(env.browser.context);
    expect((await register(caller, CALLEE.user, CALLEE.password)).registered).toBe(true);
    expect((await register(third, THIRD.user, THIRD.password)).registered).toBe(true);
    popup = await env.openPopup();
    await useLoopbackIce(popup);
    await popup.login({ instance: INSTANCE, agent: MARIA.agent, password: MARIA.password });
    await popup.waitForSipState('registered');
  });
  afterAll(async () => {
    await caller?.close().catch(() => undefined);
    await third?.close().catch(() => undefined);
    await env?.close();
  });

  it('rings: a notification with Answer and Decline, and the popup shows the call; Answer connects with RTP both ways', async () => {
    await recordNotifications();
    await caller.call(MARIA.name);
    await popup.waitForCallState('ringing');
    const shown = await waitUntil(
      async () => (await notifications()).find((n) => n.title === 'Incoming call'),
      5_000,
      'incoming-call notification',
    );
    expect(shown.id).toMatch(/^incoming:/);
    expect(shown.message).toContain(CALLEE.user);
    expect(shown.buttons?.map((b) => b.title)).toEqual(['Answer', 'Decline']);
    await screenshot(popup.page, 'popup-incoming');

    await popup.button('Answer').click();
    await popup.waitForCallState('established');
    await caller.waitForCallState('established');
    await waitUntil(async () => ((await agentStats())?.inboundBytes ?? 0) > 0, 5_000, 'agent RTP');
    await waitUntil(async () => (await caller.stats()).bytesReceived > 0, 5_000, 'caller RTP');
    // Answered: the notification is gone.
    await waitUntil(
      async () => Object.keys(await notifications()).length === 0,
      5_000,
      'notification cleared',
    );
    await popup.button('Hang up').click();
    await caller.waitForCallState('terminated');
  });

  it('Decline answers the caller 486 Busy Here', async () => {
    await caller.call(MARIA.name);
    await popup.waitForCallState('ringing');
    await popup.button('Decline').click();
    await waitUntil(
      async () => (await caller.state()).lastCallCode === 486,
      5_000,
      'caller sees 486',
    );
    await caller.waitForCallState('terminated');
  });

  it('an INVITE with P-Auto-Answer: normal is answered without a click, and announced; with the setting off it rings', async () => {
    await recordNotifications();
    // Muted sounds silence ringing, never the news of a call put straight through.
    await setSettings({ soundsMuted: true });
    await sleep(300);
    await caller.call(MARIA.name, { extraHeaders: ['P-Auto-Answer: normal'] });
    await caller.waitForCallState('established', 5_000);
    await popup.waitForCallState('established');
    // The phone's snapshot records that no click answered it (what the phone host beeps for)…
    const snapshot = (await popup.storage('session')).phone as {
      call: { id: string; autoAnswer?: boolean };
    };
    expect(snapshot.call.autoAnswer).toBe(true);
    // …and a notification names the caller.
    const shown = await waitUntil(
      async () => (await notifications()).find((n) => n.title === 'Call answered automatically'),
      5_000,
      'auto-answered notification',
    );
    expect(shown.id).toBe(`auto-answered:${snapshot.call.id}`);
    expect(shown.message).toContain(CALLEE.user);
    await popup.button('Hang up').click();
    await caller.waitForCallState('terminated');
    await waitUntil(
      async () => !(await notifications()).some((n) => n.id === shown.id),
      5_000,
      'auto-answered notification cleared with the call',
    );
    await setSettings({ soundsMuted: false });

    await setSettings({ autoAnswer: false });
    await sleep(300);
    await caller.call(MARIA.name, { extraHeaders: ['P-Auto-Answer: normal'] });
    await popup.waitForCallState('ringing');
    await sleep(1_500);
    expect((await caller.state()).call).toBe('outgoing');
    await popup.button('Decline').click();
    await caller.waitForCallState('terminated');
    await setSettings({ autoAnswer: true });
  });

  it('a blind transfer by REFER reaches the third phone, and the agent leaves the call', async () => {
    caller.followRefers(true);
    await caller.call(MARIA.name);
    await popup.waitForCallState('ringing');
    await popup.button('Answer').click();
    await popup.waitForCallState('established');

    await popup.button('Transfer').click();
    await popup.page.getByRole('textbox', { name: 'Transfer to' }).fill(THIRD.user);
    await popup.button('Transfer now').click();

    const invite = await third.waitForInvite(5_000);
    expect(invite.from).toContain(`sip:${CALLEE.user}@`);
    await third.answer();
    await third.waitForCallState('established');
    expect((await caller.state()).referTo.at(-1)).toContain(`sip:${THIRD.user}@`);
    await popup.waitForCallState('ended');
    await waitUntil(
      async () => (await third.stats()).bytesReceived > 0,
      5_000,
      'RTP between caller and third',
    );
    await third.hangup();
    caller.followRefers(false);
  });

  it('keeps the history, with directions and outcomes, across a browser restart', async () => {
    const expected = [
      { direction: 'incoming', outcome: 'transferred' },
      { direction: 'incoming', outcome: 'declined' },
      { direction: 'incoming', outcome: 'answered' },
      { direction: 'incoming', outcome: 'declined' },
      { direction: 'incoming', outcome: 'answered' },
    ];
    const read = async (page: PopupPage) =>
      ((await page.storage('local')).history as {
        direction: string;
        outcome: string;
        number: string;
      }[]) ?? [];
    await waitUntil(
      async () => (await read(popup)).length >= expected.length,
      5_000,
      'history entries',
    );
    expect((await read(popup)).map(({ direction, outcome }) => ({ direction, outcome }))).toEqual(
      expected,
    );

    await caller.close();
    await third.close();
    env.browser = await env.browser.relaunch();
    popup = await env.openPopup();
    // The session ended with the browser (memory-only storage); the history stayed.
    await popup.loginButton.waitFor();
    expect((await read(popup)).map(({ direction, outcome }) => ({ direction, outcome }))).toEqual(
      expected,
    );
    expect((await read(popup)).every((entry) => entry.number === CALLEE.user)).toBe(true);
  });
});
