import { t, type MessageKey } from '@/utils/i18n';
import { request, type DialReply, type DialRequest } from '@/utils/messages';
import type { CrmAdapter } from './adapter';
import type { PageNumbers } from './background-numbers';
import { CALL_BUTTON_HOST, createCallButtons } from './call-button';
import { CONFIRMATION_HOST, createCallConfirmation } from './call-confirmation';
import { createClickGuard, type ClickGuard } from './click-guard';
import { watchPageStatus } from './page-status';
import { routePhoneLinkClicks } from './phone-link-clicks';
import { adapterFor } from './registry';
import { createScanner, type ScanScheduler } from './scanner';

export interface ClickToCallOptions {
  document: Document;
  /** The page URL; picks the CRM adapter. */
  url: string;
  /** Reads the page's numbers: the background in the extension (`backgroundNumbers`). */
  numbers: PageNumbers;
  /** Aborts when the content script is invalidated (WXT's `ctx.signal`). */
  signal: AbortSignal;
  scheduler: ScanScheduler;
  /** Places a call; by default asks the background (`call.dial`). */
  dial?(request: DialRequest): Promise<DialReply>;
  /** The agent is about to call (pointer on a button, or tabbed to it); by default `call.prepare`. */
  prepare?(): void;
  /** Tells the background the agent declined a confirmation; by default `call.cancelConfirmation`. */
  cancelConfirmation?(token: string): void;
  /** Decides which trusted clicks are the agent's plain, aimed ones; the real one by default. */
  guard?: ClickGuard;
  translate?(key: MessageKey, substitutions?: string[]): string;
  /** Scanning slice limits (see `ScannerOptions`); the defaults suit real pages. */
  slice?: { ms?: number; nodes?: number };
  /** Debug sink (`debugLog` in the extension). */
  log?: (...args: unknown[]) => void;
}

export interface ClickToCall {
  readonly adapter: CrmAdapter;
  /** Removes every button and listener. */
  stop(): void;
  /** Runs queued scanning now (tests). */
  drain(): void;
}

/** Puts call buttons on a page and keeps them right as the page changes. */
export function startClickToCall(options: ClickToCallOptions): ClickToCall {
  const { document, numbers, scheduler } = options;
  const adapter = adapterFor(options.url);
  const lifetime = new AbortController();
  const stopWithPage = () => lifetime.abort();
  options.signal.addEventListener('abort', stopWithPage, { once: true });

  // Buttons left by an earlier copy of this script (extension reloaded) no longer work.
  for (const stale of document.querySelectorAll(`${CALL_BUTTON_HOST}, ${CONFIRMATION_HOST}`)) {
    stale.remove();
  }

  const translate = options.translate ?? t;
  const dial = options.dial ?? ((call: DialRequest) => request('call.dial', call));
  const guard = options.guard ?? createClickGuard({ document, signal: lifetime.signal });
  const confirmation = createCallConfirmation({
    document,
    translate,
    guard,
    dial,
    cancel:
      options.cancelConfirmation ??
      ((token) => void request('call.cancelConfirmation', { token }).catch(() => undefined)),
    later: scheduler.later,
    signal: lifetime.signal,
  });
  const buttons = createCallButtons({
    document,
    dial,
    guard,
    confirmation,
    translate,
    // What the house dial plan dials instead, as the background read it with the number.
    preview: (dial) => previews.get(dial) ?? null,
    later: scheduler.later,
    prepare: options.prepare ?? (() => void request('call.prepare', null).catch(() => undefined)),
    // The call may have started: show "in a call" without waiting for a push.
    afterDial: () => status.refresh(),
  });
  const previews = new Map<string, string | null>();
  const scanner = createScanner({
    document,
    adapter,
    detector: numbers,
    scheduler,
    createControl: (found) => {
      previews.set(found.dial, found.preview);
      return buttons.create(found);
    },
    isControl: (element) => buttons.isHost(element) || confirmation.isHost(element),
    sliceMs: options.slice?.ms,
    sliceNodes: options.slice?.nodes,
    log: options.log,
  });
  // Only the link routing needs the status; the buttons show none of it (the page could read it).
  const status = watchPageStatus({ document, signal: lifetime.signal });
  routePhoneLinkClicks({
    document,
    signal: lifetime.signal,
    controlFor: scanner.controlForLink,
    activate: buttons.activate,
    status: status.current,
    guard,
    showsNumber: (link, host) => {
      const value = buttons.valueOf(host);
      return !!value && numbers.showsNumber(visibleText(link), value.dial);
    },
  });
  lifetime.signal.addEventListener('abort', () => {
    options.signal.removeEventListener('abort', stopWithPage);
    scanner.stop();
    buttons.removeAll();
    confirmation.remove();
  });
  scanner.start();
  if (options.signal.aborted) stopWithPage();

  return {
    adapter,
    stop: stopWithPage,
    drain: scanner.drain,
  };
}

/** The text a person sees in `element` (`innerText` follows CSS; `textContent` where there is none). */
function visibleText(element: Element): string {
  return (element as HTMLElement).innerText ?? element.textContent ?? '';
}
