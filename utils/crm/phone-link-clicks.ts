import type { ConfirmReason, PageStatus } from '@/utils/messages';
import type { ClickGuard } from './click-guard';

/**
 * Routes the agent's clicks on a page's own `tel:` (and adapter) links to the extension instead of
 * the operating system's handler, but only while the agent is logged in; logged out, the link
 * behaves as the page meant it to. Uses the number the scanner read from the link when it placed
 * the link's button, never the link as it is at click time.
 *
 * A link dials at once only when the agent plainly saw its number: the link shows that number
 * (`showsNumber`) and is itself visible and under the pointer (or, from the keyboard, focused by
 * the agent). Anything else (a "View your invoice" link, a transparent overlay over the page's own
 * buttons) is neither dialled silently nor dropped silently: the background asks the agent.
 */
export function routePhoneLinkClicks(options: {
  document: Document;
  signal: AbortSignal;
  /** The button host placed for a link, if the link holds a number. */
  controlFor(link: Element): HTMLElement | undefined;
  activate(host: HTMLElement, askFirst?: ConfirmReason): void;
  status(): PageStatus | null;
  guard: ClickGuard;
  /** Whether the link's visible text is the number its button dials (the background may say). */
  showsNumber(link: Element, host: HTMLElement): boolean | Promise<boolean>;
}): void {
  const onClick = (event: MouseEvent) => {
    if (!event.isTrusted || event.defaultPrevented || event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    if (options.status()?.loggedIn !== true) return;
    for (const target of event.composedPath()) {
      if (!(target instanceof Element)) continue;
      const host = options.controlFor(target);
      if (!host) continue;
      // Capture phase on the document: the page's own dialer (and the OS handler) never sees it.
      event.preventDefault();
      event.stopPropagation();
      // Where the pointer was is known only now; the text is read now too, as the agent saw it.
      const aimed = options.guard.isAimedAt(target, event);
      const shows = options.showsNumber(target, host);
      const go = (seen: boolean) => options.activate(host, seen && aimed ? undefined : 'link-text');
      if (typeof shows === 'boolean') go(shows);
      else shows.then(go, () => go(false));
      return;
    }
  };
  options.document.addEventListener('click', onClick, { capture: true, signal: options.signal });
}
