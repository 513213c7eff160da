import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createShiftService, type ShiftUContact } from '@/utils/background/shift/shift-service';
import { FIRST_LEG_TIMEOUT_MS, type ShiftState } from '@/utils/shift/shift-state';
import { AppError } from '@/utils/errors';
import type { CallView, CampaignLeg } from '@/utils/sip/phone-state';

const VENTAS = { name: 'Ventas->', callerId: '+59829001234' };
const GUID = '6f1c2a9e-0d2b-4c55-9a43-5f8e2b7d1c10';

function setup(client: Partial<ShiftUContact> = {}, loggedIn = true) {
  let stored: ShiftState | null = null;
  const order: string[] = [];
  const uContact: ShiftUContact = {
    agentBreak: vi.fn(async () => undefined),
    agentUnbreak: vi.fn(async () => undefined),
    dispositionCall: vi.fn(async () => undefined),
    ...client,
    agentCall: vi.fn(async (...args: Parameters<ShiftUContact['agentCall']>) => {
      order.push('AgentCall');
      return client.agentCall ? client.agentCall(...args) : GUID;
    }),
  };
  const expectCampaignLeg = vi.fn(async (leg: CampaignLeg | null) => {
    order.push(leg ? 'expect' : 'withdraw');
  });
  const notify = vi.fn();
  let ids = 0;
  const service = createShiftService({
    load: async () => stored,
    save: async (state) => {
      stored = state;
    },
    uContact: async () => (loggedIn ? uContact : null),
    expectCampaignLeg,
    notify,
    onChange: () => undefined,
    newId: () => `leg-${++ids}`,
  });
  return { service, uContact, expectCampaignLeg, notify, order, state: () => service.view() };
}

function legCall(leg: CampaignLeg, patch: Partial<CallView>): CallView {
  return {
    id: 'c1',
    direction: 'outgoing',
    number: leg.number,
    name: leg.display,
    state: 'established',
    muted: false,
    held: false,
    startedAt: 0,
    connectedAt: 1,
    campaign: leg,
    ...patch,
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_000_000);
});
afterEach(() => vi.useRealTimers());

describe('shift service: breaks', () => {
  it('Take a break → AgentBreak with the motive → on break; Back to work → AgentUnBreak → ready', async () => {
    const { service, uContact, state } = setup();
    expect(await service.takeBreak('Lunch')).toEqual({ ok: true, value: null });
    expect(uContact.agentBreak).toHaveBeenCalledWith('Lunch');
    expect(await state()).toMatchObject({ status: 'break', breakReason: 'Lunch' });
    expect(await service.endBreak()).toEqual({ ok: true, value: null });
    expect(uContact.agentUnbreak).toHaveBeenCalledWith('Lunch');
    expect((await state()).status).toBe('ready');
  });

  it('a refused break leaves the agent ready, with the reason why', async () => {
    const refused = new AppError('errorUnauthorized', ['401']);
    const { service, state } = setup({ agentBreak: async () => Promise.reject(refused) });
    expect(await service.takeBreak('Lunch')).toEqual({ ok: false, error: refused.toInfo() });
    expect((await state()).status).toBe('ready');
  });

  it('a refused AgentUnBreak keeps the break (uContact still has the agent on it)', async () => {
    const { service, uContact, state } = setup();
    await service.takeBreak('Lunch');
    vi.mocked(uContact.agentUnbreak).mockRejectedValueOnce(new AppError('errorTimeout'));
    expect((await service.endBreak()).ok).toBe(false);
    expect(await state()).toMatchObject({ status: 'break', breakReason: 'Lunch' });
  });

  it('logging out during a break ends it at uContact first', async () => {
    const { service, uContact, state } = setup();
    await service.takeBreak('Lunch');
    await service.beforeLogout();
    expect(uContact.agentUnbreak).toHaveBeenCalledWith('Lunch');
    expect((await state()).status).toBe('ready');
  });

  it('logged out, there is no break to take', async () => {
    const { service } = setup({}, false);
    expect(await service.takeBreak('Lunch')).toMatchObject({
      ok: false,
      error: { key: 'errorNotLoggedIn' },
    });
  });
});

