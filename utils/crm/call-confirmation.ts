import type { ErrorInfo } from '@/utils/errors';
import type { MessageKey } from '@/utils/i18n';
import type { ConfirmReason, DialConfirmation, DialReply, DialRequest } from '@/utils/messages';
import type { ClickGuard } from './click-guard';
import { styleHost } from './host-style';

/** The tag of the element that hosts the confirmation's shadow root. */
export const CONFIRMATION_HOST = 'ucontact-confirm';

/** As long as the background keeps a confirmation (its CONFIRMATION_TTL_MS); then it goes. */
const SHOWN_MS = 120_000;

const REASON_TEXT: Record<ConfirmReason, MessageKey> = {
  'link-text': 'confirmReasonLinkText',
  selection: 'confirmReasonSelection',
  'premium-rate': 'confirmReasonPremiumRate',
  'shared-cost': 'confirmReasonSharedCost',
};

export interface CallConfirmationOptions {
  document: Document;
  translate(key: MessageKey, substitutions?: string[]): string;
  /** The same rules as the call buttons: our "Call" counts only when the agent plainly clicked it. */
  guard: ClickGuard;
  /** Asks the background again, with the token the agent's yes redeems. */
  dial(request: DialRequest): Promise<DialReply>;
  /** Tells the background the agent said no (`call.cancelConfirmation`). */
  cancel(token: string): void;
  /** Timers that die with the content script (WXT's `ctx.setTimeout`). */
  later(task: () => void, ms: number): void;
  signal: AbortSignal;
}

export interface CallConfirmation {
  /**
   * Asks the agent about `confirm` in the page (replacing any question still open). `request` is
   * the dial that was answered with it; `done` gets the outcome's error (null: placed or declined).
   */
  show(
    confirm: DialConfirmation,
    request: DialRequest,
    done: (error: ErrorInfo | null) => void,
  ): void;
  /** Whether `element` is the confirmation's host (never scanned for numbers). */
  isHost(element: Element): boolean;
  /** Takes the question away without an answer (the content script stops). */
  remove(): void;
}

interface Open {
  host: HTMLElement;
  token: string;
  cancel(): void;
}

/**
 * The in-page question "Call this number?" for any `call.dial` the background holds for the
 * agent's yes (whatever its reasons): the number large, the reasons in words, **Call this number**
 * and **Don't call**. It lives in its own open shadow root, one at a time, fixed above the page.
 */
