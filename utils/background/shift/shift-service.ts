import { AppError, toErrorInfo } from '../../errors';
import type { Result } from '../../messages';
import type { CampaignLeg, CallView } from '../../sip/phone-state';
import {
  type CallResultInput,
  campaignCallPending,
  FIRST_LEG_TIMEOUT_MS,
  initialShift,
  nextShift,
  type ShiftEvent,
  type ShiftState,
} from '../../shift/shift-state';

/** A campaign as AgentCall needs it (settings: `campaigns`). */
export interface CampaignRoute {
  name: string;
  callerId: string;
  /** The campaign's dialplan context; AgentLogin's when empty. */
  context?: string;
}

/** The agent's uContact calls, bound to the session's instance, token, agent and extension. */
export interface ShiftUContact {
  agentCall(campaign: CampaignRoute, destination: string): Promise<string>;
  agentBreak(motive: string): Promise<void>;
  agentUnbreak(motive: string): Promise<void>;
  dispositionCall(result: {
    campaign: string;
    guid: string;
    callerId: string;
    l1: string;
    l2: string;
    l3: string;
    comment: string;
    schedule: string;
  }): Promise<void>;
}

export interface ShiftServiceOptions {
  load(): Promise<ShiftState | null>;
  save(state: ShiftState): Promise<void>;
  /** The calls of the logged-in session; null when nobody is logged in. */
  uContact(): Promise<ShiftUContact | null>;
  /** Tells the phone to take (or stop expecting) uContact's first leg. */
  expectCampaignLeg(leg: CampaignLeg | null): Promise<unknown>;
  /** Something the agent must know while the popup may be closed. */
  notify(notice: 'resultDue' | 'noFirstLeg', detail: string): void;
  onChange(state: ShiftState): void;
  /** A result was saved: the call's history entry shows it. */
  onResultSaved?(legId: string, result: string): Promise<void>;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  newId?: () => string;
  log?: (...args: unknown[]) => void;
}

/**
 * The agent's shift against uContact: breaks (AgentBreak / AgentUnBreak), campaign calls placed
 * through `Agents/AgentCall`, and the result of each (DispositionCall). The state is kept in
 * storage after every change, so a popup closing or the service worker restarting loses nothing;
 * a failed request leaves it as it was and says why.
 */
