import {
  Invitation,
  Inviter,
  Registerer,
  RegistererState,
  RequestPendingError,
  SessionState,
  UserAgent,
  Web,
  type Core,
  type LogLevel,
} from 'sip.js';
import { AppError, type ErrorInfo } from '../errors';
import { untrustedName, untrustedNumber } from '../untrusted-text';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';
import { assertDtmfDigits, Call, type TransferMode } from './call';
import { MediaWarmup, WARM_IDLE_MS } from './media-warmup';
import type { PhoneDelegate } from './phone-delegate';
import type { PhoneOptions } from './phone-options';
import type { AudioStats, CallView, CampaignLeg, RegistrationView } from './phone-state';
import { assertDialString } from './sip-target';
import { warmSessionDescriptionHandlerFactory } from './warm-session-description-handler';

/** Registrar answers that mean "these credentials will never work": retrying would only hammer it. */
const AUTH_FAILURES = new Set([401, 403, 404, 407]);
const EXTENSION_DIGITS = /^[0-9]{1,15}$/;
/** IVRs and PBX auto-attendants ignore digits sent before their greeting starts. */
const EXTENSION_DELAY_MS = 1_500;
const UNREGISTER_WAIT_MS = 2_000;
const STOP_WAIT_MS = 500;
const DEFAULT_EXPIRES = 600;
/** A short pause before auto-answering, so the agent hears the beep before the caller speaks. */
const AUTO_ANSWER_DELAY_MS = 400;
/** How many calls an agent juggles at once: one in front, one held or waiting. */
const MAX_LIVE_CALLS = 2;
/** The outer bound on ICE gathering (no host candidate at all); `GatheringBound` ends it sooner. */
const ICE_GATHERING_TIMEOUT_MS = 1_000;

/**
 * One agent's SIP phone: registration that survives network trouble, and calls with real audio:
 * one in front, plus one held or waiting. Wraps sip.js; knows nothing of extension APIs (the
 * phone host wires it up).
 */
export class Phone {
  private readonly userAgent: UserAgent;
  private registerer: Registerer;
  private registration: RegistrationView = { state: 'unregistered' };
  /** Live calls, oldest first. */
  private calls: Call[] = [];
  /** The call in front (live), or the last one that ended, for the agent to see. */
  private front: Call | undefined;
  private running = false;
  private registering = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private callCounter = 0;
  /** The campaign call whose first leg uContact is about to ring us with (see `expectCampaignLeg`). */
  private campaignLeg: CampaignLeg | undefined;
  /** The microphone and a peer connection made ready on the agent's intent (`prepare`). */
  private readonly warmup: MediaWarmup;

