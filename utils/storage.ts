import { storage } from '#imports';
import type { ShiftState } from './shift/shift-state';

/**
 * The `local:` storage items: non-secret facts, kept across browser restarts (the agent's settings
 * are stored by the settings model, `settings/read-settings.ts`).
 * Secrets live in `session-storage.ts`, apart, because @wxt-dev/storage reads every item as soon
 * as it is defined and content scripts (which import this file) may not touch `session:` storage.
 */

/** Non-secret facts about the logged-in (or last) agent; prefills the login form. */
export interface AgentInfo {
  /** Instance origin, e.g. `https://acme.ucontactcloud.com`. */
  origin: string;
  /** The login name typed in the Agent field. */
  agent: string;
  fullName: string;
  extension: string;
  sipHost: string;
  callerId: string;
  dtmfMode: string;
  codecs: string[];
  /** AgentLogin's `context`; AgentCall's default when a campaign names none. */
  context: string;
}

export const agentItem = storage.defineItem<AgentInfo | null>('local:agent', { fallback: null });

/** One finished call, as the agent's call history shows it. */
export interface CallRecord {
  id: string;
  direction: 'outgoing' | 'incoming';
  number: string;
  name: string;
  /** Epoch ms. */
  startedAt: number;
  /** Seconds of conversation; 0 when it never connected. */
  durationSec: number;
  outcome:
    'answered' | 'missed' | 'declined' | 'unanswered' | 'failed' | 'cancelled' | 'transferred';
  /** A campaign call (AgentCall): its campaign, and the result once it is saved. */
  campaign?: { name: string; legId: string; result?: string };
}

/** Newest first, at most `HISTORY_LIMIT` entries. */
export const historyItem = storage.defineItem<CallRecord[]>('local:history', { fallback: [] });
export const HISTORY_LIMIT = 200;

/**
 * The agent's shift (break, wrap-up, the campaign call pending, results still due). Local, so a
 * result that could not be saved outlives a service-worker restart and even the browser closing.
 */
export const shiftItem = storage.defineItem<ShiftState | null>('local:shift', { fallback: null });
