import type { ErrorInfo } from '../errors';
import type { CampaignLeg } from '../sip/phone-state';

/**
 * The agent's shift in uContact, as a pure state machine: ready for calls, on a break (with its
 * reason), or in wrap-up after a campaign call until its result is saved or the wrap-up time has
 * passed. It also holds the campaign call being placed through `Agents/AgentCall` and the results
 * still due, which are never dropped until uContact has them.
 */

export type AgentStatus = 'ready' | 'break' | 'wrap-up';

/** uContact waits for the agent's phone to ring and be answered; this long at most. */
export const FIRST_LEG_TIMEOUT_MS = 20_000;

/** The campaign call placed through AgentCall, from the request until it ends. */
export interface CampaignCall {
  leg: CampaignLeg;
  requestedAt: number;
  /** AgentCall's reply: the call's GUID, which its result must name. */
  guid?: string;
  /** uContact's first leg reached the phone (the timeout no longer applies). */
  taken: boolean;
}

/** A finished campaign call whose result uContact does not have yet. */
export interface ResultDue {
  legId: string;
  /** Empty until AgentCall's reply arrives (it may come after the call). */
  guid: string;
  campaign: string;
  /** The customer's number as dialled (DispositionCall's `callerid`), and as shown. */
  number: string;
  display: string;
  endedAt: number;
  /** Why the last save failed; the result stays until a save succeeds. */
  error?: ErrorInfo;
}

export interface ShiftState {
  status: AgentStatus;
  /** Epoch ms the status began (the popup shows the time in it). */
  since: number;
  /** The break's motive (AgentBreak's `motive`, sent again with AgentUnBreak). */
  breakReason?: string;
  /** Wrap-up ends then (epoch ms); null: when the results are saved. */
  wrapUpUntil?: number | null;
  call?: CampaignCall;
  results: ResultDue[];
}

/** What the agent chose in the result form for one finished campaign call. */
export interface CallResultInput {
  legId: string;
  levels: [string, string, string];
  comment: string;
  /** A callback, `YYYY-MM-DD HH:MI:SS`, or empty. */
  schedule: string;
}

export type ShiftEvent =
  | { type: 'campaignCallRequested'; leg: CampaignLeg; at: number }
  | { type: 'agentCallAnswered'; legId: string; guid: string }
  /** AgentCall failed, or its first leg never came: nothing is left pending. */
  | { type: 'campaignCallAbandoned'; legId: string }
  | { type: 'firstLegTaken'; legId: string }
  | { type: 'campaignCallEnded'; legId: string; at: number; wrapUpSeconds: number }
  | { type: 'resultSaved'; legId: string; at: number }
  | { type: 'resultFailed'; legId: string; error: ErrorInfo }
  | { type: 'breakStarted'; reason: string; at: number }
  | { type: 'breakEnded'; at: number }
  /** Time passed: a timed wrap-up may be over. */
  | { type: 'tick'; at: number }
  | { type: 'loggedOut'; at: number };

export function initialShift(at: number): ShiftState {
  return { status: 'ready', since: at, results: [] };
}

/** Whether a new campaign call may start now; a pending one blocks a second click. */
export function campaignCallPending(state: ShiftState, at: number): boolean {
  const call = state.call;
  if (!call) return false;
  return call.taken || at - call.requestedAt < FIRST_LEG_TIMEOUT_MS;
}

export function nextShift(state: ShiftState, event: ShiftEvent): ShiftState {
  switch (event.type) {
    case 'campaignCallRequested':
      return { ...state, call: { leg: event.leg, requestedAt: event.at, taken: false } };
    case 'agentCallAnswered':
      return {
        ...state,
        call: state.call?.leg.id === event.legId ? { ...state.call, guid: event.guid } : state.call,
        results: state.results.map((result) =>
          result.legId === event.legId ? { ...result, guid: event.guid } : result,
        ),
      };
    case 'campaignCallAbandoned':
      return state.call?.leg.id === event.legId ? withoutCall(state) : state;
    case 'firstLegTaken':
      return state.call?.leg.id === event.legId
        ? { ...state, call: { ...state.call, taken: true } }
        : state;
    case 'campaignCallEnded': {
      const call = state.call;
      if (!call || call.leg.id !== event.legId) return state;
      const due: ResultDue = {
        legId: call.leg.id,
        guid: call.guid ?? '',
        campaign: call.leg.campaign,
        number: call.leg.number,
        display: call.leg.display,
        endedAt: event.at,
      };
      return {
        status: 'wrap-up',
        since: event.at,
        wrapUpUntil: event.wrapUpSeconds > 0 ? event.at + event.wrapUpSeconds * 1_000 : null,
        results: [...state.results.filter((result) => result.legId !== due.legId), due],
      };
    }
    case 'resultSaved': {
      const results = state.results.filter((result) => result.legId !== event.legId);
      if (state.status === 'wrap-up' && results.length === 0) {
        return { ...ready(state, event.at), results };
      }
      return { ...state, results };
    }
    case 'resultFailed':
      return {
        ...state,
        results: state.results.map((result) =>
          result.legId === event.legId ? { ...result, error: event.error } : result,
        ),
      };
    case 'breakStarted':
      return {
        ...state,
        status: 'break',
        since: event.at,
        breakReason: event.reason,
        wrapUpUntil: undefined,
      };
    case 'breakEnded':
      return state.status === 'break' ? ready(state, event.at) : state;
    case 'tick': {
      const until = state.wrapUpUntil;
      if (state.status === 'wrap-up' && typeof until === 'number' && event.at >= until) {
        return ready(state, until);
      }
      return state;
    }
    case 'loggedOut':
      // Results still due are kept: the next login saves them.
      return { status: 'ready', since: event.at, results: state.results };
  }
}

function ready(state: ShiftState, at: number): ShiftState {
  const next: ShiftState = { ...state, status: 'ready', since: at };
  delete next.breakReason;
  delete next.wrapUpUntil;
  return next;
}

function withoutCall(state: ShiftState): ShiftState {
  const next = { ...state };
  delete next.call;
  return next;
}
