import { toErrorInfo } from '../errors';
import type { EndedCall, PhoneConfig, PhoneHostHandlers, Result } from '../messages';
import type { PhoneSettings } from '../settings/settings';
import { microphoneChanged, microphoneConstraints } from '../sip/microphone-constraints';
import { Phone } from '../sip/phone';
import type { CallView, PhoneSnapshot } from '../sip/phone-state';
import type { TonePlayer } from './tones';

export interface PhoneHostOptions {
  /** Every change of registration or call, for the background and any open popup. */
  onSnapshot: (snapshot: PhoneSnapshot) => void;
  /**
   * Every call that finished, in front or not (history, missed-call notices), with the login its
   * phone was started for: a call a stopping phone ends late still says whose it was.
   */
  onCallEnded: (ended: EndedCall) => void;
  /** The element remote audio plays through (it lives as long as the host). */
  remoteAudio: HTMLAudioElement;
  tones: TonePlayer;
  /** The microphone, where the host cannot capture it itself (Firefox: the microphone tab). */
  captureMicrophone?: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  log?: (level: string, category: string, message: string) => void;
}

const IDLE: PhoneSnapshot = {
  sessionId: null,
  registration: { state: 'unregistered' },
  call: null,
  otherCalls: [],
};

/**
 * Runs the agent's `Phone` where WebRTC exists (Chrome: the offscreen document; Firefox: the
 * background page) and answers the background's phone-host requests. Keeps exactly one phone.
 */
