import { describe, expect, it } from 'vitest';
import {
  campaignCallPending,
  FIRST_LEG_TIMEOUT_MS,
  initialShift,
  nextShift,
  type ShiftEvent,
  type ShiftState,
} from '@/utils/shift/shift-state';

const LEG = { id: 'leg-1', campaign: 'Ventas->', number: '+14155550123', display: '415-555-0123' };
const GUID = '6f1c2a9e-0d2b-4c55-9a43-5f8e2b7d1c10';
const FAILED = { key: 'errorHttpStatus' as const, substitutions: ['500'] };

function run(events: ShiftEvent[], start: ShiftState = initialShift(0)): ShiftState {
  return events.reduce(nextShift, start);
}

/** A campaign call from the click to its end, with `wrapUpSeconds`. */
function endedCall(wrapUpSeconds: number, at = 60_000): ShiftEvent[] {
  return [
    { type: 'campaignCallRequested', leg: LEG, at: 1_000 },
    { type: 'agentCallAnswered', legId: LEG.id, guid: GUID },
    { type: 'firstLegTaken', legId: LEG.id },
    { type: 'campaignCallEnded', legId: LEG.id, at, wrapUpSeconds },
  ];
}

describe('shift: ready, break, in a campaign call, wrap-up', () => {
  it('starts ready', () => {
    expect(initialShift(5)).toEqual({ status: 'ready', since: 5, results: [] });
  });

  it('break with its reason, then back to work: ready again, the reason gone', () => {
    const onBreak = run([{ type: 'breakStarted', reason: 'Lunch', at: 10 }]);
    expect(onBreak).toMatchObject({ status: 'break', since: 10, breakReason: 'Lunch' });
    const back = nextShift(onBreak, { type: 'breakEnded', at: 20 });
    expect(back).toEqual({ status: 'ready', since: 20, results: [] });
  });

  it('"back to work" while not on a break changes nothing', () => {
    const state = initialShift(0);
    expect(nextShift(state, { type: 'breakEnded', at: 5 })).toBe(state);
  });

  it('a campaign call is pending from the click until its first leg comes or 20 s pass', () => {
    const state = run([{ type: 'campaignCallRequested', leg: LEG, at: 1_000 }]);
    expect(campaignCallPending(state, 1_000 + FIRST_LEG_TIMEOUT_MS - 1)).toBe(true);
    expect(campaignCallPending(state, 1_000 + FIRST_LEG_TIMEOUT_MS)).toBe(false);
    const taken = nextShift(state, { type: 'firstLegTaken', legId: LEG.id });
    // In the call, a second campaign call cannot start, whatever the time.
    expect(campaignCallPending(taken, 10 * FIRST_LEG_TIMEOUT_MS)).toBe(true);
  });

  it('a refused AgentCall or a first leg that never came leaves nothing pending', () => {
    const state = run([
      { type: 'campaignCallRequested', leg: LEG, at: 1_000 },
      { type: 'campaignCallAbandoned', legId: LEG.id },
    ]);
    expect(state).toEqual({ status: 'ready', since: 0, results: [] });
    expect(campaignCallPending(state, 1_001)).toBe(false);
  });

  it('events of another campaign call are ignored', () => {
    const state = run([{ type: 'campaignCallRequested', leg: LEG, at: 1_000 }]);
    expect(nextShift(state, { type: 'campaignCallAbandoned', legId: 'other' })).toBe(state);
    expect(nextShift(state, { type: 'firstLegTaken', legId: 'other' })).toBe(state);
    expect(
      nextShift(state, { type: 'campaignCallEnded', legId: 'other', at: 5, wrapUpSeconds: 0 }),
    ).toBe(state);
  });

  it('a campaign call that ends puts the agent in wrap-up with its result due', () => {
    const state = run(endedCall(30));
    expect(state).toEqual({
      status: 'wrap-up',
      since: 60_000,
      wrapUpUntil: 90_000,
      results: [
        {
          legId: LEG.id,
          guid: GUID,
          campaign: 'Ventas->',
          number: '+14155550123',
          display: '415-555-0123',
          endedAt: 60_000,
        },
      ],
    });
  });

  it('timed wrap-up ends when its seconds pass; the result stays due', () => {
    const state = run(endedCall(30));
    expect(nextShift(state, { type: 'tick', at: 89_999 })).toBe(state);
    const after = nextShift(state, { type: 'tick', at: 95_000 });
    expect(after).toMatchObject({ status: 'ready', since: 90_000 });
    expect(after.results).toHaveLength(1);
    expect(after.wrapUpUntil).toBeUndefined();
  });

  it('wrapUpSeconds 0: wrap-up lasts until the result is saved, however long', () => {
    const state = run(endedCall(0));
    expect(state.wrapUpUntil).toBeNull();
    expect(nextShift(state, { type: 'tick', at: 10 ** 9 })).toBe(state);
    const saved = nextShift(state, { type: 'resultSaved', legId: LEG.id, at: 70_000 });
    expect(saved).toEqual({ status: 'ready', since: 70_000, results: [] });
  });

  it('a result that fails to save is kept with why, and saved on a retry', () => {
    const failed = run([...endedCall(0), { type: 'resultFailed', legId: LEG.id, error: FAILED }]);
    expect(failed.status).toBe('wrap-up');
    expect(failed.results).toEqual([expect.objectContaining({ legId: LEG.id, error: FAILED })]);
    const saved = nextShift(failed, { type: 'resultSaved', legId: LEG.id, at: 80_000 });
    expect(saved).toEqual({ status: 'ready', since: 80_000, results: [] });
  });

  it('a new campaign call keeps an unsaved result of an earlier one', () => {
    const second = { ...LEG, id: 'leg-2', number: '+14155550199' };
    const state = run([
      ...endedCall(5),
      { type: 'resultFailed', legId: LEG.id, error: FAILED },
      { type: 'tick', at: 70_000 },
      { type: 'campaignCallRequested', leg: second, at: 71_000 },
      { type: 'agentCallAnswered', legId: second.id, guid: 'guid-2' },
      { type: 'firstLegTaken', legId: second.id },
      { type: 'campaignCallEnded', legId: second.id, at: 100_000, wrapUpSeconds: 5 },
    ]);
    expect(state.results.map((result) => [result.legId, result.guid])).toEqual([
      [LEG.id, GUID],
      ['leg-2', 'guid-2'],
    ]);
    // Saving one leaves the agent in wrap-up while the other is still due.
    const one = nextShift(state, { type: 'resultSaved', legId: 'leg-2', at: 101_000 });
    expect(one.status).toBe('wrap-up');
  });

  it("AgentCall's reply after the call ended still gives its result the GUID", () => {
    const state = run([
      { type: 'campaignCallRequested', leg: LEG, at: 1_000 },
      { type: 'firstLegTaken', legId: LEG.id },
      { type: 'campaignCallEnded', legId: LEG.id, at: 5_000, wrapUpSeconds: 0 },
      { type: 'agentCallAnswered', legId: LEG.id, guid: GUID },
    ]);
    expect(state.results[0]?.guid).toBe(GUID);
  });

  it('a break from wrap-up stops the wrap-up clock; results stay due', () => {
    const state = run([...endedCall(30), { type: 'breakStarted', reason: 'Coffee', at: 61_000 }]);
    expect(state).toMatchObject({ status: 'break', breakReason: 'Coffee' });
    expect(state.wrapUpUntil).toBeUndefined();
    expect(state.results).toHaveLength(1);
    expect(nextShift(state, { type: 'tick', at: 10 ** 9 })).toBe(state);
  });

  it('logging out ends a break and a pending call, and never drops a result due', () => {
    const state = run([
      ...endedCall(0),
      { type: 'breakStarted', reason: 'Lunch', at: 61_000 },
      { type: 'campaignCallRequested', leg: { ...LEG, id: 'leg-3' }, at: 62_000 },
      { type: 'loggedOut', at: 63_000 },
    ]);
    expect(state).toEqual({ status: 'ready', since: 63_000, results: [expect.any(Object)] });
  });
});
