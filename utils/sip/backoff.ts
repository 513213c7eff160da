export interface BackoffOptions {
  /** First delay (default 1 s). */
  baseMs: number;
  /** Longest delay (default 30 s). */
  capMs: number;
  /** Share of each delay that is random, 0–1 (default 0.3), so a restarted server is not hit by every agent at once. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 30_000, jitter: 0.3 };

/**
 * Delay before retry number `attempt` (0-based): doubles from `baseMs` up to `capMs`, minus a
 * random share of at most `jitter`. `random` is injectable so tests can pin the schedule.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling * (1 - options.jitter * random()));
}
