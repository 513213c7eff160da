import { storage } from '#imports';
import type { PhoneSnapshot } from './sip/phone-state';

/**
 * The `session:` storage items: memory only, trusted contexts only, gone when the browser closes.
 * Never import this file from a content script (see `storage.ts`).
 */

/** Secrets, in `session:` storage only: memory-backed, trusted contexts only, gone with the browser. */
export interface Credentials {
  /** Digest credential: an HA1 (`kind: 'ha1'`) or the SIP secret (`kind: 'password'`). */
  sipAuth: { kind: 'ha1' | 'password'; value: string };
  /** AgentLogin token for `Authorization: Basic` on other Integra calls. */
  token: string;
  /** Names this login's phone; stable so a recreated phone replaces its own registration. */
  phone: { sessionId: string; contactName: string; instanceId: string };
}

/** Present exactly while the agent is logged in. */
export const credentialsItem = storage.defineItem<Credentials | null>('session:credentials', {
  fallback: null,
});

/** The phone's last known state, so a restarted service worker can answer at once. No secrets. */
export const phoneSnapshotItem = storage.defineItem<PhoneSnapshot | null>('session:phone', {
  fallback: null,
});
