import type { ErrorInfo } from '../errors';

export type RegistrationState = 'connecting' | 'registered' | 'unregistered' | 'error';

export interface RegistrationView {
  state: RegistrationState;
  /** Why the phone is not registered (or is retrying), for the agent to read. */
  error?: ErrorInfo;
}

export type CallState = 'dialing' | 'ringing' | 'established' | 'held' | 'ended' | 'failed';

export interface CallView {
  id: string;
  direction: 'outgoing' | 'incoming';
  /** Dial string or caller number. */
  number: string;
  /** Display name when the other side sent one. */
  name: string;
  state: CallState;
  muted: boolean;
  held: boolean;
  /** Epoch ms when the call was placed or arrived. */
  startedAt: number;
  /** Epoch ms when audio was connected. */
  connectedAt?: number;
  /** Epoch ms when it ended. */
  endedAt?: number;
  /** Why it failed or ended, when known (SIP status, for the agent to read). */
  error?: ErrorInfo;
  /**
   * Answered without a click: a call that asked for it (`P-Auto-Answer: normal`) with the
   * auto-answer setting on, or uContact's campaign first leg. Never silent: the phone host beeps
   * (sounds muted or not) and the background shows a notification naming the caller.
   */
  autoAnswer?: boolean;
  /** The agent declined it (an incoming call that was not missed). */
  declined?: boolean;
  /** Where the agent transferred it. */
  transferredTo?: string;
  /** A campaign call placed through uContact (`Agents/AgentCall`): the leg uContact rang us on. */
  campaign?: CampaignLeg;
}

/**
 * uContact's two-step campaign call: after `Agents/AgentCall` it rings the agent first (with
 * `P-Auto-Answer: normal`), then dials the destination and bridges. The phone expects that first
 * leg and shows it as the outgoing call it is.
 */
export interface CampaignLeg {
  /** The background's id for the request (the GUID arrives with AgentCall's reply, maybe later). */
  id: string;
  /** The campaign's name (AgentCall's `outqueue`). */
  campaign: string;
  /** The dial string sent as `destination`. */
  number: string;
  /** The number as the agent saw it, for the UI. */
  display: string;
}

/** Everything other contexts need to show the phone. Never holds credentials. */
export interface PhoneSnapshot {
  /** Which login this phone belongs to, to tell a phone started for an earlier login. */
  sessionId: string | null;
  registration: RegistrationView;
  /** The call in front: the one the agent talks to, or rings in, or the last one that ended. */
  call: CallView | null;
  /** Other live calls: held, or waiting to be answered. */
  otherCalls: CallView[];
}

export interface AudioStats {
  inboundBytes: number;
  outboundBytes: number;
  inboundPackets: number;
  outboundPackets: number;
  /** Latest outbound audio level 0–1 (media-source), undefined when not reported. */
  outboundLevel?: number;
  inboundLevel?: number;
}

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