describe('shift service: a campaign call through AgentCall', () => {
  it('expects the first leg before AgentCall leaves, then keeps the GUID', async () => {
    const { service, uContact, order, state } = setup();
    expect(await service.placeCampaignCall(VENTAS, '+14155550123', '415-555-0123')).toEqual({
      ok: true,
      value: null,
    });
    expect(order).toEqual(['expect', 'AgentCall']);
    expect(uContact.agentCall).toHaveBeenCalledWith(VENTAS, '+14155550123');
    expect((await state()).call).toMatchObject({ guid: GUID, taken: false });
  });

  it('a second click while one is pending starts no second call', async () => {
    const { service, uContact } = setup();
    await service.placeCampaignCall(VENTAS, '+14155550123', 'a');
    expect(await service.placeCampaignCall(VENTAS, '+14155550199', 'b')).toMatchObject({
      ok: false,
      error: { key: 'errorCampaignCallPending' },
    });
    expect(uContact.agentCall).toHaveBeenCalledTimes(1);
  });

  it('AgentCall refused: the phone stops expecting the leg and nothing is left pending', async () => {
    const refused = new AppError('errorHttpStatus', ['500']);
    const { service, order, state } = setup({ agentCall: async () => Promise.reject(refused) });
    expect(await service.placeCampaignCall(VENTAS, '+14155550123', 'a')).toEqual({
      ok: false,
      error: refused.toInfo(),
    });
    expect(order).toEqual(['expect', 'AgentCall', 'withdraw']);
    expect((await state()).call).toBeUndefined();
  });

  it('no first leg within 20 s: "uContact did not ring your phone", nothing left pending', async () => {
    const { service, notify, order, state } = setup();
    await service.placeCampaignCall(VENTAS, '+14155550123', '415-555-0123');
    await vi.advanceTimersByTimeAsync(FIRST_LEG_TIMEOUT_MS);
    expect(notify).toHaveBeenCalledWith('noFirstLeg', '415-555-0123');
    expect(order.at(-1)).toBe('withdraw');
    expect((await state()).call).toBeUndefined();
    // And the agent may try again.
    expect((await service.placeCampaignCall(VENTAS, '+14155550123', 'x')).ok).toBe(true);
  });

  it('the first leg answered in time: no timeout notice; its end makes the result due', async () => {
    const { service, notify, state } = setup();
    await service.placeCampaignCall(VENTAS, '+14155550123', '415-555-0123');
    const leg = (await state()).call!.leg;
    await service.onCall(legCall(leg, {}));
    await vi.advanceTimersByTimeAsync(FIRST_LEG_TIMEOUT_MS);
    expect(notify).not.toHaveBeenCalled();

    await service.onCallEnded(legCall(leg, { state: 'ended', endedAt: 2 }), 0);
    expect(notify).toHaveBeenCalledWith('resultDue', '415-555-0123');
    expect(await state()).toMatchObject({
      status: 'wrap-up',
      results: [{ legId: leg.id, guid: GUID, campaign: 'Ventas->', number: '+14155550123' }],
    });
  });

  it('a first leg that never connected leaves no result due', async () => {
    const { service, notify, state } = setup();
    await service.placeCampaignCall(VENTAS, '+14155550123', 'a');
    const leg = (await state()).call!.leg;
    await service.onCallEnded(legCall(leg, { state: 'failed', connectedAt: undefined }), 0);
    expect(notify).not.toHaveBeenCalled();
    expect(await state()).toMatchObject({ status: 'ready', results: [] });
  });

  it('a result that fails to save is kept with why; Retry saves it and wrap-up ends', async () => {
    const { service, uContact, state } = setup();
    await service.placeCampaignCall(VENTAS, '+14155550123', 'a');
    const leg = (await state()).call!.leg;
    await service.onCall(legCall(leg, {}));
    await service.onCallEnded(legCall(leg, { state: 'ended' }), 0);
    const input = {
      legId: leg.id,
      levels: ['Sale', 'Card', ''] as [string, string, string],
      comment: 'Wants a call back',
      schedule: '2026-12-04 10:00:00',
    };
    vi.mocked(uContact.dispositionCall).mockRejectedValueOnce(
      new AppError('errorHttpStatus', ['500']),
    );
    expect((await service.saveResult(input)).ok).toBe(false);
    expect((await state()).results[0]?.error).toEqual({
      key: 'errorHttpStatus',
      substitutions: ['500'],
    });

    expect(await service.saveResult(input)).toEqual({ ok: true, value: null });
    expect(uContact.dispositionCall).toHaveBeenLastCalledWith({
      campaign: 'Ventas->',
      guid: GUID,
      callerId: '+14155550123',
      l1: 'Sale',
      l2: 'Card',
      l3: '',
      comment: 'Wants a call back',
      schedule: '2026-12-04 10:00:00',
    });
    expect(await state()).toMatchObject({ status: 'ready', results: [] });
  });
});
