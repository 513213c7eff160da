/**
 * What the far-end phone page exposes on `window.callee`. Shared by the page module (phone.ts)
 * and the Node-side wrapper (../callee.ts); values cross page.evaluate, so plain data only.
 */

export interface CalleeRegisterOptions {
  /** e.g. ws://127.0.0.1:8088/ws or wss://acme.ucontactcloud.com:8089/ws */
  wsUrl: string;
  user: string;
  /** HA1 = MD5(user:realm:password); preferred, like uContact's md5secret. */
  ha1?: string;
  password?: string;
  /** Informational: the digest realm comes from the server's challenge (the rig uses 'asterisk'). */
  realm?: string;
  domain: string;
  displayName?: string;
  expires?: number;
}

export interface RegisterOutcome {
  registered: boolean;
  /** Final SIP status of the REGISTER transaction (200, 403, ...), 0 when no reply came. */
  code: number;
}

export interface InviteInfo {
  /** After the registrar's lookup this is the phone's own contact user (= its SIP user). */
  requestUriUser: string;
  /** To URI, i.e. what the caller dialled, e.g. sip:+14155550123@acme.ucontactcloud.com */
  to: string;
  /** From URI, e.g. sip:1997@acme.ucontactcloud.com */
  from: string;
  fromDisplayName: string;
  /** Lower-case header name -> raw values. */
  headers: Record<string, string[]>;
  /** The offer's SDP. */
  sdp: string;
}

export interface CallOptions {
  /** e.g. ['P-Auto-Answer: normal'] for uContact's two-step click-to-call. */
  extraHeaders?: string[];
}

export type CallState = 'idle' | 'incoming' | 'outgoing' | 'established' | 'terminated';

export type MediaDirection = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

export interface DtmfDigit {
  digit: string;
  via: 'rtp' | 'info';
}

export interface CalleeState {
  registration: 'unregistered' | 'registered' | 'failed';
  call: CallState;
  /** Final response to our last outgoing INVITE (0 while none). */
  lastCallCode: number;
  byeReceived: boolean;
  /** Directions of the audio section in each re-INVITE received, oldest first. */
  reinviteDirections: MediaDirection[];
  dtmf: DtmfDigit[];
  /** Refer-To of each REFER received (accepted, not followed). */
  referTo: string[];
  /** Whether RFC 4733 reception could be hooked in this browser (RTCRtpScriptTransform). */
  rtpDtmfSupported: boolean;
}

export interface CalleeStats {
  bytesReceived: number;
  packetsReceived: number;
  bytesSent: number;
  packetsSent: number;
  /** inbound-rtp audioLevel (0..1) of what the far end sends us. */
  inboundAudioLevel: number;
  totalInboundAudioEnergy: number;
  /** media-source audioLevel of our own (fake) microphone. */
  outboundAudioLevel: number;
}

export interface CalleeApi {
  register(options: CalleeRegisterOptions): Promise<RegisterOutcome>;
  unregister(): Promise<void>;
  /** Next INVITE not yet returned by an earlier call (waits up to timeoutMs). */
  waitForInvite(timeoutMs?: number): Promise<InviteInfo>;
  answer(): Promise<void>;
  decline(code?: number): Promise<void>;
  call(target: string, options?: CallOptions): Promise<void>;
  hangup(): Promise<void>;
  /** RFC 4733 over RTP (default, what `dtmfmode=rfc2833` means) or one SIP INFO per tone. */
  sendDtmf(tones: string, via?: 'rtp' | 'info'): Promise<void>;
  /** Re-INVITE with sendonly (hold) or sendrecv (resume). */
  hold(held: boolean): Promise<void>;
  waitForCallState(state: CallState, timeoutMs?: number): Promise<void>;
  state(): CalleeState;
  stats(): Promise<CalleeStats>;
  /** Unregisters and disconnects. */
  stop(): Promise<void>;
  /** On: a REFER makes this phone call the Refer-To target (a blind transfer completes). */
  followRefers(enabled: boolean): void;
}