export function createCallConfirmation(options: CallConfirmationOptions): CallConfirmation {
  const { document, translate, guard } = options;
  let open: Open | null = null;
  let generation = 0;

  options.document.addEventListener(
    'keydown',
    (event) => {
      if (!open || !event.isTrusted || event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      open.cancel();
    },
    { capture: true, signal: options.signal },
  );
  options.signal.addEventListener('abort', () => remove());

  function show(
    confirm: DialConfirmation,
    request: DialRequest,
    done: (error: ErrorInfo | null) => void,
  ): void {
    open?.cancel();
    const shown = ++generation;
    const previousFocus = document.activeElement;
    const host = document.createElement(CONFIRMATION_HOST);
    styleHost(host, PLACEMENT);
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = CSS;

    const dialog = element('div', 'dialog');
    dialog.setAttribute('role', 'alertdialog');
    dialog.setAttribute('aria-labelledby', 'title');
    dialog.setAttribute('aria-describedby', 'number reasons');
    dialog.dataset.testid = 'call-confirmation';
    const title = element('h2', 'title', translate('confirmCallTitle'));
    title.id = 'title';
    const number = element('p', 'number', confirm.number);
    number.id = 'number';
    number.dir = 'ltr';
    const reasons = element('ul', 'reasons');
    reasons.id = 'reasons';
    for (const reason of confirm.reasons) {
      const key = REASON_TEXT[reason];
      if (key) reasons.append(element('li', '', translate(key)));
    }
    const note = element('p', 'note');
    note.setAttribute('role', 'status');
    note.hidden = true;
    const cancelButton = element('button', 'cancel', translate('confirmCancelButton'));
    const callButton = element('button', 'call', translate('confirmCallButton'));
    cancelButton.type = callButton.type = 'button';
    const actions = element('div', 'actions');
    actions.append(cancelButton, callButton);
    dialog.append(title, number, reasons, note, actions);
    root.append(style, dialog);

    const finish = (error: ErrorInfo | null) => {
      if (open?.host !== host) return;
      open = null;
      guard.unwatch(callButton);
      host.remove();
      if (previousFocus instanceof HTMLElement && previousFocus.isConnected) {
        previousFocus.focus({ preventScroll: true });
      }
      done(error);
    };
    const decline = () => {
      options.cancel(confirm.token);
      finish(null);
    };
    open = { host, token: confirm.token, cancel: decline };

    // Neither the page nor the row under us sees clicks on the question.
    root.addEventListener('click', (event) => event.stopPropagation());
    cancelButton.addEventListener('click', (event) => {
      event.preventDefault();
      if (event.isTrusted) decline();
    });
    let calling = false;
    callButton.addEventListener('click', (event) => {
      event.preventDefault();
      const verdict = guard.check(callButton, event);
      if (verdict === 'moved') {
        note.textContent = translate('callButtonClickAgain');
        note.hidden = false;
      }
      if (verdict !== 'ok' || calling) return;
      calling = true;
      callButton.setAttribute('aria-busy', 'true');
      const confirmed: DialRequest = { ...request, confirmation: confirm.token };
      delete confirmed.askFirst;
      options.dial(confirmed).then(
        (reply) => finish(reply.ok ? null : reply.error),
        () => finish({ key: 'errorUnexpected', substitutions: [] }),
      );
    });

    (document.body ?? document.documentElement).append(host);
    guard.watch(callButton);
    // The safe choice has focus: an Enter meant for the page does not place the call.
    cancelButton.focus({ preventScroll: true });
    options.later(() => {
      if (generation === shown && open?.host === host) finish(null);
    }, SHOWN_MS);
  }

  function element<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    className: string,
    text?: string,
  ): HTMLElementTagNameMap[K] {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  function remove(): void {
    open?.host.remove();
    open = null;
  }

  return {
    show,
    isHost: (element) => element.localName === CONFIRMATION_HOST,
    remove,
  };
}

/** Fixed near the top of the window, above everything the page draws. */
const PLACEMENT: [string, string][] = [
  ['display', 'block'],
  ['position', 'fixed'],
  ['z-index', '2147483647'],
  ['top', '16px'],
  ['left', '0'],
  ['right', '0'],
  ['margin', '0 auto'],
  ['width', 'min(360px, calc(100vw - 32px))'],
  ['height', 'auto'],
];

const CSS = `
:host { color-scheme: light dark; }
.dialog {
  box-sizing: border-box;
  padding: 16px 20px;
  border-radius: 10px;
  border: 1px solid #dadce0;
  background: #fff;
  color: #202124;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.25);
  font: 14px/1.45 system-ui, sans-serif;
  text-align: start;
}
.title { margin: 0 0 8px; font-size: 16px; font-weight: 600; }
.number {
  margin: 0 0 8px;
  font-size: 26px;
  font-weight: 600;
  letter-spacing: 0.02em;
  font-variant-numeric: tabular-nums;
  overflow-wrap: anywhere;
}
.reasons { margin: 0 0 12px; padding-inline-start: 18px; }
.note { margin: 0 0 8px; color: #b06000; }
.note[hidden] { display: none; }
.actions { display: flex; gap: 8px; justify-content: flex-end; flex-wrap: wrap; }
button {
  font: inherit;
  padding: 6px 14px;
  border-radius: 6px;
  border: 1px solid #dadce0;
  background: #fff;
  color: inherit;
  cursor: pointer;
}
button.call { background: #0b8043; border-color: #0b8043; color: #fff; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .dialog { background: #292a2d; color: #e8eaed; border-color: #5f6368; }
  button { background: #3c4043; border-color: #5f6368; }
  button.call { background: #1e8e3e; border-color: #1e8e3e; }
  .note { color: #fdd663; }
}
`;
