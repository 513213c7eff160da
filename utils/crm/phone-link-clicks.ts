import type { PageStatus } from '@/utils/messages';

/**
 * Routes the agent's clicks on a page's own `tel:` (and adapter) links to the extension instead of
 * the operating system's handler, but only while the agent is logged in; logged out, the link
 * behaves as the page meant it to. Uses the number the scanner read from the link when it placed
 * the link's button, never the link as it is at click time.
 */
export function routePhoneLinkClicks(options: {
  document: Document;
  signal: AbortSignal;
  /** The button host placed for a link, if the link holds a number. */
  controlFor(link: Element): HTMLElement | undefined;
  activate(host: HTMLElement): void;
  status(): PageStatus | null;
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
      options.activate(host);
      return;
    }
  };
  options.document.addEventListener('click', onClick, { capture: true, signal: options.signal });
}
