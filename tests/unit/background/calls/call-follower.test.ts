import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createCallFollower } from '@/utils/background/calls/call-follower';
import type { CallView, PhoneSnapshot } from '@/utils/sip/phone-state';
import { historyItem } from '@/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings';
import { incoming, outgoing, shownNotifications, useEnglishMessages } from './helpers/call-views';

const TEMPLATE = 'https://acme.example/search?q={number}';
const POPPED = 'https://acme.example/search?q=%2B14155550123';

function settings(screenPop: Settings['screenPop']): Settings {
  return { ...DEFAULT_SETTINGS, screenPop };
}

function snapshot(call: CallView | null, otherCalls: CallView[] = []): PhoneSnapshot {
  return { sessionId: 's1', registration: { state: 'registered' }, call, otherCalls };
}

function setup() {
  const options = {
    answer: vi.fn<(callId: string) => void>(),
    decline: vi.fn<(callId: string) => void>(),
    show: vi.fn<() => void>(),
    openTab: vi.fn<(url: string) => void>(),
    log: vi.fn<(...args: unknown[]) => void>(),
    notificationButtons: true,
  };
  return { follower: createCallFollower(options), ...options };
}

/** An incoming call through its life: ringing, answered, held, hung up. */
const ringing = incoming('a');
const answered = incoming('a', { state: 'established', connectedAt: 5 });
const held = incoming('a', { state: 'held', held: true, connectedAt: 5 });
const ended = incoming('a', { state: 'ended', connectedAt: 5, endedAt: 9 });

beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
});

describe('screen-pop', () => {
  it("'ring': opens the caller's record once, when the call starts ringing", async () => {
    const { follower, openTab } = setup();
    const ring = settings({ when: 'ring', template: TEMPLATE });

    for (const call of [ringing, ringing, answered, held, answered]) {
      await follower.onSnapshot(snapshot(call), ring);
      if (call === ringing) expect(openTab).toHaveBeenCalledExactlyOnceWith(POPPED);
    }

    expect(openTab).toHaveBeenCalledOnce();
  });

  it("'answer': waits for the agent to answer, then opens it once", async () => {
    const { follower, openTab } = setup();
    const answer = settings({ when: 'answer', template: TEMPLATE });

    await follower.onSnapshot(snapshot(ringing), answer);
    await follower.onSnapshot(snapshot(ringing), answer);
    expect(openTab).not.toHaveBeenCalled();

    for (const call of [answered, held, answered, answered]) {
      await follower.onSnapshot(snapshot(call), answer);
    }

    expect(openTab).toHaveBeenCalledExactlyOnceWith(POPPED);
  });

  it("'answer': never opens for a call that was not answered", async () => {
    const { follower, openTab } = setup();
    const answer = settings({ when: 'answer', template: TEMPLATE });

    await follower.onSnapshot(snapshot(ringing), answer);
    await follower.onSnapshot(snapshot(incoming('a', { state: 'failed' })), answer);
    await follower.onCallEnded(incoming('a', { state: 'failed' }));

    expect(openTab).not.toHaveBeenCalled();
  });

  it("'never': opens nothing", async () => {
    const { follower, openTab } = setup();
    const never = settings({ when: 'never', template: TEMPLATE });

    for (const call of [ringing, answered]) await follower.onSnapshot(snapshot(call), never);

    expect(openTab).not.toHaveBeenCalled();
  });

  it.each(['ring', 'answer'] as const)("'%s': never for outgoing calls", async (when) => {
    const { follower, openTab } = setup();
    const pop = settings({ when, template: TEMPLATE });

    for (const state of ['dialing', 'ringing', 'established'] as const) {
      await follower.onSnapshot(snapshot(outgoing('o', { state })), pop);
    }

    expect(openTab).not.toHaveBeenCalled();
  });

  it('pops a call waiting behind the one in front too, once per call', async () => {
    const { follower, openTab } = setup();
    const ring = settings({ when: 'ring', template: TEMPLATE });
    const waiting = incoming('b', { number: '1998' });

    await follower.onSnapshot(snapshot(ringing), ring);
    await follower.onSnapshot(snapshot(answered), ring);
    await follower.onSnapshot(snapshot(answered, [waiting]), ring);
    await follower.onSnapshot(snapshot(answered, [waiting]), ring);

    expect(openTab.mock.calls).toEqual([[POPPED], ['https://acme.example/search?q=1998']]);
  });

  it.each(['javascript:alert({number})', 'https://acme.example/search', ''])(
    'opens nothing for the unusable template %j, and does not retry it',
    async (template) => {
      const { follower, openTab } = setup();
      const ring = settings({ when: 'ring', template });

      await follower.onSnapshot(snapshot(ringing), ring);
      await follower.onSnapshot(snapshot(ringing), settings({ when: 'ring', template: TEMPLATE }));

      expect(openTab).not.toHaveBeenCalled();
    },
  );

  it('an anonymous caller (no number) opens nothing', async () => {
    const { follower, openTab } = setup();

    await follower.onSnapshot(
      snapshot(incoming('a', { number: '' })),
      settings({ when: 'ring', template: TEMPLATE }),
    );

    expect(openTab).not.toHaveBeenCalled();
  });
});

