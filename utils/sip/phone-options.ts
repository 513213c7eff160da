import type { Transport, UserAgentOptions } from 'sip.js';
import type { BackoffOptions } from './backoff';

/**
 * The agent's SIP account, from AgentLogin and the login: what the phone registers with. The
 * background builds it once per start (`PhoneConfig.account`) and the phone host spreads it in.
 */
export interface PhoneAccount {
  /** `wss://…/ws` of the SIP server. */
  server: string;
  /** SIP domain of the agent's address of record. */
  domain: string;
  /** Extension: AOR user and digest user. */
  extension: string;
  /** Digest credential: an HA1 or a plain SIP secret. */
  auth: { kind: 'ha1' | 'password'; value: string };
  displayName?: string;
  /** ICE servers; tests pass none so nothing leaves loopback. */
  iceServers: RTCIceServer[];
  /** `rfc2833` (RTP telephone-event, the default) or `info` (SIP INFO). */
  dtmfMode: string;
  /**
   * Stable per login, so a recreated phone replaces its own binding at the registrar instead of
   * adding a second contact.
   */
  contactName: string;
  instanceId: string;
}

/** Options in: the account, and what the host gives the phone (media, hooks, test doubles). */
export interface PhoneOptions extends PhoneAccount {
  /** Where remote audio plays. */
  remoteAudio?: HTMLAudioElement;
  /** Microphone constraints (device choice). */
  audioConstraints?: MediaTrackConstraints | true;
  /**
   * Where the microphone comes from (default: `navigator.mediaDevices.getUserMedia`). Firefox
   * denies it to background pages, so there the phone host captures through an extension tab.
   */
  captureMicrophone?: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  /** Answer calls that ask for it (`P-Auto-Answer: normal`, uContact's two-step click-to-call). */
  autoAnswer?: boolean;
  /** Registration lifetime asked of the registrar, seconds (default 600). */
  registerExpires?: number;
  backoff?: BackoffOptions;
  /** Injected in unit tests; sip.js's WebSocket transport otherwise. */
  transportConstructor?: UserAgentOptions['transportConstructor'] &
    (new (...args: never[]) => Transport);
  userAgentString?: string;
  /** Debug sink for sip.js logs (never given credentials). */
  log?: (level: string, category: string, message: string) => void;
  /** Clock and randomness, injectable for tests. */
  random?: () => number;
}