export function createShiftService(options: ShiftServiceOptions) {
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const newId = options.newId ?? (() => crypto.randomUUID());
  // One change at a time: each reads what the one before it wrote.
  let queue: Promise<unknown> = Promise.resolve();

  async function current(): Promise<ShiftState> {
    return nextShift((await options.load()) ?? initialShift(now()), { type: 'tick', at: now() });
  }

  function apply(event: ShiftEvent): Promise<ShiftState> {
    const next = queue.then(async () => {
      const state = nextShift(await current(), event);
      await options.save(state);
      options.onChange(state);
      return state;
    });
    queue = next.catch(() => undefined);
    return next;
  }

  async function session(): Promise<ShiftUContact> {
    const client = await options.uContact();
    if (!client) throw new AppError('errorNotLoggedIn');
    return client;
  }

  async function attempt(run: () => Promise<void>): Promise<Result<null>> {
    try {
      await run();
      return { ok: true, value: null };
    } catch (error) {
      options.log?.('shift request failed', error);
      return { ok: false, error: toErrorInfo(error) };
    }
  }

  /**
   * Places a campaign call: the phone expects uContact's first leg before AgentCall leaves (uContact
   * may ring before it replies), and nothing is left pending when it fails or the leg never comes.
   */
  function placeCampaignCall(
    campaign: CampaignRoute,
    destination: string,
    display: string,
  ): Promise<Result<null>> {
    return attempt(async () => {
      if (campaignCallPending(await current(), now()))
        throw new AppError('errorCampaignCallPending');
      const client = await session();
      const leg: CampaignLeg = {
        id: newId(),
        campaign: campaign.name,
        number: destination,
        display,
      };
      await apply({ type: 'campaignCallRequested', leg, at: now() });
      await options.expectCampaignLeg(leg);
      setTimer(() => void firstLegDue(leg), FIRST_LEG_TIMEOUT_MS);
      try {
        const guid = await client.agentCall(campaign, destination);
        await apply({ type: 'agentCallAnswered', legId: leg.id, guid });
      } catch (error) {
        await abandon(leg);
        throw error;
      }
    });
  }

  async function abandon(leg: CampaignLeg): Promise<void> {
    await options.expectCampaignLeg(null).catch((error: unknown) => options.log?.(error));
    await apply({ type: 'campaignCallAbandoned', legId: leg.id });
  }

  /** 20 s after AgentCall: if uContact never rang the phone, say so and stop waiting. */
  async function firstLegDue(leg: CampaignLeg): Promise<void> {
    const state = await current();
    if (state.call?.leg.id !== leg.id || state.call.taken) return;
    await abandon(leg);
    options.notify('noFirstLeg', leg.display);
  }

  return {
    view: current,
    placeCampaignCall,

    takeBreak: (reason: string) =>
      attempt(async () => {
        await (await session()).agentBreak(reason);
        await apply({ type: 'breakStarted', reason, at: now() });
      }),

    endBreak: () =>
      attempt(async () => {
        const state = await current();
        if (state.status !== 'break' || !state.breakReason) return;
        await (await session()).agentUnbreak(state.breakReason);
        await apply({ type: 'breakEnded', at: now() });
      }),

    saveResult: (input: CallResultInput) =>
      attempt(async () => {
        const due = (await current()).results.find((result) => result.legId === input.legId);
        if (!due) throw new AppError('errorNoCall');
        try {
          if (!due.guid) throw new AppError('errorResultNotReady');
          const [l1, l2, l3] = input.levels;
          await (
            await session()
          ).dispositionCall({
            campaign: due.campaign,
            guid: due.guid,
            callerId: due.number,
            l1,
            l2,
            l3,
            comment: input.comment,
            schedule: input.schedule,
          });
        } catch (error) {
          await apply({ type: 'resultFailed', legId: input.legId, error: toErrorInfo(error) });
          throw error;
        }
        await apply({ type: 'resultSaved', legId: input.legId, at: now() });
        await options
          .onResultSaved?.(input.legId, input.levels.filter(Boolean).join(' > '))
          .catch((error: unknown) => options.log?.('history', error));
      }),

    /** Every phone snapshot: the first leg reached the phone. */
    async onCall(call: CallView | null): Promise<void> {
      const leg = call?.campaign;
      if (!leg || call.state !== 'established') return;
      const state = await current();
      if (state.call?.leg.id === leg.id && !state.call.taken) {
        await apply({ type: 'firstLegTaken', legId: leg.id });
      }
    },

    /** A call ended: a campaign call's result is now due, and wrap-up begins. */
    async onCallEnded(call: CallView, wrapUpSeconds: number): Promise<void> {
      const leg = call.campaign;
      if (!leg) return;
      const state = await current();
      if (state.call?.leg.id !== leg.id) return;
      if (!call.connectedAt) {
        // uContact's leg never connected: there was no conversation to give a result for.
        await apply({ type: 'campaignCallAbandoned', legId: leg.id });
        return;
      }
      await apply({ type: 'campaignCallEnded', legId: leg.id, at: now(), wrapUpSeconds });
      options.notify('resultDue', leg.display);
    },

    /** Before logging out: a break is ended at uContact first (best effort), then the state. */
    async beforeLogout(): Promise<void> {
      const state = await current();
      if (state.status === 'break' && state.breakReason) {
        const client = await options.uContact();
        await client
          ?.agentUnbreak(state.breakReason)
          .catch((error: unknown) => options.log?.('AgentUnBreak at logout', error));
      }
      await apply({ type: 'loggedOut', at: now() });
    },

    /** Timed wrap-up may be over (called by an alarm and whenever someone looks). */
    tick: () => apply({ type: 'tick', at: now() }),
  };
}

export type ShiftService = ReturnType<typeof createShiftService>;