describe('notifications from snapshots', () => {
  it('notifies the ringing calls, in front or waiting, and clears them once answered', async () => {
    const { follower } = setup();
    const never = settings({ when: 'never', template: '' });
    const waiting = incoming('b');

    await follower.onSnapshot(snapshot(ringing), never);
    expect(Object.keys(await shownNotifications())).toEqual(['incoming:a']);

    await follower.onSnapshot(snapshot(answered, [waiting]), never);
    expect(Object.keys(await shownNotifications())).toEqual(['incoming:b']);

    await follower.onSnapshot(snapshot(answered), never);
    expect(await shownNotifications()).toEqual({});
  });

  it('notifies nothing for an empty phone', async () => {
    const { follower } = setup();
    await follower.onSnapshot(snapshot(null), settings({ when: 'ring', template: TEMPLATE }));
    expect(await shownNotifications()).toEqual({});
  });

  it('Answer on the notification answers through the follower options', async () => {
    const { follower, answer } = setup();
    await follower.onSnapshot(snapshot(ringing), settings({ when: 'never', template: '' }));

    await fakeBrowser.notifications.onButtonClicked.trigger('incoming:a', 0);

    expect(answer).toHaveBeenCalledExactlyOnceWith('a');
  });
});

describe('auto-answered calls', () => {
  it('an auto-answered call in a snapshot is announced once, and the notice goes when it ends', async () => {
    const { follower } = setup();
    const auto = incoming('a', { autoAnswer: true });
    const connected = { ...auto, state: 'established' as const, connectedAt: 5 };

    await follower.onSnapshot(snapshot(auto), DEFAULT_SETTINGS);
    expect(await shownNotifications()).toEqual({});
    await follower.onSnapshot(snapshot(connected), DEFAULT_SETTINGS);
    await follower.onSnapshot(snapshot(connected), DEFAULT_SETTINGS);
    expect(await shownNotifications()).toEqual({
      'auto-answered:a': expect.objectContaining({
        title: 'Call answered automatically',
        message: 'Ada Lovelace (+14155550123)',
      }),
    });

    await follower.onCallEnded({ ...connected, state: 'ended', endedAt: 9 });
    expect(await shownNotifications()).toEqual({});
  });
});

describe('onCallEnded', () => {
  it('records the call in history', async () => {
    const { follower } = setup();

    await follower.onCallEnded(ended);

    expect(await historyItem.getValue()).toEqual([
      expect.objectContaining({ id: 'a', outcome: 'answered', number: '+14155550123' }),
    ]);
    expect(await shownNotifications()).toEqual({});
  });

  it('a missed call gets a history entry and a missed-call notification', async () => {
    const { follower } = setup();
    await follower.onSnapshot(snapshot(ringing), settings({ when: 'never', template: '' }));

    await follower.onCallEnded(incoming('a', { state: 'failed', endedAt: 9 }));

    expect(await historyItem.getValue()).toEqual([
      expect.objectContaining({ id: 'a', outcome: 'missed' }),
    ]);
    expect(Object.keys(await shownNotifications())).toEqual(['missed:a']);
  });

  it('records the call even when notifications fail, logging why', async () => {
    const { follower, log } = setup();
    const failure = new Error('notifications are blocked');
    vi.spyOn(fakeBrowser.notifications, 'clear').mockRejectedValue(failure);

    await follower.onCallEnded(ended);

    expect(log).toHaveBeenCalledWith('notification', failure);
    expect(await historyItem.getValue()).toHaveLength(1);
  });

  it('records each call once, however often it is reported', async () => {
    const { follower } = setup();

    await follower.onCallEnded(ended);
    await follower.onCallEnded(ended);

    expect(await historyItem.getValue()).toHaveLength(1);
  });

  it('leaves a live call out of history', async () => {
    const { follower } = setup();

    await follower.onCallEnded(answered);

    expect(await historyItem.getValue()).toEqual([]);
  });

  // The background calls `void onCallEnded(call)` for each `phone.callEnded` message: two calls
  // ending together (logout with a held call) are recorded concurrently and both must be kept.
  it('records both of two calls ending together', async () => {
    const { follower } = setup();

    await Promise.all([
      follower.onCallEnded(incoming('held', { state: 'ended', connectedAt: 1, endedAt: 9 })),
      follower.onCallEnded(incoming('active', { state: 'ended', connectedAt: 5, endedAt: 9 })),
    ]);

    const ids = (await historyItem.getValue()).map((entry) => entry.id);
    expect(ids.sort()).toEqual(['active', 'held']);
  });
});
