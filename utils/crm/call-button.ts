import type { ErrorInfo } from '@/utils/errors';
import type { MessageKey } from '@/utils/i18n';
import {
  needsConfirmation,
  type ConfirmReason,
  type DialReply,
  type DialRequest,
} from '@/utils/messages';
import type { PhoneValue } from '@/utils/phone-numbers/parse-phone-value';
import type { CallConfirmation } from './call-confirmation';
import { createCallIntent } from './call-intent';
import type { ClickGuard } from './click-guard';
import { styleHost } from './host-style';

/** The tag of the element that hosts each button's shadow root. Carries nothing but a style. */
export const CALL_BUTTON_HOST = 'ucontact-call';

/** How long an inline hint (not logged in, phone not ready…) stays up. */
const HINT_MS = 5_000;

export interface CallButtonsOptions {
  document: Document;
  /** Places the call (the content script asks the background). */
  dial(request: DialRequest): Promise<DialReply>;
  /** Decides whether a trusted click on a button is the agent's plain, aimed click. */
  guard: ClickGuard;
  /** Asks the agent in the page when the background holds the call for their yes. */
  confirmation: CallConfirmation;
  /** Localized text; `t` from utils/i18n in the extension. */
  translate(key: MessageKey, substitutions?: string[]): string;
  /** Timers that die with the content script (WXT's `ctx.setTimeout`). */
  later(task: () => void, ms: number): void;
  /** Called after each dial request was answered. */
  afterDial?(): void;
  /** The agent is about to click (pointer on a button, or tabbed to it): the phone prepares its media. */
  prepare?(): void;
  /** What the phone will really dial (house dial plan) when it differs from `dial`, for the tooltip. */
  preview?(dial: string): string | null;
}

export interface CallButtons {
  /** A new button for `value`, inside the shadow root of a fresh host element (returned). */
  create(value: PhoneValue): HTMLElement;
  /** Whether `element` is a host made here (or by an earlier copy of this script). */
  isHost(element: Element): boolean;
  /**
   * The agent clicked the phone link this host belongs to: act as if the button was clicked, and
   * with `askFirst`, have the background ask the agent before it dials.
   */
  activate(host: HTMLElement, askFirst?: ConfirmReason): void;
  /** What the host's button dials (as the detector read it, not as the page may have rewritten it). */
  valueOf(host: HTMLElement): PhoneValue | undefined;
  /** Removes every host made here. */
  removeAll(): void;
}

/**
 * The click-to-call buttons. Each is a real `<button>` in an open shadow root (page CSS cannot
 * reach it; tests and assistive technology can), named "Call <number as shown>" and marked
 * `data-ucontact-call="<dial string>"` for people and tests to read. What is dialled is never read
 * back from the page: the value the detector produced is kept in a WeakMap only this closure sees,
 * and only the agent's own, aimed clicks (see click-guard.ts) use it.
 *
 * A button looks the same whatever the agent's session (logged in or out, on a call): the page can
 * read our shadow roots and computed styles, so they tell it nothing. Feedback (the background's
 * refusal, "Click again") appears only after the agent's own click.
 */
