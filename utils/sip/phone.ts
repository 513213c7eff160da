import {
  Invitation,
  Inviter,
  Registerer,
  RegistererState,
  RequestPendingError,
  Session,
  SessionState,
  UserAgent,
  type Core,
  type LogLevel,
  type Web,
} from 'sip.js';
import { AppError, type ErrorInfo } from '../errors';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';
import type { PhoneDelegate } from './phone-delegate';
import type { PhoneOptions } from './phone-options';
import type { AudioStats, CallView, RegistrationView } from './phone-state';
import { assertDialString } from './sip-target';

/** Registrar answers that mean "these credentials will never work": retrying would only hammer it. */
const AUTH_FAILURES = new Set([401, 403, 404, 407]);
const DTMF_DIGITS = /^[0-9*#A-D]{1,32}$/;
const EXTENSION_DIGITS = /^[0-9]{1,15}$/;
/** IVRs and PBX auto-attendants ignore digits sent before their greeting starts. */
const EXTENSION_DELAY_MS = 1_500;
const UNREGISTER_WAIT_MS = 2_000;
const STOP_WAIT_MS = 500;
const DEFAULT_EXPIRES = 600;
const NOT_ANSWERED: ErrorInfo = { key: 'errorCallNotAnswered', substitutions: [] };

/**
 * One agent's SIP phone: registration that survives network trouble, and one call at a time with
 * real audio. Wraps sip.js; knows nothing of extension APIs (the phone host wires it up).
 */
export class Phone {
  private readonly userAgent: UserAgent;
  private registerer: Registerer;
  private cancelledCallId: string | undefined;
  private registration: RegistrationView = { state: 'unregistered' };
  private current: CallView | null = null;
  private session: Session | undefined;
  private running = false;
  private registering = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private callCounter = 0;

  constructor(
    private options: PhoneOptions,
    private readonly delegate: PhoneDelegate = {},
  ) {
    const uri = UserAgent.makeURI(`sip:${options.extension}@${options.domain}`);
    if (!uri) throw new AppError('errorSipConfig');
    this.userAgent = new UserAgent({
      uri,
      displayName: options.displayName,
      authorizationUsername: options.extension,
      ...(options.auth.kind === 'ha1'
        ? { authorizationHa1: options.auth.value }
        : { authorizationPassword: options.auth.value }),
      transportOptions: { server: options.server, connectionTimeout: 10, keepAliveInterval: 30 },
      ...(options.transportConstructor ? { transportConstructor: options.transportConstructor } : {}),
      contactName: options.contactName,
      instanceId: options.instanceId,
      viaHost: `${options.contactName}.invalid`,
      sessionDescriptionHandlerFactoryOptions: {
        peerConnectionConfiguration: { iceServers: options.iceServers },
        iceGatheringTimeout: 1_000,
      },
      // Reconnection is driven here, with backoff and jitter, not by sip.js's fixed delay.
      reconnectionAttempts: 0,
      logBuiltinEnabled: false,
      logLevel: 'warn',
      // sip.js logs its configuration (the HA1 included) unless told not to.
      logConfiguration: false,
      logConnector: (level: LogLevel, category: string, _label: string | undefined, content: string) => {
        if (level === 'warn' || level === 'error') options.log?.(level, category, content);
      },
      userAgentString: options.userAgentString,
      delegate: {
        onDisconnect: (error) => this.onDisconnect(error),
        onInvite: (invitation) => this.onInvite(invitation),
      },
    });
    this.registerer = this.createRegisterer();
  }

  private createRegisterer(): Registerer {
    const registerer = new Registerer(this.userAgent, {
      expires: this.options.registerExpires ?? DEFAULT_EXPIRES,
      logConfiguration: false,
    });
    // Events of a registerer replaced after a lost connection no longer speak for the phone.
    registerer.stateChange.addListener((state) => {
      if (registerer === this.registerer) this.onRegistererState(state);
    });
    return registerer;
  }

  get registrationView(): RegistrationView {
    return this.registration;
  }

  get callView(): CallView | null {
    return this.current;
  }

  /** Connects and registers; retries on its own until `stop()`. Safe to call twice. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    this.setRegistration({ state: 'connecting' });
    try {
      await this.userAgent.start();
    } catch (cause) {
      this.scheduleRetry({ key: 'errorSipConnection', substitutions: [] }, undefined, cause);
      return;
    }
    this.register();
  }

  /** Hangs up, unregisters (Expires: 0) and disconnects. The phone cannot be started again. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.retryTimer);
    await this.hangup().catch(() => undefined);
    if (this.registerer.state === RegistererState.Registered && this.userAgent.isConnected()) {
      await this.unregister();
    }
    // sip.js's dispose waits for any unanswered REGISTER (up to 32 s): never hold a logout for that.
    void this.registerer.dispose().catch(() => undefined);
    await withTimeout(this.userAgent.stop().catch(() => undefined), STOP_WAIT_MS);
    this.setRegistration({ state: 'unregistered' });
  }

  /** The network is back: retry now instead of waiting out the backoff. */
  retryNow(): void {
    if (!this.running || this.registration.state === 'registered' || this.registration.state === 'error') {
      return;
    }
    this.attempt = 0;
    clearTimeout(this.retryTimer);
    void this.reconnect();
  }

  /**
   * Places a call to a sanitized dial string. An `extension` (digits) is sent as DTMF once the
   * far end answers, the way an agent would key it in.
   */
  async dial(dial: string, name = '', extension = ''): Promise<CallView> {
    assertDialString(dial);
    if (extension && !EXTENSION_DIGITS.test(extension)) throw new AppError('errorExtensionInvalid');
    if (this.registration.state !== 'registered') throw new AppError('errorPhoneNotReady');
    if (this.session) throw new AppError('errorAlreadyInCall');
    const target = UserAgent.makeURI(`sip:${dial}@${this.options.domain}`);
    if (!target) throw new AppError('errorDialInvalid');

    const inviter = new Inviter(this.userAgent, target, {
      sessionDescriptionHandlerOptions: { constraints: this.mediaConstraints() },
      earlyMedia: true,
    });
    const call = this.track(inviter, 'outgoing', dial, name);
    if (extension) this.sendExtensionWhenAnswered(inviter, call.id, extension);
    inviter
      .invite({
        requestDelegate: {
          onProgress: (response) => {
            if (response.message.statusCode === 180 || response.message.statusCode === 183) {
              this.updateCall(call.id, { state: 'ringing' });
              this.playRemoteAudio();
            }
          },
          onReject: (response) => this.failCall(call.id, response),
        },
      })
      .catch((cause: unknown) => this.failCall(call.id, undefined, cause));
    return call;
  }

  /** Answers the ringing incoming call. */
  async answer(): Promise<void> {
    const session = this.session;
    if (!(session instanceof Invitation) || session.state !== SessionState.Initial) {
      throw new AppError('errorNoCall');
    }
    await session.accept({
      sessionDescriptionHandlerOptions: { constraints: this.mediaConstraints() },
    });
  }

  /** Declines the ringing incoming call (486 Busy Here by default, or 603 Decline). */
  async decline(statusCode: 486 | 603 = 486): Promise<void> {
    const session = this.session;
    if (!(session instanceof Invitation) || session.state !== SessionState.Initial) {
      throw new AppError('errorNoCall');
    }
    await session.reject({ statusCode });
  }

  /** Ends the current call whatever its state (cancel, reject or BYE). */
  async hangup(): Promise<void> {
    const session = this.session;
    if (!session) return;
    switch (session.state) {
      case SessionState.Initial:
      case SessionState.Establishing:
        if (session instanceof Inviter) {
          this.cancelledCallId = this.current?.id;
          await session.cancel();
        }
        else if (session instanceof Invitation) await session.reject();
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
    const call = this.current;
    const handler = this.handler();
    if (!call || !handler?.peerConnection) throw new AppError('errorNoCall');
    for (const sender of handler.peerConnection.getSenders()) {
      if (sender.track?.kind === 'audio') sender.track.enabled = !muted && !call.held;
    }
    this.updateCall(call.id, { muted });
  }

  /** Hold / resume by re-INVITE (sendonly / sendrecv), as uContact's Asterisk expects. */
  async setHeld(held: boolean): Promise<void> {
    const session = this.session;
    const call = this.current;
    if (!session || !call || session.state !== SessionState.Established) throw new AppError('errorNoCall');
    if (call.held === held) return;
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
    this.updateCall(call.id, { held, state: held ? 'held' : 'established' });
    if (!held && call.muted) this.setMuted(true);
  }

  /** Sends DTMF the way the account asks: RTP telephone-event (RFC 2833) or SIP INFO. */
  async sendDtmf(digits: string): Promise<void> {
    const session = this.session;
    if (!DTMF_DIGITS.test(digits)) throw new AppError('errorDtmfInvalid');
    if (!session || session.state !== SessionState.Established) throw new AppError('errorNoCall');
    if (this.options.dtmfMode.toLowerCase() === 'info') {
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

  /** Microphone for the next call (and a live one: its track is replaced, no renegotiation). */
  async setAudioInput(constraints: MediaTrackConstraints | true): Promise<void> {
    this.options.audioConstraints = constraints;
    const peerConnection = this.handler()?.peerConnection;
    const sender = peerConnection?.getSenders().find((candidate) => candidate.track?.kind === 'audio');
    if (!sender) return;
    const stream = await navigator.mediaDevices.getUserMedia({ audio: constraints, video: false });
    const [track] = stream.getAudioTracks();
    if (!track) return;
    track.enabled = !this.current?.muted && !this.current?.held;
    const previous = sender.track;
    await sender.replaceTrack(track);
    previous?.stop();
  }

  /** RTP counters of the current call, from WebRTC's own statistics. */
  async stats(): Promise<AudioStats | null> {
    const peerConnection = this.handler()?.peerConnection;
    if (!peerConnection) return null;
    const report = await peerConnection.getStats();
    const stats: AudioStats = { inboundBytes: 0, outboundBytes: 0, inboundPackets: 0, outboundPackets: 0 };
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

  // ---- registration ----

  private register(): void {
    if (!this.running) return;
    this.registering = true;
    this.registerer
      .register({
        requestDelegate: {
          onAccept: () => {
            this.registering = false;
            this.attempt = 0;
            this.setRegistration({ state: 'registered' });
          },
          onReject: (response) => {
            this.registering = false;
            this.onRegisterRejected(response);
          },
        },
      })
      .catch((cause: unknown) => {
        // A REGISTER is already on its way (a retry raced it): its answer decides, not this call.
        if (cause instanceof RequestPendingError) return;
        this.registering = false;
        this.scheduleRetry({ key: 'errorSipConnection', substitutions: [] }, undefined, cause);
      });
  }

  private onRegisterRejected(response: Core.IncomingResponse): void {
    const code = response.message.statusCode ?? 0;
    if (AUTH_FAILURES.has(code)) {
      // Wrong credentials do not get better by retrying; the agent must log in again.
      clearTimeout(this.retryTimer);
      this.setRegistration({ state: 'error', error: { key: 'errorSipAuth', substitutions: [String(code)] } });
      return;
    }
    const retryAfter = this.registerer.retryAfter;
    this.scheduleRetry(
      { key: 'errorSipUnavailable', substitutions: [String(code)] },
      retryAfter ? retryAfter * 1_000 : undefined,
    );
  }

  /** sip.js refreshes the binding by itself; a refresh that fails lands here. */
  private onRegistererState(state: RegistererState): void {
    if (state === RegistererState.Registered) {
      this.attempt = 0;
      this.setRegistration({ state: 'registered' });
    } else if (state === RegistererState.Unregistered && this.running && !this.registering) {
      // Set only for 500/503 answers, and only while this state change is being emitted.
      const retryAfter = this.registerer.retryAfter;
      this.scheduleRetry(
        { key: 'errorSipConnection', substitutions: [] },
        retryAfter ? retryAfter * 1_000 : undefined,
      );
    }
  }

  private onDisconnect(error?: Error): void {
    if (!this.running || !error) return;
    if (isWaiting(this.registerer)) {
      // The lost REGISTER would block every new one until its 32 s timeout: start a fresh
      // registerer (same contact, so the registrar replaces the binding) and let the old one lapse.
      const stale = this.registerer;
      this.registerer = this.createRegisterer();
      this.registering = false;
      void stale.dispose().catch(() => undefined);
    }
    this.scheduleRetry({ key: 'errorSipConnection', substitutions: [] }, undefined, error);
  }

  private scheduleRetry(error: ErrorInfo, delayMs?: number, cause?: unknown): void {
    if (!this.running) return;
    if (cause) this.options.log?.('warn', 'phone', `retry after: ${String(cause)}`);
    clearTimeout(this.retryTimer);
    const delay =
      delayMs ?? backoffDelay(this.attempt, this.options.backoff ?? DEFAULT_BACKOFF, this.options.random);
    this.attempt += 1;
    this.setRegistration({ state: 'connecting', error });
    this.delegate.onRetryScheduled?.(delay, this.attempt);
    this.retryTimer = setTimeout(() => void this.reconnect(), delay);
  }

  private async reconnect(): Promise<void> {
    if (!this.running) return;
    if (this.userAgent.isConnected()) {
      this.register();
      return;
    }
    try {
      await this.userAgent.reconnect();
    } catch (cause) {
      this.scheduleRetry({ key: 'errorSipConnection', substitutions: [] }, undefined, cause);
      return;
    }
    this.register();
  }

  private async unregister(): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, UNREGISTER_WAIT_MS);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.registerer
        .unregister({ requestDelegate: { onAccept: done, onReject: done } })
        .catch(done);
    });
  }

  private setRegistration(next: RegistrationView): void {
    const previous = this.registration;
    if (
      previous.state === next.state &&
      previous.error?.key === next.error?.key &&
      previous.error?.substitutions.join() === next.error?.substitutions.join()
    ) {
      return;
    }
    this.registration = next;
    this.delegate.onRegistrationChange?.(next);
  }

  // ---- calls ----

  private onInvite(invitation: Invitation): void {
    if (this.session) {
      // One call at a time for now: a second caller hears busy rather than silence.
      void invitation.reject({ statusCode: 486 });
      return;
    }
    const identity = invitation.remoteIdentity;
    this.track(invitation, 'incoming', identity.uri.user ?? '', identity.displayName ?? '');
  }

  private track(session: Session, direction: CallView['direction'], number: string, name: string): CallView {
    this.callCounter += 1;
    const call: CallView = {
      id: `${Date.now().toString(36)}-${this.callCounter}`,
      direction,
      number,
      name,
      state: direction === 'outgoing' ? 'dialing' : 'ringing',
      muted: false,
      held: false,
      startedAt: Date.now(),
    };
    this.session = session;
    this.current = call;
    this.delegate.onCallChange?.(call);
    session.stateChange.addListener((state) => {
      if (state === SessionState.Established) {
        this.updateCall(call.id, { state: 'established', connectedAt: Date.now() });
        this.playRemoteAudio();
      } else if (state === SessionState.Terminated) {
        if (this.session === session) this.session = undefined;
        this.stopRemoteAudio();
        // sip.js ends the session before it hands us the final response: let `failCall` run first
        // so the reason shown is the real one, reported once.
        queueMicrotask(() => this.onTerminated(call.id));
      }
    });
    return call;
  }

  private sendExtensionWhenAnswered(session: Session, callId: string, extension: string): void {
    const listener = (state: SessionState) => {
      if (state !== SessionState.Established) return;
      session.stateChange.removeListener(listener);
      setTimeout(() => {
        if (this.current?.id !== callId || this.session !== session) return;
        this.sendDtmf(extension).catch((cause: unknown) =>
          this.options.log?.('warn', 'phone', `extension DTMF: ${String(cause)}`),
        );
      }, EXTENSION_DELAY_MS);
    };
    session.stateChange.addListener(listener);
  }

  private onTerminated(id: string): void {
    const view = this.current?.id === id ? this.current : undefined;
    if (!view || view.state === 'failed' || view.state === 'ended') return;
    const byAgent = this.cancelledCallId === id;
    this.updateCall(id, {
      state: view.connectedAt || byAgent ? 'ended' : 'failed',
      endedAt: Date.now(),
      ...(view.connectedAt || byAgent ? {} : { error: view.error ?? NOT_ANSWERED }),
    });
  }

  private failCall(id: string, response?: Core.IncomingResponse, cause?: unknown): void {
    const message = response?.message;
    if (message?.statusCode === 487 && this.cancelledCallId === id) {
      // The agent hung up while it rang: that is an ended call, not a rejection.
      this.updateCall(id, { state: 'ended', endedAt: Date.now() });
      return;
    }
    const error: ErrorInfo = message
      ? { key: 'errorCallRejected', substitutions: [`${message.statusCode} ${message.reasonPhrase}`] }
      : cause instanceof Error && /getUserMedia|NotAllowed|Permission|NotFound/i.test(`${cause.name} ${cause.message}`)
        ? { key: 'errorMicrophone', substitutions: [] }
        : { key: 'errorCallFailed', substitutions: [] };
    if (cause) this.options.log?.('warn', 'phone', `call failed: ${String(cause)}`);
    this.updateCall(id, { state: 'failed', endedAt: Date.now(), error });
    if (!response && this.session && this.current?.id === id) {
      // The INVITE never left (no microphone, say): nothing else will end this session.
      this.session = undefined;
    }
  }

  private updateCall(id: string, patch: Partial<CallView>): void {
    if (!this.current || this.current.id !== id) return;
    this.current = { ...this.current, ...patch };
    this.delegate.onCallChange?.(this.current);
  }

  private handler(): Web.SessionDescriptionHandler | undefined {
    return this.session?.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
  }

  private mediaConstraints(): MediaStreamConstraints {
    return { audio: this.options.audioConstraints ?? true, video: false };
  }

  private playRemoteAudio(): void {
    const audio = this.options.remoteAudio;
    const stream = this.handler()?.remoteMediaStream;
    if (!audio || !stream) return;
    if (audio.srcObject !== stream) audio.srcObject = stream;
    audio.play().catch((cause: unknown) => this.options.log?.('warn', 'phone', `audio: ${String(cause)}`));
  }

  private stopRemoteAudio(): void {
    const audio = this.options.remoteAudio;
    if (!audio) return;
    audio.pause();
    audio.srcObject = null;
  }
}

/** Resolves when `promise` settles or after `ms`, whichever is first. */
function withTimeout(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void promise.finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** sip.js keeps `waiting` private in its types, though it is a plain getter on every Registerer. */
function isWaiting(registerer: Registerer): boolean {
  return (registerer as unknown as { waiting: boolean }).waiting;
}
