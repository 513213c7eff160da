import {
  Invitation,
  Inviter,
  SessionState,
  UserAgent,
  type Core,
  type Session,
  type Web,
} from 'sip.js';
import { AppError, type ErrorInfo } from '../errors';
import { untrustedName } from '../untrusted-text';
import type { AudioStats, CallView } from './phone-state';
import { assertDialString } from './sip-target';

const DTMF_DIGITS = /^[0-9*#A-D]{1,32}$/;

/** Only keypad symbols travel as DTMF. */
export function assertDtmfDigits(digits: string): void {
  if (!DTMF_DIGITS.test(digits)) throw new AppError('errorDtmfInvalid');
}
/** A SIP answer for the agent to read: its code and the far end's reason phrase, cleaned. */
function statusText(message: { statusCode?: number; reasonPhrase?: string }): string {
  return `${message.statusCode} ${untrustedName(message.reasonPhrase)}`;
}

const NOT_ANSWERED: ErrorInfo = { key: 'errorCallNotAnswered', substitutions: [] };

export interface CallContext {
  domain: string;
  dtmfMode: string;
  mediaConstraints(): MediaStreamConstraints;
  /** The phone's microphone source (getUserMedia, or Firefox's capture tab). */
  captureMicrophone(constraints: MediaStreamConstraints): Promise<MediaStream>;
  log(message: string): void;
  /** Every change of this call's view. */
  onChange(call: Call): void;
}

export type TransferMode = 'refer' | 'dtmf';

/**
 * One call: a sip.js session and what the agent sees of it. Knows how to answer, hold, mute, send
 * DTMF, transfer and hang up its own session; the `Phone` decides which call is in front.
 */
export class Call {
  private state: CallView;
  private cancelledByAgent = false;
  private failed = false;
  /** A final answer to our INVITE arrived (so an early end was not a local failure). */
  private answered = false;

  constructor(
    readonly session: Session,
    init: Pick<CallView, 'id' | 'direction' | 'number' | 'name' | 'campaign'> & {
      autoAnswer?: boolean;
    },
    private readonly context: CallContext,
  ) {
    this.state = {
      ...init,
      autoAnswer: init.autoAnswer ?? false,
      state: init.direction === 'outgoing' ? 'dialing' : 'ringing',
      muted: false,
      held: false,
      startedAt: Date.now(),
    };
    session.stateChange.addListener((state) => {
      if (state === SessionState.Established) {
        this.update({ state: 'established', connectedAt: Date.now() });
      } else if (state === SessionState.Terminated) {
        // sip.js ends the session before it hands over the final response, and before `invite()`
        // rejects when the INVITE never left (no microphone): let `fail` run first, so the
        // reason shown is the real one, reported once.
        if (this.answered || this.session instanceof Invitation)
          queueMicrotask(() => this.onTerminated());
        else setTimeout(() => this.onTerminated(), 0);
      }
    });
  }

  get id(): string {
    return this.state.id;
  }

  get view(): CallView {
    return this.state;
  }

  /** Not yet ended or failed. */
  get live(): boolean {
    return this.state.state !== 'ended' && this.state.state !== 'failed';
  }

  get ringingIn(): boolean {
    return this.session instanceof Invitation && this.session.state === SessionState.Initial;
  }

  get remoteStream(): MediaStream | undefined {
    return this.handler()?.remoteMediaStream;
  }

  /** Sends the INVITE of an outgoing call. */
  invite(): void {
    if (!(this.session instanceof Inviter)) return;
    this.session
      .invite({
        requestDelegate: {
          onProgress: (response) => {
            const code = response.message.statusCode;
            if (code === 180 || code === 183) this.update({ state: 'ringing' });
          },
          onAccept: () => {
            this.answered = true;
          },
          onReject: (response) => {
            this.answered = true;
            this.fail(response);
          },
        },
      })
      .catch((cause: unknown) => this.fail(undefined, cause));
  }

  async answer(): Promise<void> {
    if (!(this.session instanceof Invitation) || !this.ringingIn) throw new AppError('errorNoCall');
    await this.session.accept({
      sessionDescriptionHandlerOptions: { constraints: this.context.mediaConstraints() },
    });
  }

  /** 486 Busy Here by default, or 603 Decline. */
  async decline(statusCode: 486 | 603 = 486): Promise<void> {
    if (!(this.session instanceof Invitation) || !this.ringingIn) throw new AppError('errorNoCall');
    this.update({ declined: true });
    await this.session.reject({ statusCode });
  }

  /** Ends the call whatever its state (cancel, reject or BYE). */
  async hangup(): Promise<void> {
    const session = this.session;
    switch (session.state) {
      case SessionState.Initial:
      case SessionState.Establishing:
        if (session instanceof Inviter) {
          this.cancelledByAgent = true;
          await session.cancel();
        } else if (session instanceof Invitation) {
          await this.decline();
        }
        break;
      case SessionState.Established:
        await session.bye();
        break;
      default:
        break;
    }
  }

  /** Mutes by disabling the microphone track: the far end hears silence, nothing renegotiates. */
  setMuted(muted: boolean): void {
    const peerConnection = this.handler()?.peerConnection;
    if (!peerConnection || !this.live) throw new AppError('errorNoCall');
    for (const sender of peerConnection.getSenders()) {
      if (sender.track?.kind === 'audio') sender.track.enabled = !muted && !this.state.held;
    }
    this.update({ muted });
  }

  /** Hold / resume by re-INVITE (sendonly / sendrecv), as uContact's Asterisk expects. */
  async setHeld(held: boolean): Promise<void> {
    const session = this.session;
    if (session.state !== SessionState.Established) throw new AppError('errorNoCall');
    if (this.state.held === held) return;
    session.sessionDescriptionHandlerOptionsReInvite = { hold: held } as object;
    await new Promise<void>((resolve, reject) => {
      session
        .invite({
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: () => reject(new AppError('errorHoldFailed')),
          },
        })
        .catch((cause: unknown) => reject(new AppError('errorHoldFailed', [], { cause })));
    });
    this.update({ held, state: held ? 'held' : 'established' });
    if (!held && this.state.muted) this.setMuted(true);
  }

  /** Sends DTMF the way the account asks: RTP telephone-event (RFC 2833) or SIP INFO. */
  async sendDtmf(digits: string): Promise<void> {
    assertDtmfDigits(digits);
    const session = this.session;
    if (session.state !== SessionState.Established) throw new AppError('errorNoCall');
    if (this.context.dtmfMode.toLowerCase() === 'info') {
      for (const digit of digits) {
        await session.info({
          requestOptions: {
            body: {
              contentDisposition: 'render',
              contentType: 'application/dtmf-relay',
              content: `Signal=${digit}\r\nDuration=160`,
            },
          },
        });
      }
      return;
    }
    if (!this.handler()?.sendDtmf(digits, { duration: 160, interToneGap: 70 })) {
      throw new AppError('errorDtmfInvalid');
    }
  }

  /**
   * Blind transfer: a SIP REFER to `target` (then our leg ends), or uContact's Asterisk feature
   * code `##target` as DTMF, where the PBX moves the call and ends our leg itself.
   */
  async transfer(target: string, mode: TransferMode): Promise<void> {
    assertDialString(target);
    const session = this.session;
    if (session.state !== SessionState.Established) throw new AppError('errorNoCall');
    if (mode === 'dtmf') {
      await this.sendDtmf(`##${target}`);
      this.update({ transferredTo: target });
      return;
    }
    const uri = UserAgent.makeURI(`sip:${target}@${this.context.domain}`);
    if (!uri) throw new AppError('errorDialInvalid');
    await new Promise<void>((resolve, reject) => {
      session
        .refer(uri, {
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (response) =>
              reject(new AppError('errorTransferFailed', [statusText(response.message)])),
          },
        })
        .catch((cause: unknown) =>
          reject(new AppError('errorTransferFailed', [String(cause)], { cause })),
        );
    });
    this.update({ transferredTo: target });
    await session
      .bye()
      .catch((cause: unknown) => this.context.log(`bye after transfer: ${String(cause)}`));
  }

  /** Microphone swap mid-call: the track is replaced, nothing renegotiates. */
  async replaceMicrophone(constraints: MediaTrackConstraints | true): Promise<void> {
    const handler = this.handler();
    const sender = handler?.peerConnection
      ?.getTransceivers()
      // By what it receives: a detached sender (see `detachMicrophone`) has no track to tell.
      .find((transceiver) => transceiver.receiver.track.kind === 'audio')?.sender;
    if (!handler || !sender || !this.live) return;
    const stream = await this.context.captureMicrophone({ audio: constraints, video: false });
    const [track] = stream.getAudioTracks();
    if (!track) return;
    track.enabled = !this.state.muted && !this.state.held;
    const previous = sender.track;
    await sender.replaceTrack(track);
    handler.localMediaStream.addTrack(track);
    if (previous) {
      handler.localMediaStream.removeTrack(previous);
      previous.stop();
    }
  }

  /**
   * Lets go of the microphone track at once, because its source is going away and its objects
   * die with it (Firefox's microphone page closing). The call stays up, silent, until
   * `replaceMicrophone` gives it a new track.
   */
  detachMicrophone(): void {
    const handler = this.handler();
    const peerConnection = handler?.peerConnection;
    if (!handler || !peerConnection) return;
    for (const transceiver of peerConnection.getTransceivers()) {
      const track = transceiver.sender.track;
      if (track?.kind !== 'audio') continue;
      const direction = transceiver.direction;
      peerConnection.removeTrack(transceiver.sender);
      // removeTrack also turns the transceiver to recvonly, and sip.js would offer that on the
      // next re-INVITE (hold, resume): keep what was negotiated.
      transceiver.direction = direction;
      handler.localMediaStream.removeTrack(track);
    }
  }

  /** RTP counters, from WebRTC's own statistics. */
  async stats(): Promise<AudioStats | null> {
    const peerConnection = this.handler()?.peerConnection;
    if (!peerConnection) return null;
    const report = await peerConnection.getStats();
    const stats: AudioStats = {
      inboundBytes: 0,
      outboundBytes: 0,
      inboundPackets: 0,
      outboundPackets: 0,
    };
    report.forEach((entry: Record<string, unknown>) => {
      if (entry.kind !== 'audio' && entry.type !== 'media-source') return;
      if (entry.type === 'inbound-rtp') {
        stats.inboundBytes += Number(entry.bytesReceived ?? 0);
        stats.inboundPackets += Number(entry.packetsReceived ?? 0);
        if (typeof entry.audioLevel === 'number') stats.inboundLevel = entry.audioLevel;
      } else if (entry.type === 'outbound-rtp') {
        stats.outboundBytes += Number(entry.bytesSent ?? 0);
        stats.outboundPackets += Number(entry.packetsSent ?? 0);
      } else if (entry.type === 'media-source' && typeof entry.audioLevel === 'number') {
        stats.outboundLevel = entry.audioLevel;
      }
    });
    return stats;
  }

  /** Ends the view of a call whose INVITE never left (no microphone, say). */
  fail(response?: Core.IncomingResponse, cause?: unknown): void {
    if (!this.live) return;
    const message = response?.message;
    if (message?.statusCode === 487 && this.cancelledByAgent) {
      // The agent hung up while it rang: an ended call, not a rejection.
      this.update({ state: 'ended', endedAt: Date.now() });
      return;
    }
    const error: ErrorInfo = message
      ? {
          key: 'errorCallRejected',
          substitutions: [statusText(message)],
        }
      : cause instanceof AppError
        ? cause.toInfo()
        : cause instanceof Error &&
            /getUserMedia|NotAllowed|Permission|NotFound/i.test(`${cause.name} ${cause.message}`)
          ? { key: 'errorMicrophone', substitutions: [] }
          : { key: 'errorCallFailed', substitutions: [] };
    if (cause) this.context.log(`call failed: ${String(cause)}`);
    this.failed = true;
    this.update({ state: 'failed', endedAt: Date.now(), error });
  }

  private onTerminated(): void {
    if (!this.live || this.failed) return;
    const completed = !!this.state.connectedAt || this.cancelledByAgent || !!this.state.declined;
    this.update({
      state: completed ? 'ended' : 'failed',
      endedAt: Date.now(),
      ...(completed ? {} : { error: this.state.error ?? NOT_ANSWERED }),
    });
  }

  private update(patch: Partial<CallView>): void {
    this.state = { ...this.state, ...patch };
    this.context.onChange(this);
  }

  private handler(): Web.SessionDescriptionHandler | undefined {
    return this.session.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
  }
}