export function createPhoneHost(options: PhoneHostOptions): PhoneHostHandlers & {
  snapshot(): PhoneSnapshot;
  /**
   * The microphone's source is going away (Firefox's microphone page closing): calls drop its
   * tracks now, then ask for the microphone again, which brings the page back.
   */
  microphoneGone(): void;
} {
  let phone: Phone | undefined;
  let sessionId: string | null = null;
  let settings: PhoneSettings | undefined;
  /** This phone's calls that had their auto-answer beep, by id. */
  let announced = new Set<string>();

  const snapshot = (): PhoneSnapshot =>
    phone
      ? {
          sessionId,
          registration: phone.registrationView,
          call: phone.callView,
          otherCalls: phone.otherCallViews,
        }
      : { ...IDLE };

  const emit = () => options.onSnapshot(snapshot());

  /**
   * Ringtone while a call rings in (a call-waiting beep over a live call), ringback while ours
   * rings out without early media; and one beep for every call answered without a click.
   */
  function followTones(): void {
    const call = phone?.callView ?? null;
    const others = phone?.otherCallViews ?? [];
    const outputId = settings?.audioOutputId ?? '';
    announceAutoAnswered([call, ...others], outputId);
    const waiting = others.some(
      (other) => other.direction === 'incoming' && other.state === 'ringing',
    );
    if (settings?.soundsMuted) options.tones.stop();
    else if (call?.state === 'ringing' && call.direction === 'incoming' && !call.autoAnswer) {
      options.tones.play('ringtone', outputId);
    } else if (waiting) options.tones.play('callWaiting', outputId);
    else if (call?.state === 'ringing' && call.direction === 'outgoing' && !hasRemoteAudio()) {
      options.tones.play('ringback', outputId);
    } else options.tones.stop();
  }

  /**
   * Every call answered without a click (the auto-answer setting, uContact's campaign first leg)
   * beeps once, the moment the phone shows it, sounds muted or not: muting silences ringing, not
   * the news that a caller is being put straight through to the agent's headset. (The
   * background's notification names who.)
   */
  function announceAutoAnswered(calls: (CallView | null)[], outputId: string): void {
    for (const call of calls) {
      if (!call?.autoAnswer || announced.has(call.id)) continue;
      if (call.state === 'ended' || call.state === 'failed') continue;
      announced.add(call.id);
      options.tones.once('autoAnswer', outputId);
    }
  }

  /** Early media (183 with audio) replaces our own ringback. */
  function hasRemoteAudio(): boolean {
    const stream = options.remoteAudio.srcObject;
    return stream instanceof MediaStream && stream.getAudioTracks().length > 0;
  }

  async function stopPhone(): Promise<void> {
    const current = phone;
    phone = undefined;
    sessionId = null;
    announced = new Set();
    options.tones.stop();
    if (current) await current.stop();
  }

  /** Runs a command on the phone; its failure becomes the reply, never an exception. */
  async function run<T>(action: (phone: Phone) => Promise<T> | T): Promise<Result<T>> {
    try {
      // Its own key: the background reads it as "start the phone, then ask again" (a phone that is
      // there but not registered yet answers errorPhoneNotReady, which no restart would help).
      if (!phone) return { ok: false, error: { key: 'errorPhoneNotStarted', substitutions: [] } };
      return { ok: true, value: await action(phone) };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
  }

  /** For commands that answer nothing but success or a reason. */
  const act = (action: (phone: Phone) => unknown) =>
    run(async (p) => {
      await action(p);
      return null;
    });

  /** Remote audio and ringing go to the chosen speaker, where the browser supports it. */
  async function setOutput(deviceId: string): Promise<void> {
    const audio = options.remoteAudio as HTMLAudioElement & {
      setSinkId?: (id: string) => Promise<void>;
    };
    await audio
      .setSinkId?.(deviceId)
      .catch((error: unknown) => options.log?.('warn', 'audio', String(error)));
  }

  /** Applies what changed since the last settings (a microphone swap only when it changed). */
  async function configure(next: PhoneSettings): Promise<void> {
    const previous = settings;
    settings = next;
    if (previous?.audioOutputId !== next.audioOutputId) await setOutput(next.audioOutputId);
    if (phone && previous && microphoneChanged(previous, next)) {
      await phone.setAudioInput(microphoneConstraints(next));
    }
    phone?.setAutoAnswer(next.autoAnswer);
    followTones();
  }

  globalThis.addEventListener?.('online', () => phone?.retryNow());

  return {
    snapshot,
    microphoneGone() {
      const current = phone;
      if (!current) return;
      current.detachMicrophone();
      current
        .restoreMicrophone()
        .catch((error: unknown) => options.log?.('warn', 'microphone', String(error)));
    },
    'phone.start': async (config: PhoneConfig) => {
      if (phone && sessionId === config.sessionId) return { ok: true, value: snapshot() };
      try {
        await stopPhone();
        const next = new Phone(
          {
            ...config.account,
            audioConstraints: microphoneConstraints(config.settings),
            autoAnswer: config.settings.autoAnswer,
            remoteAudio: options.remoteAudio,
            captureMicrophone: options.captureMicrophone,
            log: options.log,
          },
          {
            onRegistrationChange: emit,
            onCallChange: () => {
              followTones();
              emit();
            },
            onCallEnded: (call) => options.onCallEnded({ sessionId: config.sessionId, call }),
          },
        );
        phone = next;
        sessionId = config.sessionId;
        await configure(config.settings);
        void next.start();
        return { ok: true, value: snapshot() };
      } catch (error) {
        return { ok: false, error: toErrorInfo(error) };
      }
    },
    'phone.stop': async () => {
      await stopPhone();
      emit();
      return { ok: true, value: snapshot() };
    },
    'phone.snapshot': async () => snapshot(),
    'phone.configure': async (next) => {
      await configure(next);
      return null;
    },
    'phone.expectCampaignLeg': (leg) => act((p) => p.expectCampaignLeg(leg)),
    'phone.prepare': async () => {
      phone?.prepare();
      return null;
    },
    'phone.dial': (request) => act((p) => p.dial(request.dial, request.display, request.extension)),
    'phone.microphone': async () => {
      try {
        const status = await navigator.permissions.query({ name: 'microphone' as PermissionName });
        return status.state;
      } catch {
        return 'unsupported';
      }
    },
    'call.answer': ({ callId }) => act((p) => p.answer(callId)),
    'call.decline': ({ callId, code }) => act((p) => p.decline(code, callId)),
    'call.hangup': ({ callId }) => act((p) => p.hangup(callId)),
    'call.mute': ({ muted }) => act((p) => p.setMuted(muted)),
    'call.hold': ({ held, callId }) => act((p) => p.setHeld(held, callId)),
    'call.transfer': ({ target }) =>
      act((p) => p.transfer(target, settings?.transferMode ?? 'refer')),
    'call.dtmf': ({ digits }) => act((p) => p.sendDtmf(digits)),
    'call.stats': () => run((p) => p.stats()),
  };
}
