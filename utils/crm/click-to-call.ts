import { t, type MessageKey } from '@/utils/i18n';
import { request, type Result } from '@/utils/messages';
import { findPhoneNumbers } from '@/utils/phone-numbers/find-numbers';
import type { CountryCode } from '@/utils/phone-numbers/libphonenumber';
import {
  parsePhoneField,
  parseTelHref,
  type PhoneValue,
} from '@/utils/phone-numbers/parse-phone-value';
import type { CrmAdapter } from './adapter';
import { CALL_BUTTON_HOST, createCallButtons } from './call-button';
import { watchPageStatus } from './page-status';
import { routePhoneLinkClicks } from './phone-link-clicks';
import { adapterFor } from './registry';
import { createScanner, type PhoneDetector, type ScanScheduler } from './scanner';

export interface ClickToCallOptions {
  document: Document;
  /** The page URL; picks the CRM adapter. */
  url: string;
  defaultCountry: CountryCode | undefined;
  /** What the phone will really dial for a dial string (the house dial plan), for tooltips. */
  preview?(dial: string): string | null;
  /** Aborts when the content script is invalidated (WXT's `ctx.signal`). */
  signal: AbortSignal;
  scheduler: ScanScheduler;
  /** Places a call; by default asks the background (`call.dial`). */
  dial?(value: PhoneValue): Promise<Result<null>>;
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
  const { document, defaultCountry, scheduler } = options;
  const adapter = adapterFor(options.url);
  const lifetime = new AbortController();
  const stopWithPage = () => lifetime.abort();
  options.signal.addEventListener('abort', stopWithPage, { once: true });

  // Buttons left by an earlier copy of this script (extension reloaded) no longer work.
  for (const stale of document.querySelectorAll(CALL_BUTTON_HOST)) stale.remove();

  const buttons = createCallButtons({
    document,
    dial:
      options.dial ??
      ((value) =>
        request('call.dial', {
          dial: value.dial,
          display: value.display,
          extension: value.extension,
        })),
    translate: options.translate ?? t,
    preview: options.preview,
    later: scheduler.later,
    // The call may have started: show "in a call" without waiting for a push.
    afterDial: () => status.refresh(),
  });
  const detector: PhoneDetector = {
    findInText: (text) => findPhoneNumbers(text, { defaultCountry }),
    parseLink: (href, shown) => parseTelHref(href, shown, defaultCountry),
    parseField: (text) => parsePhoneField(text, defaultCountry),
  };
  const scanner = createScanner({
    document,
    adapter,
    detector,
    scheduler,
    createControl: buttons.create,
    isControl: buttons.isHost,
    sliceMs: options.slice?.ms,
    sliceNodes: options.slice?.nodes,
    log: options.log,
  });
  const status = watchPageStatus({
    document,
    signal: lifetime.signal,
    onChange: buttons.setStatus,
  });
  routePhoneLinkClicks({
    document,
    signal: lifetime.signal,
    controlFor: scanner.controlForLink,
    activate: buttons.activate,
    status: status.current,
  });
  lifetime.signal.addEventListener('abort', () => {
    options.signal.removeEventListener('abort', stopWithPage);
    scanner.stop();
    buttons.removeAll();
  });
  scanner.start();
  if (options.signal.aborted) stopWithPage();

  return {
    adapter,
    stop: stopWithPage,
    drain: scanner.drain,
  };
}
