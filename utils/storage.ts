import { storage } from '#imports';

/** Settings the agent chooses; non-secret, kept across browser restarts. */
export interface Settings {
  /** What the agent typed as instance (prefills the login form). */
  instance: string;
  /** `wss://` / `ws://` URL overriding the default `wss://{host}:8089/ws`; empty for the default. */
  sipServer: string;
  /** Debug logging to the console (never secrets). */
  debug: boolean;
}

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
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: { instance: '', sipServer: '', debug: false },
});

export const agentItem = storage.defineItem<AgentInfo | null>('local:agent', { fallback: null });

/** Present exactly while the agent is logged in. */
export const credentialsItem = storage.defineItem<Credentials | null>('session:credentials', {
  fallback: null,
});
