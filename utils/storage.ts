import { storage } from '#imports';
import type { DialPlanRules } from './dial-plan/dial-plan-rules';
import {
  resolveSettings,
  splitManagedStorage,
  type ResolvedSettings,
} from './settings/resolve-settings';

/**
 * The `local:` storage items: settings and non-secret facts, kept across browser restarts.
 * Secrets live in `session-storage.ts`, apart, because @wxt-dev/storage reads every item as soon
 * as it is defined and content scripts (which import this file) may not touch `session:` storage.
 */

/** Settings the agent chooses; non-secret, kept across browser restarts. */
export interface Settings {
  /** What the agent typed as instance (prefills the login form). */
  instance: string;
  /** `wss://` / `ws://` URL overriding the default `wss://{host}:8089/ws`; empty for the default. */
  sipServer: string;
  /** Debug logging to the console (never secrets). */
  debug: boolean;
  /** STUN/TURN server URLs for calls; tests and loopback set none. */
  iceServers: string[];
  /** Microphone and speaker device ids; empty for the system default. */
  audioInputId: string;
  audioOutputId: string;
  /** ISO 3166 alpha-2 country for numbers written without one; empty: from the browser language. */
  defaultCountry: string;
  /** Origins (beyond the built-in CRM hosts) where the agent turned click-to-call on. */
  enabledSites: string[];
  /** Answer uContact's two-step click-to-call (`P-Auto-Answer: normal`) without a click. */
  autoAnswer: boolean;
  /** Blind transfer by SIP REFER, or by uContact's Asterisk feature code `##number` as DTMF. */
  transferMode: 'refer' | 'dtmf';
  /** Open the caller's record in the CRM: when, and the URL with `{number}` in it. */
  screenPop: { when: 'never' | 'ring' | 'answer'; template: string };
  /** No ringtone or tones (notifications still show, and follow the system's do-not-disturb). */
  soundsMuted: boolean;
  /** The house dial plan (outside line, prefixes, extensions); null dials numbers as normalized. */
  dialPlan: DialPlanRules | null;
}

/** uContact's public STUN server, used by its own web phone. */
export const DEFAULT_ICE_SERVERS = ['stun:stun.ucontactcloud.com'];

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
}

/** Built-in settings: what applies when neither the agent nor a policy says otherwise. */
export const DEFAULT_SETTINGS: Settings = {
  instance: '',
  sipServer: '',
  debug: false,
  iceServers: DEFAULT_ICE_SERVERS,
  audioInputId: '',
  audioOutputId: '',
  defaultCountry: '',
  enabledSites: [],
  autoAnswer: true,
  transferMode: 'refer',
  screenPop: { when: 'never', template: '' },
  soundsMuted: false,
  dialPlan: null,
};

/**
 * Only what the agent changed: a policy default (managed storage) applies to every setting the
 * agent never touched. Read settings through `readSettings()`, change them with `updateSettings()`.
 */
export const settingsItem = storage.defineItem<Partial<Settings>>('local:settings', {
  fallback: {},
});

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
}

/** Newest first, at most `HISTORY_LIMIT` entries. */
export const historyItem = storage.defineItem<CallRecord[]>('local:history', { fallback: [] });
export const HISTORY_LIMIT = 200;

/** What an administrator set by policy (Chrome: `storage.managed_schema`; Firefox: policies.json). */
async function readManaged(): Promise<unknown> {
  // Firefox rejects when no policy exists; some browsers have no managed area at all.
  return (await browser.storage.managed?.get().catch(() => ({}))) ?? {};
}

/** Settings resolved from policy, the agent's choices and the built-ins (see `resolveSettings`). */
export async function readResolvedSettings(): Promise<ResolvedSettings> {
  const [managed, user] = await Promise.all([readManaged(), settingsItem.getValue()]);
  return resolveSettings({
    builtIn: DEFAULT_SETTINGS,
    managed: splitManagedStorage(managed),
    user,
  });
}

/** The settings in force, every field present. */
export async function readSettings(): Promise<Settings> {
  return (await readResolvedSettings()).settings;
}

/** Saves the agent's changes; settings an administrator locked are left as the policy says. */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const { locked } = await readResolvedSettings();
  const allowed = Object.fromEntries(
    Object.entries(patch).filter(([key]) => !locked.has(key as keyof Settings)),
  );
  await settingsItem.setValue({ ...(await settingsItem.getValue()), ...allowed });
  return readSettings();
}
