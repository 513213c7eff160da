import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from '@/utils/sip/backoff';

const noJitter = () => 0;

describe('backoffDelay', () => {
  it('defaults to 1 s base, 30 s cap, 30 % jitter', () => {
    expect(DEFAULT_BACKOFF).toEqual({ baseMs: 1_000, capMs: 30_000, jitter: 0.3 });
  });

  it('starts at the base and doubles per attempt', () => {
    const delays = [0, 1, 2, 3, 4].map((attempt) =>
      backoffDelay(attempt, DEFAULT_BACKOFF, noJitter),
    );
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('never exceeds the cap, even for huge attempt numbers', () => {
    for (const attempt of [5, 6, 10, 31, 64, 1_100, Number.MAX_SAFE_INTEGER]) {
      expect(backoffDelay(attempt, DEFAULT_BACKOFF, noJitter)).toBe(30_000);
    }
  });

  it('treats a negative attempt as the first', () => {
    expect(backoffDelay(-3, DEFAULT_BACKOFF, noJitter)).toBe(1_000);
  });

  it('takes off at most the jitter share: random 0 gives the ceiling, 0.999 close to 70 % of it', () => {
    expect(backoffDelay(0, DEFAULT_BACKOFF, () => 0)).toBe(1_000);
    expect(backoffDelay(0, DEFAULT_BACKOFF, () => 0.999)).toBe(700);
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 0.999)).toBe(
      Math.round(8_000 * (1 - 0.3 * 0.999)),
    );
    expect(backoffDelay(20, DEFAULT_BACKOFF, () => 0.999)).toBe(
      Math.round(30_000 * (1 - 0.3 * 0.999)),
    );
  });

  it('stays within [ceiling × (1 − jitter), ceiling] with the real Math.random', () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const ceiling = Math.min(30_000, 1_000 * 2 ** attempt);
      for (let i = 0; i < 200; i++) {
        const delay = backoffDelay(attempt);
        expect(delay).toBeGreaterThanOrEqual(Math.round(ceiling * 0.7));
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('follows custom options', () => {
    const options = { baseMs: 500, capMs: 4_000, jitter: 0 };
    const delays = [0, 1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, options, () => 0.9));
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 4_000, 4_000]);
  });
});
