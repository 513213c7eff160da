/** One intent per this long is plenty: the phone keeps prepared media for ~10 s. */
export const INTENT_INTERVAL_MS = 2_000;

/**
 * Tells the phone the agent is about to call: the pointer came onto a call button, or the agent
 * tabbed to it. Only the agent's own input counts: a page can make neither a trusted pointer event
 * nor a trusted key, while its own `focus()` call does give a trusted focus event (so focus alone
 * does not count: a page must not be able to keep the microphone open). At most one intent per
 * `INTENT_INTERVAL_MS` leaves the
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
    // The key that moved focus here fires its keyup on the button it landed on.
    if (event.type === 'keyup' && (event as KeyboardEvent).key !== 'Tab') return;
    const at = now();
    if (at - last < INTENT_INTERVAL_MS) return;
    last = at;
    prepare();
  };
  return (button) => {
    button.addEventListener('pointerenter', onIntent);
    button.addEventListener('keyup', onIntent);
  };
}
