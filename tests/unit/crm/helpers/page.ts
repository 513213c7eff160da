import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing';
import type { MessageKey } from '@/utils/i18n';
import type { DialReply, DialRequest, PageStatus } from '@/utils/messages';
import { createNumberDetection } from '@/utils/background/number-detection';
import type { PageNumbers } from '@/utils/crm/background-numbers';
import { CALL_BUTTON_HOST } from '@/utils/crm/call-button';
import type { DialPlanRules } from '@/utils/dial-plan/dial-plan-rules';
import { startClickToCall, type ClickToCall } from '@/utils/crm/click-to-call';
import type { ClickGuard } from '@/utils/crm/click-guard';
import type { ScanScheduler } from '@/utils/crm/scanner';
import type { CountryCode } from '@/utils/phone-numbers/libphonenumber';
import en from '@/public/_locales/en/messages.json';
import { fixturePath } from './fixtures';

/**
 * Replaces the test document with `html`, attaching declarative shadow roots
 * (`<template shadowrootmode="open">`) the way a browser's parser does.
 */
export function setPage(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(
    ...[...parsed.head.childNodes].map((n) => document.importNode(n, true)),
  );
  document.body.replaceChildren(
    ...[...parsed.body.childNodes].map((n) => document.importNode(n, true)),
  );
  attachDeclarativeShadowRoots(document);
}

export function loadFixture(id: string): void {
  setPage(readFileSync(fixturePath(id), 'utf8'));
}

function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of root.querySelectorAll('template[shadowrootmode]')) {
    const host = template.parentElement;
    if (!host) continue;
    const shadow = host.attachShadow({
      mode: template.getAttribute('shadowrootmode') as ShadowRootMode,
    });
    shadow.append((template as HTMLTemplateElement).content.cloneNode(true));
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

/** A locale's messages, as `public/_locales/<locale>/messages.json` holds them. */
export type Messages = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

/** English text with placeholders filled, like `browser.i18n.getMessage`. */
export function english(key: MessageKey, substitutions: string[] = []): string {
  return localized(en, key, substitutions);
}

/** `key`'s text in `messages` with placeholders filled, like `browser.i18n.getMessage`. */
export function localized(messages: Messages, key: string, substitutions: string[] = []): string {
  const entry = messages[key];
  if (!entry) return '';
  return entry.message.replace(/\$([A-Z_]+)\$/gi, (_all, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(
      /\$(\d)/g,
      (_d, index: string) => substitutions[Number(index) - 1] ?? '',
    );
  });
}

/** Idle and timer callbacks that run only when the test says so. */
export function manualScheduler() {
  const idle: (() => void)[] = [];
  const timers: { task: () => void; ms: number }[] = [];
  const scheduler: ScanScheduler = {
    idle: (task) => idle.push(task),
    later: (task, ms) => timers.push({ task, ms }),
  };
  return {
    scheduler,
    idle,
    timers,
    /** Runs idle callbacks (and the ones they schedule) until none is left; returns how many ran. */
    runIdle(): number {
      let ran = 0;
      while (idle.length > 0) {
        idle.shift()!();
        ran++;
      }
      return ran;
    },
    runTimers(): void {
      for (const { task } of timers.splice(0)) task();
    },
  };
}

export interface FakeBackground {
  messages: { type: string; payload: unknown }[];
  dials(): unknown[];
  status: PageStatus;
  /** What `call.dial` answers: a reply, or one made from the request. */
  dialReply: DialReply | ((request: DialRequest) => DialReply);
}

/** Plays the background for content-script requests, recording them. */
export function fakeBackground(status: Partial<PageStatus> = {}): FakeBackground {
  const background: FakeBackground = {
    messages: [],
    dials: () => background.messages.filter((m) => m.type === 'call.dial').map((m) => m.payload),
    status: { loggedIn: true, sipState: 'registered', inCall: false, ...status },
    dialReply: { ok: true, value: null },
  };
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { kind, type, payload } = message as { kind: string; type: string; payload: unknown };
    if (kind !== 'request') return undefined;
    background.messages.push({ type, payload });
    if (type === 'page.status') return Promise.resolve(background.status);
    if (type === 'call.dial') {
      const reply = background.dialReply;
      return Promise.resolve(typeof reply === 'function' ? reply(payload as DialRequest) : reply);
    }
    if (type === 'call.cancelConfirmation') return Promise.resolve(null);
    return undefined;
  });
  return background;
}

export interface StartedPage {
  clickToCall: ClickToCall;
  scheduler: ReturnType<typeof manualScheduler>;
  abort: AbortController;
}

/**
 * The background's number reader (utils/background/number-detection.ts) called in place, with no
 * browser languages (only `country`, or none, says what national numbers mean).
 */
export function localNumbers(
  country: CountryCode | undefined,
  dialPlan: DialPlanRules | null = null,
): PageNumbers {
  const detection = createNumberDetection(() => []);
  const context = { country, dialPlan };
  return {
    detect: (items) => detection.detect({ ...context, items }),
    showsNumber: (text, dial) => detection.shows({ ...context, text, dial }),
  };
}

/** Starts click-to-call on the current test document and runs the first scan to the end. */
export function startOnPage(
  url: string,
  defaultCountry: CountryCode | undefined,
  options: {
    drain?: boolean;
    sliceNodes?: number;
    guard?: ClickGuard;
    /** How numbers are read; by default the background's own reader, answering at once. */
    numbers?: PageNumbers;
  } = {},
): StartedPage {
  const scheduler = manualScheduler();
  const abort = new AbortController();
  const clickToCall = startClickToCall({
    document,
    url,
    numbers: options.numbers ?? localNumbers(defaultCountry),
    signal: abort.signal,
    scheduler: scheduler.scheduler,
    translate: english,
    guard: options.guard ?? acceptingGuard(),
    slice: options.sliceNodes ? { nodes: options.sliceNodes, ms: 1_000 } : undefined,
  });
  if (options.drain !== false) clickToCall.drain();
  return { clickToCall, scheduler, abort };
}

/**
 * A click guard that takes every trusted click: happy-dom has no layout, so the real one's hit test
 * and visibility rules are tested on their own (click-guard.test.ts) with a faked layout.
 */
export function acceptingGuard(): ClickGuard {
  return {
    watch: () => undefined,
    unwatch: () => undefined,
    check: (_element, event) => (event.isTrusted ? 'ok' : 'untrusted'),
    isAimedAt: (_element, event) => event.isTrusted,
  };
}

/** Every call button in the page, light DOM and open shadow roots, in document order. */
export function callButtons(root: ParentNode = document): HTMLButtonElement[] {
  const found: HTMLButtonElement[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (element.localName === CALL_BUTTON_HOST) {
      const button = element.shadowRoot?.querySelector('button');
      if (button) found.push(button);
    } else if (element.shadowRoot) {
      found.push(...callButtons(element.shadowRoot));
    }
  }
  return found;
}

export function dialStrings(root: ParentNode = document): string[] {
  return callButtons(root).map((button) => button.dataset.ucontactCall ?? '');
}

/** A click that claims to come from a person: real browsers set `isTrusted` only for those. */
export function trustedClick(target: Element): MouseEvent {
  const event = new MouseEvent('click', {
    bubbles: true,
    composed: true,
    cancelable: true,
    button: 0,
  });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
  return event;
}

/** Lets promise callbacks (message replies) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
