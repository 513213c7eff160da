import { request, type PageEventEnvelope, type PageStatus } from '@/utils/messages';

export interface PageStatusWatch {
  /** The last status the background reported; null until it answers. */
  current(): PageStatus | null;
  /** Asks the background again. */
  refresh(): void;
}

/**
 * Keeps this page's idea of the agent's status (logged in, in a call) fresh: asks once, then
 * listens for pushes and asks again whenever the tab becomes visible. Never holds secrets.
 */
export function watchPageStatus(options: {
  document: Document;
  signal: AbortSignal;
  onChange?(status: PageStatus | null): void;
}): PageStatusWatch {
  const { document, signal } = options;
  let status: PageStatus | null = null;

  const set = (next: PageStatus | null) => {
    if (signal.aborted) return;
    status = next;
    options.onChange?.(next);
  };
  const refresh = () => {
    request('page.status', null).then(
      (reply) => set(isPageStatus(reply) ? reply : null),
      // The background is restarting or the extension was reloaded: no status is known.
      () => set(null),
    );
  };
  const onMessage = (message: unknown) => {
    if (isPageStatusEvent(message) && isPageStatus(message.payload)) set(message.payload);
  };

  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
  document.addEventListener(
    'visibilitychange',
    () => {
      if (document.visibilityState === 'visible') refresh();
    },
    { signal },
  );
  refresh();
  return { current: () => status, refresh };
}

function isPageStatusEvent(message: unknown): message is PageEventEnvelope<'page.status'> {
  const envelope = message as Partial<PageEventEnvelope<'page.status'>> | null;
  return (
    typeof envelope === 'object' &&
    envelope !== null &&
    envelope.channel === 'ucontact' &&
    envelope.kind === 'event' &&
    envelope.type === 'page.status'
  );
}

function isPageStatus(value: unknown): value is PageStatus {
  const status = value as Partial<PageStatus> | null;
  return (
    typeof status === 'object' &&
    status !== null &&
    typeof status.loggedIn === 'boolean' &&
    typeof status.inCall === 'boolean'
  );
}
