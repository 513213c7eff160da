/** One intent per this long is plenty: the phone keeps prepared media for ~10 s. */
export const INTENT_INTERVAL_MS = 2_000;

/**
 * Tells the phone the agent is about to call: the pointer came onto a call button, or focus did.
 * Only the agent's own (trusted) events count, and at most one per `INTENT_INTERVAL_MS` leaves the
 * page, so moving along a list of numbers is one message, not one per row. Returns `watch`, for
 * each new button.
 */
export function createCallIntent(
  prepare: () => void,
  now: () => number = () => performance.now(),
): (button: HTMLElement) => void {
  let last = -Infinity;
  const onIntent = (event: Event) => {
    if (!event.isTrusted) return;
    const at = now();
    if (at - last < INTENT_INTERVAL_MS) return;
    last = at;
    prepare();
  };
  return (button) => {
    button.addEventListener('pointerenter', onIntent);
    button.addEventListener('focus', onIntent);
  };
}
