import type { DialPlanRules } from '../dial-plan/dial-plan-rules';

/**
 * A uContact campaign the agent calls through: AgentCall's `outqueue` (`name`), `callerid`
 * (`callerId`, the campaign's DID) and `context`. uContact names outbound campaigns with a
 * trailing `->` (`Ventas->`) and inbound ones with `<-`; any non-empty name is accepted.
 */
export interface Campaign {
  /** 1 to 64 characters. */
  name: string;
  /** Digits, optionally after a `+`: 1 to 20 digits. */
  callerId: string;
  /** Letters, digits, `_` and `-`; absent: the context AgentLogin returned. */
  context?: string;
}

/** A campaign's call results: `"Level 1 > Level 2 > Level 3"` strings, keyed by campaign or `*`. */
export type Dispositions = Record<string, string[]>;

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
  /** The uContact campaigns the agent may call through. */
  campaigns: Campaign[];
  /** `campaign`: click-to-call through uContact's two-step AgentCall; `direct`: a SIP INVITE. */
  callRouting: 'campaign' | 'direct';
  /** The break motives offered (AgentBreak's `motive`), as configured in uContact. */
  breakReasons: string[];
  /** The results offered after a campaign call; `*` applies to campaigns without their own. */
  dispositions: Dispositions;
  /** Seconds in wrap-up after a campaign call; 0: until the result is saved. */
  wrapUpSeconds: number;
  /** The campaign the agent last chose in the popup (not a policy key); empty: the first one. */
  campaign: string;
  /**
   * Numbers no call may go to (`+1900*`, `+44 9*`; see `parseBlockedPattern`). A policy's entries
   * always apply: the agent's own are added to them, unless the policy locks the list.
   */
  blockedNumbers: string[];
}

/** uContact's public STUN server, used by its own web phone. */
export const DEFAULT_ICE_SERVERS = ['stun:stun.ucontactcloud.com'];

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
  campaigns: [],
  callRouting: 'direct',
  breakReasons: [],
  dispositions: {},
  wrapUpSeconds: 0,
  campaign: '',
  blockedNumbers: [],
};

/** The settings a running phone follows; a change to any of them reaches it as one `phone.configure`. */
export type PhoneSettings = Pick<
  Settings,
  'audioInputId' | 'audioOutputId' | 'autoAnswer' | 'soundsMuted' | 'transferMode'
>;

export function phoneSettings(settings: Settings): PhoneSettings {
  const { audioInputId, audioOutputId, autoAnswer, soundsMuted, transferMode } = settings;
  return { audioInputId, audioOutputId, autoAnswer, soundsMuted, transferMode };
}
