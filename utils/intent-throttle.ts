/** One intent per this long is plenty: the phone keeps prepared media for ~10 s. */
export const INTENT_INTERVAL_MS = 2_000;

/**
 * `prepare`, at most once per `INTENT_INTERVAL_MS`: the agent moving along a list of numbers, or
 * typing a number, is one "about to call", not one message per row or key.
 */
export function throttleIntent(
  prepare: () => void,
  now: () => number = () => performance.now(),
): () => void {
  let last = -Infinity;
  return () => {
    const at = now();
    if (at - last < INTENT_INTERVAL_MS) return;
    last = at;
    prepare();
  };
}
