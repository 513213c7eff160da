import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { callRecord, clearHistory, recordCall } from '@/utils/background/calls/call-history';
import type { CallView } from '@/utils/sip/phone-state';
import { HISTORY_LIMIT, historyItem, type CallRecord } from '@/utils/storage';

const STARTED = Date.UTC(2025, 0, 15, 10, 0, 0);

function view(patch: Partial<CallView> = {}): CallView {
  return {
    id: 'call-1',
    direction: 'incoming',
    number: '+14155550123',
    name: 'Ada Lovelace',
    state: 'ended',
    muted: false,
    held: false,
    startedAt: STARTED,
    ...patch,
  };
}

function record(patch: Partial<CallRecord> = {}): CallRecord {
  return {
    id: 'old',
    direction: 'outgoing',
    number: '1997',
    name: '',
    startedAt: STARTED - 60_000,
    durationSec: 0,
    outcome: 'answered',
    ...patch,
  };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('callRecord outcome', () => {
  it.each<[string, CallRecord['outcome'], Partial<CallView>]>([
    ['connected incoming', 'answered', { connectedAt: STARTED + 5_000, endedAt: STARTED + 65_000 }],
    [
      'connected outgoing',
      'answered',
      { direction: 'outgoing', connectedAt: STARTED, endedAt: STARTED + 1_000 },
    ],
    [
      'incoming never connected',
      'missed',
      { state: 'failed', error: errorOf('errorCallNotAnswered') },
    ],
    ['incoming the agent declined', 'declined', { declined: true }],
    [
      'outgoing the agent hung up while it rang',
      'cancelled',
      { direction: 'outgoing', state: 'ended' },
    ],
    [
      'outgoing rejected by the callee',
      'unanswered',
      {
        direction: 'outgoing',
        state: 'failed',
        error: errorOf('errorCallRejected', '486 Busy Here'),
      },
    ],
    [
      'outgoing nobody answered',
      'unanswered',
      { direction: 'outgoing', state: 'failed', error: errorOf('errorCallNotAnswered') },
    ],
    [
      'outgoing without microphone',
      'failed',
      { direction: 'outgoing', state: 'failed', error: errorOf('errorMicrophone') },
    ],
    ['outgoing failed without a reason', 'failed', { direction: 'outgoing', state: 'failed' }],
    [
      'transferred (wins over answered)',
      'transferred',
      { connectedAt: STARTED, endedAt: STARTED + 10_000, transferredTo: '1998' },
    ],
    // A connected call is answered even if the agent pressed decline on a stale notification.
    ['connected, with a stale declined flag', 'answered', { connectedAt: STARTED, declined: true }],
  ])('%s → %s', (_label, outcome, patch) => {
    expect(callRecord(view(patch)).outcome).toBe(outcome);
  });

  it('keeps id, direction, number, name and start; counts whole seconds of conversation', () => {
    const call = view({ connectedAt: STARTED + 4_000, endedAt: STARTED + 4_000 + 61_600 });
    expect(callRecord(call)).toEqual({
      id: 'call-1',
      direction: 'incoming',
      number: '+14155550123',
      name: 'Ada Lovelace',
      startedAt: STARTED,
      durationSec: 62,
      outcome: 'answered',
    });
  });

  it('a call that never connected lasts 0 s however long it rang', () => {
    expect(callRecord(view({ endedAt: STARTED + 30_000 })).durationSec).toBe(0);
  });

  it('measures a connected call without endedAt up to now', () => {
    vi.useFakeTimers({ now: STARTED + 100_000 });
    try {
      expect(callRecord(view({ connectedAt: STARTED + 10_000 })).durationSec).toBe(90);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never reports a negative duration (clock stepped back)', () => {
    const call = view({ connectedAt: STARTED + 10_000, endedAt: STARTED + 5_000 });
    expect(callRecord(call).durationSec).toBe(0);
  });
});

function errorOf(
  key: 'errorCallNotAnswered' | 'errorCallRejected' | 'errorMicrophone',
  status?: string,
) {
  return { key, substitutions: status ? [status] : [] };
}

describe('recordCall', () => {
  it('stores a finished call and returns its record', async () => {
    const call = view({ connectedAt: STARTED, endedAt: STARTED + 3_000 });

    const stored = await recordCall(call);

    expect(stored).toEqual(callRecord(call));
    expect(await historyItem.getValue()).toEqual([callRecord(call)]);
    // It is the `local:history` item the popup reads.
    expect(await fakeBrowser.storage.local.get('history')).toEqual({ history: [callRecord(call)] });
  });

  it.each(['dialing', 'ringing', 'established', 'held'] as const)(
    'ignores a call still %s',
    async (state) => {
      await expect(recordCall(view({ state }))).resolves.toBeUndefined();
      expect(await historyItem.getValue()).toEqual([]);
    },
  );

  it('records a failed call too', async () => {
    const call = view({ direction: 'outgoing', state: 'failed' });
    await expect(recordCall(call)).resolves.toMatchObject({ outcome: 'failed' });
    expect(await historyItem.getValue()).toHaveLength(1);
  });

  it('records each call id once, keeping the first record', async () => {
    const first = view({ id: 'same', endedAt: STARTED + 1_000 });
    await recordCall(first);

    await expect(recordCall(view({ id: 'same', declined: true }))).resolves.toBeUndefined();

    expect(await historyItem.getValue()).toEqual([callRecord(first)]);
  });

  it('puts the newest call first', async () => {
    await recordCall(view({ id: 'a' }));
    await recordCall(view({ id: 'b' }));
    await recordCall(view({ id: 'c' }));

    expect((await historyItem.getValue()).map((entry) => entry.id)).toEqual(['c', 'b', 'a']);
  });

  it(`keeps at most HISTORY_LIMIT (${HISTORY_LIMIT}) entries, dropping the oldest`, async () => {
    expect(HISTORY_LIMIT).toBe(200);
    const full = Array.from({ length: HISTORY_LIMIT }, (_, i) => record({ id: `old-${i}` }));
    await historyItem.setValue(full);

    await recordCall(view({ id: 'new' }));

    const history = await historyItem.getValue();
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]?.id).toBe('new');
    expect(history[1]?.id).toBe('old-0');
    expect(history.at(-1)?.id).toBe(`old-${HISTORY_LIMIT - 2}`);
    expect(history.some((entry) => entry.id === `old-${HISTORY_LIMIT - 1}`)).toBe(false);
  });

  it('trims a history that is already over the limit', async () => {
    const tooLong = Array.from({ length: HISTORY_LIMIT + 5 }, (_, i) => record({ id: `old-${i}` }));
    await historyItem.setValue(tooLong);

    await recordCall(view({ id: 'new' }));

    expect(await historyItem.getValue()).toHaveLength(HISTORY_LIMIT);
  });

  it('does not recognise an id once it has dropped off the end', async () => {
    const full = Array.from({ length: HISTORY_LIMIT }, (_, i) => record({ id: `old-${i}` }));
    await historyItem.setValue(full);
    await recordCall(view({ id: 'new' }));

    await expect(recordCall(view({ id: `old-${HISTORY_LIMIT - 1}` }))).resolves.toBeDefined();
  });

  // recordCall reads the history and writes it back, and the background fires it without waiting:
  // two calls ending together (Phone.stop() with a held and an active call) must both be kept.
  it('keeps both of two calls recorded concurrently (no lost update)', async () => {
    await Promise.all([recordCall(view({ id: 'held' })), recordCall(view({ id: 'active' }))]);

    const ids = (await historyItem.getValue()).map((entry) => entry.id);
    expect(ids.sort()).toEqual(['active', 'held']);
  });
});

describe('clearHistory', () => {
  it('empties the history', async () => {
    await recordCall(view({ id: 'a' }));
    await recordCall(view({ id: 'b' }));

    await clearHistory();

    expect(await historyItem.getValue()).toEqual([]);
  });

  it('lets a call be recorded again afterwards', async () => {
    await recordCall(view({ id: 'a' }));
    await clearHistory();

    await expect(recordCall(view({ id: 'a' }))).resolves.toMatchObject({ id: 'a' });
  });
});
