import { throttleIntent } from '../intent-throttle';

/**
 * Tells the phone the agent is about to call: the pointer came onto a call button, or the agent
 * tabbed to it. Only the agent's own input counts: a page can make neither a trusted pointer event
 * nor a trusted key, while its own `focus()` call does give a trusted focus event (so focus alone
 * does not count: a page must not be able to keep the microphone open). Throttled
 * (`throttleIntent`) across all the page's buttons. Returns `watch`, for each new button.
 */
export function createCallIntent(
  prepare: () => void,
  now?: () => number,
): (button: HTMLElement) => void {
  const intent = throttleIntent(prepare, now);
  const onIntent = (event: Event) => {
    if (!event.isTrusted) return;
    // The key that moved focus here fires its keyup on the button it landed on.
    if (event.type === 'keyup' && (event as KeyboardEvent).key !== 'Tab') return;
    intent();
  };
  return (button) => {
    button.addEventListener('pointerenter', onIntent);
    button.addEventListener('keyup', onIntent);
  };
}