  constructor(
    private options: PhoneOptions,
    private readonly delegate: PhoneDelegate = {},
  ) {
    const uri = UserAgent.makeURI(`sip:${options.extension}@${options.domain}`);
    if (!uri) throw new AppError('errorSipConfig');
    const configuration: RTCConfiguration = {
      ...Web.defaultPeerConnectionConfiguration(),
      iceServers: options.iceServers,
    };
    this.warmup = new MediaWarmup({
      capture: (constraints) => this.captureMicrophone(constraints),
      createPeerConnection: () =>
        typeof RTCPeerConnection === 'function'
          ? new RTCPeerConnection({ ...configuration, iceCandidatePoolSize: 1 })
          : undefined,
      idleMs: options.warmIdleMs ?? WARM_IDLE_MS,
      log: (message) => options.log?.('warn', 'media', message),
    });
    this.userAgent = new UserAgent({
      uri,
      // sip.js writes it between quotes, unescaped, into every From header: cleaned here last.
      displayName: untrustedName(options.displayName) || undefined,
      authorizationUsername: options.extension,
      ...(options.auth.kind === 'ha1'
        ? { authorizationHa1: options.auth.value }
        : { authorizationPassword: options.auth.value }),
      transportOptions: { server: options.server, connectionTimeout: 10, keepAliveInterval: 30 },
      ...(options.transportConstructor
        ? { transportConstructor: options.transportConstructor }
        : {}),
      contactName: options.contactName,
      instanceId: options.instanceId,
      viaHost: `${options.contactName}.invalid`,
      sessionDescriptionHandlerFactory: warmSessionDescriptionHandlerFactory({
        warmup: this.warmup,
        capture: (constraints) => this.captureMicrophone(constraints),
        configuration,
        iceGatheringTimeout: ICE_GATHERING_TIMEOUT_MS,
      }),
      // Reconnection is driven here, with backoff and jitter, not by sip.js's fixed delay.
      reconnectionAttempts: 0,
      logBuiltinEnabled: false,
      logLevel: 'warn',
      // sip.js logs its configuration (the HA1 included) unless told not to.
      logConfiguration: false,
      logConnector: (
        level: LogLevel,
        category: string,
        _label: string | undefined,
        content: string,
      ) => {
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
    return this.front?.view ?? null;
  }

  /** Live calls other than the one in front. */
  get otherCallViews(): CallView[] {
    return this.calls.filter((call) => call !== this.front).map((call) => call.view);
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
    this.warmup.release();
    await Promise.all(this.calls.map((call) => call.hangup().catch(() => undefined)));
    if (this.registerer.state === RegistererState.Registered && this.userAgent.isConnected()) {
      await this.unregister();
    }
    // sip.js's dispose waits for any unanswered REGISTER (up to 32 s): never hold a logout for that.
    void this.registerer.dispose().catch(() => undefined);
    await withTimeout(
      this.userAgent.stop().catch(() => undefined),
      STOP_WAIT_MS,
    );
    this.setRegistration({ state: 'unregistered' });
  }

  /** The network is back: retry now instead of waiting out the backoff. */
  retryNow(): void {
    if (
      !this.running ||
      this.registration.state === 'registered' ||
      this.registration.state === 'error'
    ) {
      return;
    }
    this.attempt = 0;
    clearTimeout(this.retryTimer);
    void this.reconnect();
  }

  /**
   * The agent is about to call (pointer on a call button, the dial pad open): capture the
   * microphone and gather candidates now, so the click's INVITE waits for neither. Released after
   * a short idle time without a call. Nothing while not registered or already on a call.
   */
  prepare(): void {
    if (this.registration.state !== 'registered' || this.calls.length > 0) return;
    this.warmup.prepare(this.mediaConstraints());
  }

  /**
   * Places a call to a sanitized dial string. An `extension` (digits) is sent as DTMF once the
   * far end answers, the way an agent would key it in.
   */
  async dial(dial: string, name = '', extension = ''): Promise<CallView> {
    assertDialString(dial);
    if (extension && !EXTENSION_DIGITS.test(extension)) throw new AppError('errorExtensionInvalid');
    if (this.registration.state !== 'registered') throw new AppError('errorPhoneNotReady');
    if (this.calls.length > 0) throw new AppError('errorAlreadyInCall');
    const target = UserAgent.makeURI(`sip:${dial}@${this.options.domain}`);
    if (!target) throw new AppError('errorDialInvalid');

    const inviter = new Inviter(this.userAgent, target, {
      sessionDescriptionHandlerOptions: { constraints: this.mediaConstraints() },
      earlyMedia: true,
    });
    const call = this.track(
      new Call(
        inviter,
        { id: this.nextId(), direction: 'outgoing', number: dial, name: untrustedName(name) },
        this.callContext(),
      ),
    );
    if (extension) this.sendExtensionWhenAnswered(call, extension);
    call.invite();
    return call.view;
  }

  /**
   * Answers a ringing incoming call (by default the one ringing). A call already in progress is
   * put on hold first: call waiting.
   */
  async answer(callId?: string): Promise<void> {
    const call = this.find(callId, (candidate) => candidate.ringingIn);
    const others = this.calls.filter(
      (other) => other !== call && other.view.state === 'established',
    );
    for (const other of others) await other.setHeld(true);
    this.front = call;
    this.emitCalls();
    await call.answer();
  }

  /** Declines a ringing incoming call (486 Busy Here by default, or 603 Decline). */
  async decline(statusCode: 486 | 603 = 486, callId?: string): Promise<void> {
    await this.find(callId, (candidate) => candidate.ringingIn).decline(statusCode);
  }

  /** Ends a call (by default the one in front) whatever its state. */
  async hangup(callId?: string): Promise<void> {
    const call = callId
      ? this.calls.find((candidate) => candidate.id === callId)
      : this.liveFront();
    await call?.hangup();
  }

  setMuted(muted: boolean): void {
    this.find(undefined).setMuted(muted);
  }

  /**
   * Hold / resume the call in front, or bring a held call to the front (`callId`), holding the
   * one that was there.
   */
  async setHeld(held: boolean, callId?: string): Promise<void> {
    const call = this.find(callId);
    if (!held) {
      for (const other of this.calls) {
        if (other !== call && other.view.state === 'established') await other.setHeld(true);
      }
      this.front = call;
      this.emitCalls();
    }
    await call.setHeld(held);
  }

  async sendDtmf(digits: string): Promise<void> {
    assertDtmfDigits(digits);
    await this.find(undefined).sendDtmf(digits);
  }

  /**
   * The next call that asks for auto-answer is this campaign call's first leg: it is answered
   * without a click whatever the auto-answer setting, and shown as the outgoing call to the
   * destination. Null: no campaign call is pending any more (it failed or timed out).
   */
  expectCampaignLeg(leg: CampaignLeg | null): void {
    this.campaignLeg = leg ?? undefined;
  }

  /** Changes whether calls that ask for it are answered automatically. */
  setAutoAnswer(enabled: boolean): void {
    this.options.autoAnswer = enabled;
  }

  /** Blind transfer of the call in front: SIP REFER, or uContact's `##target` DTMF code. */
  async transfer(target: string, mode: TransferMode): Promise<void> {
    await this.find(undefined).transfer(target, mode);
  }

  /** Microphone for the next call (and a live one: its track is replaced, no renegotiation). */
  async setAudioInput(constraints: MediaTrackConstraints | true): Promise<void> {
    this.options.audioConstraints = constraints;
    this.warmup.release();
    await Promise.all(this.calls.map((call) => call.replaceMicrophone(constraints)));
  }

  /**
   * The microphone's source is going away (Firefox's microphone page closing): every call drops
   * its track now, synchronously, and stays up silent until `setAudioInput` brings one back.
   */
  detachMicrophone(): void {
    this.warmup.release();
    for (const call of this.calls) call.detachMicrophone();
  }

  /** Gives live calls a microphone track again (after `detachMicrophone`). */
  async restoreMicrophone(): Promise<void> {
    await this.setAudioInput(this.options.audioConstraints ?? true);
  }

  /** RTP counters of the call in front, from WebRTC's own statistics. */
  async stats(): Promise<AudioStats | null> {
    return (await this.liveFront()?.stats()) ?? null;
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
      this.setRegistration({
        state: 'error',
        error: { key: 'errorSipAuth', substitutions: [String(code)] },
      });
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
      delayMs ??
      backoffDelay(this.attempt, this.options.backoff ?? DEFAULT_BACKOFF, this.options.random);
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
    const ringing = this.calls.some((call) => call.ringingIn);
    if (this.calls.length >= MAX_LIVE_CALLS || ringing) {
      // Hands full: a caller hears busy rather than silence.
      void invitation.reject({ statusCode: 486 });
      return;
    }
    // A ringing call is intent too: answering it then needs no capture and no gathering.
    if (this.calls.length === 0) this.warmup.prepare(this.mediaConstraints());
    const leg = this.campaignLeg;
    if (leg && this.calls.length === 0 && isAutoAnswerRequest(invitation.request)) {
      this.takeCampaignLeg(invitation, leg);
      return;
    }
    // The caller's name and number are whatever the INVITE said: data, cleaned before anyone
    // (popup, notification, history, screen-pop) sees them.
    const identity = invitation.remoteIdentity;
    const autoAnswer =
      !!this.options.autoAnswer &&
      this.calls.length === 0 &&
      isAutoAnswerRequest(invitation.request);
    const call = this.track(
      new Call(
        invitation,
        {
          id: this.nextId(),
          direction: 'incoming',
          number: untrustedNumber(identity.uri.user),
          name: untrustedName(identity.displayName),
          autoAnswer,
        },
        this.callContext(),
      ),
    );
    if (autoAnswer) {
      setTimeout(() => {
        if (call.ringingIn)
          this.answer(call.id).catch((cause: unknown) => call.fail(undefined, cause));
      }, AUTO_ANSWER_DELAY_MS);
    }
  }

  /**
   * The agent clicked to call: answer at once and show the destination. Answered without a click
   * (`autoAnswer`), so the phone host beeps and the background's notification names the number.
   */
  private takeCampaignLeg(invitation: Invitation, leg: CampaignLeg): void {
    this.campaignLeg = undefined;
    const call = this.track(
      new Call(
        invitation,
        {
          id: this.nextId(),
          direction: 'outgoing',
          number: leg.number,
          name: untrustedName(leg.display),
          autoAnswer: true,
          campaign: leg,
        },
        this.callContext(),
      ),
    );
    this.answer(call.id).catch((cause: unknown) => call.fail(undefined, cause));
  }

  /** Adds a call; with no other live call it takes the front. */
  private track(call: Call): Call {
    this.calls.push(call);
    if (!this.liveFront()) this.front = call;
    this.emitCalls();
    return call;
  }

  private callContext() {
    return {
      domain: this.options.domain,
      dtmfMode: this.options.dtmfMode,
      mediaConstraints: () => this.mediaConstraints(),
      captureMicrophone: (constraints: MediaStreamConstraints) =>
        this.captureMicrophone(constraints),
      log: (message: string) => this.options.log?.('warn', 'call', message),
      onChange: (call: Call) => this.onCallChanged(call),
    };
  }

  private onCallChanged(call: Call): void {
    if (!call.live && this.calls.includes(call)) this.delegate.onCallEnded?.(call.view);
    if (!call.live) {
      this.calls = this.calls.filter((candidate) => candidate !== call);
      // The held (or waiting) call comes to the front; the agent resumes or answers it.
      if (this.front === call && this.calls.length > 0) this.front = this.calls[0];
    }
    if (this.front === call || this.front?.live === false || !this.front) this.syncRemoteAudio();
    this.emitCalls();
  }

  private emitCalls(): void {
    this.syncRemoteAudio();
    this.delegate.onCallChange?.(this.callView);
  }

  private liveFront(): Call | undefined {
    return this.front?.live ? this.front : undefined;
  }

  /** The call a command is for: `callId`, else the live call in front (or the first matching `test`). */
  private find(callId: string | undefined, test?: (call: Call) => boolean): Call {
    const call = callId
      ? this.calls.find((candidate) => candidate.id === callId)
      : test
        ? (this.calls.find((candidate) => candidate === this.front && test(candidate)) ??
          this.calls.find(test))
        : this.liveFront();
    if (!call || (test && !test(call))) throw new AppError('errorNoCall');
    return call;
  }

  private nextId(): string {
    this.callCounter += 1;
    return `${Date.now().toString(36)}-${this.callCounter}`;
  }

  private sendExtensionWhenAnswered(call: Call, extension: string): void {
    const listener = (state: SessionState) => {
      if (state !== SessionState.Established) return;
      call.session.stateChange.removeListener(listener);
      setTimeout(() => {
        if (!call.live) return;
        call
          .sendDtmf(extension)
          .catch((cause: unknown) =>
            this.options.log?.('warn', 'phone', `extension DTMF: ${String(cause)}`),
          );
      }, EXTENSION_DELAY_MS);
    };
    call.session.stateChange.addListener(listener);
  }

  private captureMicrophone(constraints: MediaStreamConstraints): Promise<MediaStream> {
    return this.options.captureMicrophone
      ? this.options.captureMicrophone(constraints)
      : navigator.mediaDevices.getUserMedia(constraints);
  }

  private mediaConstraints(): MediaStreamConstraints {
    return { audio: this.options.audioConstraints ?? true, video: false };
  }

  /** Remote audio plays the call in front, once it has media (early media while ringing too). */
  private syncRemoteAudio(): void {
    const audio = this.options.remoteAudio;
    if (!audio) return;
    const stream = this.liveFront()?.remoteStream;
    if (!stream || stream.getAudioTracks().length === 0) {
      if (audio.srcObject) {
        audio.pause();
        audio.srcObject = null;
      }
      return;
    }
    if (audio.srcObject !== stream) audio.srcObject = stream;
    if (audio.paused) {
      audio
        .play()
        .catch((cause: unknown) => this.options.log?.('warn', 'phone', `audio: ${String(cause)}`));
    }
  }
}

/**
 * uContact's two-step click-to-call rings the agent first with `P-Auto-Answer: normal`; other
 * PBXs say the same with `Call-Info: ...;answer-after=0` or `Alert-Info: ...auto-answer`.
 */
function isAutoAnswerRequest(request: { getHeader(name: string): string | undefined }): boolean {
  const autoAnswer = request.getHeader('P-Auto-Answer') ?? '';
  const callInfo = request.getHeader('Call-Info') ?? '';
  const alertInfo = request.getHeader('Alert-Info') ?? '';
  return (
    /\bnormal\b/i.test(autoAnswer) ||
    /answer-after\s*=\s*0\b/i.test(callInfo) ||
    /auto[-_ ]?answer/i.test(alertInfo)
  );
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
