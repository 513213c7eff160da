import { storage } from '#imports';
import type { PhoneSnapshot } from './sip/phone-state';

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

/** Secrets, in `session:` storage only: memory-backed, trusted contexts only, gone with the browser. */
export interface Credentials {
  /** Digest credential: an HA1 (`kind: 'ha1'`) or the SIP secret (`kind: 'password'`). */
  sipAuth: { kind: 'ha1' | 'password'; value: string };
  /** AgentLogin token for `Authorization: Basic` on other Integra calls. */
  token: string;
  /** Names this login's phone; stable so a recreated phone replaces its own registration. */
  phone: { sessionId: string; contactName: string; instanceId: string };
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: {
    instance: '',
    sipServer: '',
    debug: false,
    iceServers: DEFAULT_ICE_SERVERS,
    audioInputId: '',
    audioOutputId: '',
  },
});

export const agentItem = storage.defineItem<AgentInfo | null>('local:agent', { fallback: null });

/** Present exactly while the agent is logged in. */
export const credentialsItem = storage.defineItem<Credentials | null>('session:credentials', {
  fallback: null,
});

/** The phone's last known state, so a restarted service worker can answer at once. No secrets. */
export const phoneSnapshotItem = storage.defineItem<PhoneSnapshot | null>('session:phone', {
  fallback: null,
});

/** Settings with every field present, also when they were saved by an older version. */
export async function readSettings(): Promise<Settings> {
  return { ...settingsItem.fallback, ...(await settingsItem.getValue()) };
}
