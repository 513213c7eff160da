/**
 * Call-progress tones made with Web Audio, so no audio files ship and nothing is fetched:
 * ringback (the far end is ringing), ringtone (a call is coming in), call waiting, and the
 * auto-answer beep.
 */
export type Tone = 'ringback' | 'ringtone' | 'autoAnswer' | 'callWaiting';

const PATTERNS: Record<Tone, { frequencies: number[]; onMs: number; offMs: number; gain: number }> =
  {
    // ITU-T E.180 style ringback: 425 Hz, 1 s on, 4 s off (the tone agents in LatAm and Spain know).
    ringback: { frequencies: [425], onMs: 1_000, offMs: 4_000, gain: 0.08 },
    ringtone: { frequencies: [480, 620], onMs: 800, offMs: 1_200, gain: 0.12 },
    // One short beep (`once`): "a call was put through to you".
    autoAnswer: { frequencies: [880], onMs: 180, offMs: 0, gain: 0.1 },
    // Call waiting: 440 Hz, short, every few seconds, quiet over the conversation.
    callWaiting: { frequencies: [440], onMs: 300, offMs: 4_700, gain: 0.05 },
  };

export interface TonePlayer {
  /** Plays `tone` until `stop()`, on the speaker `sinkId` (empty: the default one). */
  play(tone: Tone, sinkId?: string): void;
  /** Plays one burst of `tone` now, beside whatever plays; `stop()` does not cut it short. */
  once(tone: Tone, sinkId?: string): void;
  stop(): void;
  readonly playing: Tone | null;
}

export function createTonePlayer(): TonePlayer {
  let context: AudioContext | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let playing: Tone | null = null;
  /** When the last `once` burst ends (epoch ms): the context is not suspended before. */
  let busyUntil = 0;
  let suspendTimer: ReturnType<typeof setTimeout> | undefined;

  function start(sinkId: string): AudioContext {
    context ??= new AudioContext();
    const withSink = context as AudioContext & { setSinkId?: (id: string) => Promise<void> };
    withSink.setSinkId?.(sinkId).catch(() => undefined);
    clearTimeout(suspendTimer);
    void context.resume();
    return context;
  }

  function burst(tone: Tone): void {
    if (!context) return;
    const pattern = PATTERNS[tone];
    const now = context.currentTime;
    const gain = context.createGain();
    gain.gain.setValueAtTime(0, now);
    gain.gain.linearRampToValueAtTime(pattern.gain, now + 0.02);
    gain.gain.setValueAtTime(pattern.gain, now + pattern.onMs / 1000 - 0.02);
    gain.gain.linearRampToValueAtTime(0, now + pattern.onMs / 1000);
    gain.connect(context.destination);
    for (const frequency of pattern.frequencies) {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start(now);
      oscillator.stop(now + pattern.onMs / 1000);
    }
  }

  /** Suspends the context (it costs CPU while running) once no tone plays and no burst is left. */
  function suspendWhenQuiet(): void {
    clearTimeout(suspendTimer);
    const left = busyUntil - Date.now();
    if (left > 0) suspendTimer = setTimeout(suspendWhenQuiet, left);
    else if (!playing) void context?.suspend();
  }

  return {
    get playing() {
      return playing;
    },
    play(tone, sinkId = '') {
      if (playing === tone) return;
      this.stop();
      start(sinkId);
      playing = tone;
      burst(tone);
      const pattern = PATTERNS[tone];
      timer = setInterval(() => burst(tone), pattern.onMs + pattern.offMs);
    },
    once(tone, sinkId = '') {
      start(sinkId);
      burst(tone);
      busyUntil = Math.max(busyUntil, Date.now() + PATTERNS[tone].onMs + 50);
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
      playing = null;
      suspendWhenQuiet();
    },
  };
}
