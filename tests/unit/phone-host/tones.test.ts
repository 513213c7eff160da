import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTonePlayer } from '@/utils/phone-host/tones';

/** Just enough Web Audio (happy-dom has none) to see what sounds and when the context sleeps. */
class FakeAudioContext {
  static last: FakeAudioContext | undefined;
  readonly events: string[] = [];
  currentTime = 0;
  readonly destination = {};
  constructor() {
    FakeAudioContext.last = this;
  }
  async resume() {
    this.events.push('resume');
  }
  async suspend() {
    this.events.push('suspend');
  }
  createGain() {
    const param = { setValueAtTime() {}, linearRampToValueAtTime() {} };
    return { gain: param, connect() {} };
  }
  createOscillator() {
    const events = this.events;
    return {
      frequency: { value: 0 },
      connect() {},
      start() {
        events.push(`tone ${this.frequency.value}`);
      },
      stop() {},
    };
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('AudioContext', FakeAudioContext);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('tone player', () => {
  it('once() beeps a single burst, and stop() right after does not cut it short', async () => {
    const tones = createTonePlayer();

    tones.once('autoAnswer');
    tones.stop();
    const context = FakeAudioContext.last!;
    expect(context.events).toEqual(['resume', 'tone 880']);
    expect(tones.playing).toBeNull();

    await vi.advanceTimersByTimeAsync(100);
    expect(context.events).not.toContain('suspend');
    await vi.advanceTimersByTimeAsync(200);
    expect(context.events.filter((event) => event === 'suspend')).toHaveLength(1);
    // A single burst: nothing repeats.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(context.events.filter((event) => event === 'tone 880')).toHaveLength(1);
  });

  it('a beep plays beside a ringtone, and the ringtone keeps ringing after it', async () => {
    const tones = createTonePlayer();
    tones.play('ringtone');

    tones.once('autoAnswer');
    await vi.advanceTimersByTimeAsync(2_000);

    const context = FakeAudioContext.last!;
    expect(tones.playing).toBe('ringtone');
    expect(context.events).not.toContain('suspend');
    expect(context.events.filter((event) => event === 'tone 480')).toHaveLength(2);
  });

  it('stop() with no beep pending suspends at once', () => {
    const tones = createTonePlayer();
    tones.play('ringback');

    tones.stop();

    expect(FakeAudioContext.last!.events.at(-1)).toBe('suspend');
  });
});
