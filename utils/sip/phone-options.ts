import type { Transport, UserAgentOptions } from 'sip.js';
import type { BackoffOptions } from './backoff';
import type { PhoneAccount } from './phone-state';

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
  /** How long media prepared on intent waits for a call before it is released (default 10 s). */
  warmIdleMs?: number;
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
