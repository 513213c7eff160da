import { describe, expect, it } from 'vitest';
import {
  CONFIRMATION_TTL_MS,
  createCallConfirmations,
  type DialSource,
} from '@/utils/background/calls/call-confirmations';

const tab7: DialSource = { kind: 'page', tabId: 7, url: 'https://acme.zendesk.com/agent/' };
const tab8: DialSource = { kind: 'page', tabId: 8, url: 'https://acme.zendesk.com/agent/' };
const call = { dial: '+19005550111', number: '+1 900 555 0111', reasons: ['link-text' as const] };

function setup() {
  let clock = 1_000;
  let counter = 0;
  const confirmations = createCallConfirmations({
    now: () => clock,
    newToken: () => `token-${++counter}`,
  });
  return { confirmations, advance: (ms: number) => (clock += ms) };
}

describe('call confirmations: a yes is for one number, from one asker, once', () => {
  it('redeems a token once, for the dial string it was issued for', () => {
    const { confirmations } = setup();
    const { token } = confirmations.ask(call, tab7);
    expect(confirmations.redeem(token, '+19005550112', tab7)).toBe(false);
    expect(confirmations.redeem(token, call.dial, tab7)).toBe(true);
    expect(confirmations.redeem(token, call.dial, tab7)).toBe(false);
  });

  it("refuses another tab's token, and a page cannot spend the popup's", () => {
    const { confirmations } = setup();
    const pageToken = confirmations.ask(call, tab7).token;
    expect(confirmations.redeem(pageToken, call.dial, tab8)).toBe(false);
    expect(confirmations.redeem(pageToken, call.dial, { kind: 'extension' })).toBe(false);
    const popupToken = confirmations.ask(call, { kind: 'extension' }).token;
    expect(confirmations.redeem(popupToken, call.dial, tab7)).toBe(false);
    expect(confirmations.redeem(popupToken, call.dial, { kind: 'extension' })).toBe(true);
  });

  it('expires after the TTL', () => {
    const { confirmations, advance } = setup();
    const { token } = confirmations.ask(call, tab7);
    advance(CONFIRMATION_TTL_MS);
    expect(confirmations.redeem(token, call.dial, tab7)).toBe(false);
  });

  it('keeps a selection confirmation pending for the popup until answered or cancelled', () => {
    const { confirmations, advance } = setup();
    expect(confirmations.pending()).toBeNull();
    confirmations.ask(call, tab7);
    expect(confirmations.pending()).toBeNull();
    const first = confirmations.ask({ ...call, reasons: ['selection'] }, { kind: 'selection' });
    advance(10);
    const second = confirmations.ask({ ...call, reasons: ['selection'] }, { kind: 'selection' });
    expect(confirmations.pending()?.token).toBe(second.token);
    confirmations.cancel(second.token);
    expect(confirmations.pending()?.token).toBe(first.token);
    expect(confirmations.redeem(first.token, call.dial, { kind: 'extension' })).toBe(true);
    expect(confirmations.pending()).toBeNull();
  });
});
