/**
 * Call-progress tones made with Web Audio, so no audio files ship and nothing is fetched:
 * ringback (the far end is ringing) and ringtone (a call is coming in).
 */
export type Tone = 'ringback' | 'ringtone' | 'autoAnswer' | 'callWaiting';

const PATTERNS: Record<Tone, { frequencies: number[]; onMs: number; offMs: number; gain: number }> =
  {
    // ITU-T E.180 style ringback: 425 Hz, 1 s on, 4 s off (the tone agents in LatAm and Spain know).
    ringback: { frequencies: [425], onMs: 1_000, offMs: 4_000, gain: 0.08 },
    ringtone: { frequencies: [480, 620], onMs: 800, offMs: 1_200, gain: 0.12 },
    // One short beep: "a call was put through to you".
    autoAnswer: { frequencies: [880], onMs: 180, offMs: 60_000, gain: 0.1 },
    // Call waiting: 440 Hz, short, every few seconds, quiet over the conversation.
    callWaiting: { frequencies: [440], onMs: 300, offMs: 4_700, gain: 0.05 },
  };

export interface TonePlayer {
  /** Plays `tone` until `stop()`, on the speaker `sinkId` (empty: the default one). */
  play(tone: Tone, sinkId?: string): void;
  stop(): void;
  readonly playing: Tone | null;
}

export function createTonePlayer(): TonePlayer {
  let context: AudioContext | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let playing: Tone | null = null;

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

  return {
    get playing() {
      return playing;
    },
    play(tone, sinkId = '') {
      if (playing === tone) return;
      this.stop();
      context ??= new AudioContext();
      const withSink = context as AudioContext & { setSinkId?: (id: string) => Promise<void> };
      withSink.setSinkId?.(sinkId).catch(() => undefined);
      void context.resume();
      playing = tone;
      burst(tone);
      const pattern = PATTERNS[tone];
      timer = setInterval(() => burst(tone), pattern.onMs + pattern.offMs);
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
      playing = null;
      void context?.suspend();
    },
  };
}
