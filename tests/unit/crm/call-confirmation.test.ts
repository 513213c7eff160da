import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CONFIRMATION_HOST } from '@/utils/crm/call-confirmation';
import type { DialReply, DialRequest } from '@/utils/messages';
import {
  callButtons,
  english,
  fakeBackground,
  setPage,
  settle,
  startOnPage,
  trustedClick,
  type FakeBackground,
  type StartedPage,
} from './helpers/page';

const URL_GENERIC = 'https://intranet.example.com/contacts/42';
const TOKEN = 'token-1';

let page: StartedPage | null = null;
let background: FakeBackground;

/** The background's rule: a link whose text is not its number waits for a yes with the token. */
function askingBackground(reasons: string[] = ['link-text']): FakeBackground {
  const fake = fakeBackground();
  fake.dialReply = (request: DialRequest): DialReply => {
    if (request.confirmation === TOKEN) return { ok: true, value: null };
    if (request.confirmation) {
      return { ok: false, error: { key: 'errorConfirmationExpired', substitutions: [] } };
    }
    if (!request.askFirst && reasons.length === 1) return { ok: true, value: null };
    return {
      ok: false,
      error: { key: 'confirmCallFirst', substitutions: ['+1 900 555 0111'] },
      confirm: {
        token: TOKEN,
        dial: request.dial,
        number: '+1 900 555 0111',
        reasons: reasons as never,
      },
    };
  };
  return fake;
}

function start(html: string): void {
  setPage(html);
  page = startOnPage(URL_GENERIC, 'US');
}

function dialog(): HTMLElement | null {
  const host = document.querySelector(CONFIRMATION_HOST);
  return (host?.shadowRoot?.querySelector('[role="alertdialog"]') as HTMLElement | null) ?? null;
}

function dialogButton(name: string): HTMLButtonElement {
  const found = [...dialog()!.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

/** The agent clicks the page's `tel:` link (the click the link routing sees). */
function clickLink(): void {
  trustedClick(document.querySelector('a')!);
}

/** The misleading link: "View your invoice" that dials a premium-rate number. */
async function clickInvoiceLink(): Promise<void> {
  start('<p><a href="tel:+19005550111">View your invoice</a></p>');
  await settle();
  clickLink();
  await settle();
}

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  page?.abort.abort();
  page = null;
  document.body.replaceChildren();
});

describe('phone links', () => {
  it('a link showing its own number dials at once', async () => {
    background = askingBackground();
    start('<p><a href="tel:+14155550123">(415) 555-0123</a></p>');
    await settle();
    clickLink();
    await settle();
    expect(background.dials()).toEqual([{ dial: '+14155550123', display: '(415) 555-0123' }]);
    expect(dialog()).toBeNull();
  });

  it('a link whose text is not its number asks first', async () => {
    background = askingBackground();
    await clickInvoiceLink();
    expect(background.dials()).toEqual([
      { dial: '+19005550111', display: 'View your invoice', askFirst: 'link-text' },
    ]);
    expect(dialog()).not.toBeNull();
  });
});

describe('in-page confirmation', () => {
  it('renders the question: its name, the number large, the reasons, both buttons, focus on "Don\'t call"', async () => {
    background = askingBackground(['link-text', 'premium-rate']);
    await clickInvoiceLink();
    const shown = dialog()!;
    expect(shown.dataset.testid).toBe('call-confirmation');
    const title = shown.querySelector(`#${shown.getAttribute('aria-labelledby')}`)!;
    expect(title.textContent).toBe(english('confirmCallTitle'));
    expect(shown.querySelector('.number')!.textContent).toBe('+1 900 555 0111');
    expect([...shown.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      english('confirmReasonLinkText'),
      english('confirmReasonPremiumRate'),
    ]);
    expect([...shown.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      "Don't call",
      'Call this number',
    ]);
    const host = document.querySelector(CONFIRMATION_HOST) as HTMLElement;
    expect(host.style.getPropertyValue('position')).toBe('fixed');
    expect(host.style.getPropertyPriority('position')).toBe('important');
    expect(host.shadowRoot!.activeElement).toBe(dialogButton("Don't call"));
    // Its text is never scanned for numbers: no call button inside our own question.
    expect(callButtons(host.shadowRoot!)).toEqual([]);
  });

  it('"Call this number" dials again with the token, once, and the question goes', async () => {
    background = askingBackground();
    await clickInvoiceLink();
    const call = dialogButton('Call this number');
    call.click(); // a page script's click: ignored
    await settle();
    expect(background.dials()).toHaveLength(1);
    trustedClick(call);
    trustedClick(call);
    await settle();
    expect(background.dials()).toEqual([
      { dial: '+19005550111', display: 'View your invoice', askFirst: 'link-text' },
      { dial: '+19005550111', display: 'View your invoice', confirmation: TOKEN },
    ]);
    expect(document.querySelector(CONFIRMATION_HOST)).toBeNull();
  });

  it('"Don\'t call" and Escape cancel the token and dial nothing', async () => {
    background = askingBackground();
    await clickInvoiceLink();
    trustedClick(dialogButton("Don't call"));
    await settle();
    expect(dialog()).toBeNull();

    clickLink();
    await settle();
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    Object.defineProperty(escape, 'isTrusted', { value: true });
    document.body.dispatchEvent(escape);
    await settle();
    expect(dialog()).toBeNull();
    const cancels = background.messages.filter((m) => m.type === 'call.cancelConfirmation');
    expect(cancels.map((m) => m.payload)).toEqual([{ token: TOKEN }, { token: TOKEN }]);
    expect(background.dials()).toHaveLength(2); // the two questions, no call
  });

  it('shows one question at a time', async () => {
    background = askingBackground();
    await clickInvoiceLink();
    clickLink();
    await settle();
    expect(document.querySelectorAll(CONFIRMATION_HOST)).toHaveLength(1);
  });

  it('goes away after the confirmation’s lifetime', async () => {
    background = askingBackground();
    await clickInvoiceLink();
    const timer = page!.scheduler.timers.find((t) => t.ms === 120_000);
    expect(timer).toBeDefined();
    timer!.task();
    expect(dialog()).toBeNull();
  });

  it('an error on the confirmed dial (expired) shows in the inline hint', async () => {
    background = askingBackground();
    const reply = background.dialReply as (request: DialRequest) => DialReply;
    background.dialReply = (request) =>
      reply(request.confirmation ? { ...request, confirmation: 'stale' } : request);
    await clickInvoiceLink();
    trustedClick(dialogButton('Call this number'));
    await settle();
    const hint = callButtons()[0]!.parentNode!.querySelector('[role="status"]') as HTMLElement;
    expect(hint.hidden).toBe(false);
    expect(hint.textContent).toBe(english('errorConfirmationExpired'));
  });

  it('renders any reasons the background gives (a call button held for premium rate)', async () => {
    background = askingBackground(['premium-rate', 'shared-cost']);
    start('<p>+1 900 555 0111</p>');
    await settle();
    trustedClick(callButtons()[0]!);
    await settle();
    expect([...dialog()!.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      english('confirmReasonPremiumRate'),
      english('confirmReasonSharedCost'),
    ]);
  });
});
