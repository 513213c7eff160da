import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { followPhone, type PhoneFollowers } from '@/utils/background/follow-phone';
import { credentialsItem, phoneSnapshotItem } from '@/utils/session-storage';
import type { PhoneSnapshot } from '@/utils/sip/phone-state';
import { incoming } from './calls/helpers/call-views';

const CURRENT = 'session-now';
const STALE = 'session-before';

function setup() {
  const followers = {
    session: { changed: vi.fn(async () => undefined) },
    calls: { onSnapshot: vi.fn(async () => undefined), onCallEnded: vi.fn(async () => undefined) },
    shift: { onCall: vi.fn(async () => undefined), onCallEnded: vi.fn(async () => undefined) },
  };
  const events = followPhone(() => followers as unknown as PhoneFollowers);
  return { events, ...followers };
}

function snapshot(sessionId: string | null): PhoneSnapshot {
  return { sessionId, registration: { state: 'registered' }, call: incoming('a'), otherCalls: [] };
}

async function logIn(sessionId = CURRENT): Promise<void> {
  await credentialsItem.setValue({
    sipAuth: { kind: 'ha1', value: '0'.repeat(32) },
    token: 't',
    phone: { sessionId, contactName: 'c', instanceId: 'i' },
  });
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('followPhone: only events of the running session count', () => {
  it("the current session's snapshot is stored and followed", async () => {
    await logIn();
    const { events, session, calls, shift } = setup();

    await events.onSnapshot(snapshot(CURRENT));

    expect(await phoneSnapshotItem.getValue()).toEqual(snapshot(CURRENT));
    expect(shift.onCall).toHaveBeenCalledOnce();
    expect(session.changed).toHaveBeenCalledOnce();
    expect(calls.onSnapshot).toHaveBeenCalledOnce();
  });

  it.each([
    ['a stale session id (a phone started for an earlier login)', STALE],
    ['no session id (an idle host)', null],
  ])('a snapshot with %s is ignored', async (_label, sessionId) => {
    await logIn();
    const { events, session, calls, shift } = setup();

    await events.onSnapshot(snapshot(sessionId));

    expect(await phoneSnapshotItem.getValue()).toBeNull();
    expect(shift.onCall).not.toHaveBeenCalled();
    expect(session.changed).not.toHaveBeenCalled();
    expect(calls.onSnapshot).not.toHaveBeenCalled();
  });

  it('logged out, no snapshot is followed at all', async () => {
    const { events, calls } = setup();

    await events.onSnapshot(snapshot(CURRENT));

    expect(calls.onSnapshot).not.toHaveBeenCalled();
  });

  it("a call of the current session that ended goes to history (and the shift, for a campaign's)", async () => {
    await logIn();
    const { events, calls, shift } = setup();
    const call = incoming('a', { state: 'ended', connectedAt: 1, endedAt: 2 });
    const leg = { id: 'r1', campaign: 'Ventas->', number: '+1', display: '+1' };
    const campaignCall = { ...call, id: 'b', campaign: leg };

    await events.onCallEnded({ sessionId: CURRENT, call });
    await events.onCallEnded({ sessionId: CURRENT, call: campaignCall });

    expect(calls.onCallEnded.mock.calls).toEqual([[call], [campaignCall]]);
    expect(shift.onCallEnded).toHaveBeenCalledExactlyOnceWith(campaignCall, 0);
  });

  it('a call that ended on a stale session leaves no history, missed-call notice or wrap-up', async () => {
    await logIn();
    const { events, calls, shift } = setup();
    const leg = { id: 'r1', campaign: 'Ventas->', number: '+1', display: '+1' };
    const call = incoming('a', { state: 'failed', campaign: leg });

    await events.onCallEnded({ sessionId: STALE, call });

    expect(calls.onCallEnded).not.toHaveBeenCalled();
    expect(shift.onCallEnded).not.toHaveBeenCalled();
  });
});