export function createCallButtons(options: CallButtonsOptions): CallButtons {
  const { document, translate, guard } = options;
  const values = new WeakMap<HTMLButtonElement, PhoneValue>();
  const buttons = new WeakMap<HTMLElement, HTMLButtonElement>();
  const busy = new WeakSet<HTMLButtonElement>();
  const hosts = new Set<HTMLElement>();
  const watchIntent = options.prepare && createCallIntent(options.prepare);

  /** Built once, cloned for each button: a first scan of a long list makes thousands. */
  let template: { host: HTMLElement; content: DocumentFragment } | undefined;

  function create(value: PhoneValue): HTMLElement {
    template ??= buildTemplate(document);
    const host = template.host.cloneNode(false) as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    root.append(template.content.cloneNode(true));
    const button = root.querySelector('button')!;
    button.dataset.ucontactCall = value.dial;
    button.setAttribute('aria-label', translate('callButtonLabel', [value.display]));

    values.set(button, value);
    buttons.set(host, button);
    hosts.add(host);
    guard.watch(button);
    watchIntent?.(button);
    button.addEventListener('click', (event) => {
      // The page must not see (or act on) clicks on the button: a row click would open the record.
      event.preventDefault();
      event.stopPropagation();
      const verdict = guard.check(button, event);
      // Just placed or just moved: say so, so a real agent clicks again. Anything else (hidden,
      // covered, not under the pointer, focused by the page) is not the agent's click: nothing.
      if (verdict === 'moved') showHint(button, translate('callButtonClickAgain'));
      if (verdict === 'ok') void call(button);
    });
    render(button);
    return host;
  }

  async function call(button: HTMLButtonElement, askFirst?: ConfirmReason): Promise<void> {
    const value = values.get(button);
    if (!value || busy.has(button)) return;
    busy.add(button);
    render(button);
    const request: DialRequest = {
      dial: value.dial,
      display: value.display,
      ...(value.extension ? { extension: value.extension } : {}),
      ...(askFirst ? { askFirst } : {}),
    };
    let error: ErrorInfo | null = null;
    try {
      const reply = await options.dial(request);
      if (needsConfirmation(reply)) {
        options.confirmation.show(reply.confirm, request, (outcome) => {
          if (outcome) showHint(button, translate(outcome.key, outcome.substitutions));
          options.afterDial?.();
        });
      } else if (!reply.ok) error = reply.error;
    } catch {
      // The extension was reloaded or the background is gone: the agent should still see why.
      error = { key: 'errorUnexpected', substitutions: [] };
    } finally {
      busy.delete(button);
      render(button);
      options.afterDial?.();
    }
    if (error) showHint(button, translate(error.key, error.substitutions));
    else hideHint(button);
  }

  function render(button: HTMLButtonElement): void {
    const value = values.get(button);
    if (!value) return;
    const dialing = busy.has(button);
    button.dataset.state = dialing ? 'dialing' : 'idle';
    button.setAttribute('aria-busy', String(dialing));
    button.title = dialing
      ? translate('callButtonDialing', [value.formatted])
      : withPreview(translate('callButtonTitle', [value.formatted]), value.dial);
  }

  function withPreview(title: string, dial: string): string {
    const target = options.preview?.(dial);
    return target ? `${title} · ${translate('dialPreview', [target])}` : title;
  }

  function showHint(button: HTMLButtonElement, text: string): void {
    const hint = button.nextElementSibling as HTMLElement | null;
    if (!hint) return;
    hint.textContent = text;
    hint.hidden = false;
    options.later(() => hideHint(button), HINT_MS);
  }

  function hideHint(button: HTMLButtonElement): void {
    const hint = button.nextElementSibling as HTMLElement | null;
    if (hint) hint.hidden = true;
  }

  return {
    create,
    isHost: (element) => element.localName === CALL_BUTTON_HOST,
    activate(host, askFirst) {
      const button = buttons.get(host);
      if (button) void call(button, askFirst);
    },
    valueOf(host) {
      const button = buttons.get(host);
      return button && values.get(button);
    },
    removeAll() {
      for (const host of hosts) {
        const button = buttons.get(host);
        if (button) guard.unwatch(button);
        host.remove();
      }
      hosts.clear();
    },
  };
}

/** Inline with the number; the size follows the surrounding text so rows do not grow. */
const HOST_LAYOUT: [string, string][] = [
  ['display', 'inline-block'],
  ['position', 'relative'],
  ['vertical-align', 'middle'],
  ['margin', '0 0 0 0.3em'],
  ['padding', '0'],
  ['border', '0'],
  ['font-size', 'inherit'],
  ['line-height', '0'],
  ['width', 'auto'],
  ['height', 'auto'],
  ['float', 'none'],
];

/** A host (styled against page CSS) and its shadow content: style, button, hint. */
function buildTemplate(document: Document): { host: HTMLElement; content: DocumentFragment } {
  const host = document.createElement(CALL_BUTTON_HOST);
  styleHost(host, HOST_LAYOUT);
  const style = document.createElement('style');
  style.textContent = CSS;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'call';
  button.append(phoneIcon(document));
  const hint = document.createElement('span');
  hint.className = 'hint';
  hint.setAttribute('role', 'status');
  hint.hidden = true;
  const content = document.createDocumentFragment();
  content.append(style, button, hint);
  return { host, content };
}

/** Built with DOM calls, not `innerHTML`, so pages enforcing Trusted Types do not object. */
function phoneIcon(document: Document): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute(
    'd',
    'M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z',
  );
  svg.append(path);
  return svg;
}

const CSS = `
.call {
  all: unset;
  box-sizing: border-box;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 1.2em;
  height: 1.2em;
  min-width: 14px;
  min-height: 14px;
  border-radius: 50%;
  background: #0b8043;
  color: #fff;
  cursor: pointer;
  vertical-align: middle;
}
.call:hover { background: #075e30; }
.call:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
.call svg { width: 65%; height: 65%; fill: currentColor; pointer-events: none; }
.call[data-state="dialing"] { animation: ucontact-pulse 1s ease-in-out infinite; }
@keyframes ucontact-pulse { 50% { opacity: 0.45; } }
@media (prefers-reduced-motion: reduce) {
  .call[data-state="dialing"] { animation: none; opacity: 0.6; }
}
.hint {
  position: absolute;
  top: calc(100% + 4px);
  left: 0;
  z-index: 2147483647;
  max-width: 280px;
  width: max-content;
  padding: 4px 8px;
  border-radius: 4px;
  background: #202124;
  color: #fff;
  font: 12px/1.4 system-ui, sans-serif;
  white-space: normal;
}
.hint[hidden] { display: none; }
`;
