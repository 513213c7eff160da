import { createRoot } from 'solid-js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { DialConfirmation } from '@/utils/messages';
import { createSessionStore } from '@/utils/popup/session-store';

const PENDING: DialConfirmation = {
  token: 't-1',
  dial: '+19005550111',
  number: '+1 900 555 0111',
  reasons: ['selection', 'premium-rate'],
};

/** The popup's store against a fake background that answers the requests it is sent. */
function withBackground(answer: (type: string, payload: unknown) => unknown) {
  const sent: { type: string; payload: unknown }[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (envelope: {
    type: string;
    payload: unknown;
  }) => {
    sent.push({ type: envelope.type, payload: envelope.payload });
    return answer(envelope.type, envelope.payload);
  }) as never);
  const store = createRoot(() => createSessionStore());
  return { store, sent };
}

describe('the popup store and confirmations', () => {
  beforeEach(() => fakeBrowser.reset());

  it('shows what the context menu left pending; "Call this number" dials it with the token', async () => {
    const { store, sent } = withBackground((type) =>
      type === 'call.pendingConfirmation'
        ? PENDING
        : type === 'call.dial'
          ? { ok: true, value: null }
          : { loggedIn: false },
    );
    await vi.waitFor(() => expect(store.confirmation()).toEqual(PENDING));
    expect(await store.confirmCall()).toBe(true);
    expect(sent.find((m) => m.type === 'call.dial')?.payload).toEqual({
      dial: '+19005550111',
      display: '+1 900 555 0111',
      confirmation: 't-1',
    });
    expect(store.confirmation()).toBeUndefined();
  });

  it('a dial that needs a yes shows the confirmation, not an error; "Don\'t call" spends the token', async () => {
    const { store, sent } = withBackground((type) =>
      type === 'call.dial'
        ? {
            ok: false,
            error: { key: 'confirmCallFirst', substitutions: ['+1 900 555 0111'] },
            confirm: { ...PENDING, reasons: ['premium-rate'] },
          }
        : type === 'call.pendingConfirmation'
          ? null
          : type === 'call.cancelConfirmation'
            ? null
            : { loggedIn: false },
    );
    expect(await store.dial({ dial: '+19005550111', display: '+1 900 555 0111' })).toBe(false);
    expect(store.confirmation()?.reasons).toEqual(['premium-rate']);
    expect(store.error()).toBeUndefined();
    await store.cancelConfirmation();
    expect(store.confirmation()).toBeUndefined();
    expect(sent.at(-1)).toEqual({ type: 'call.cancelConfirmation', payload: { token: 't-1' } });
    expect(sent.filter((m) => m.type === 'call.dial')).toHaveLength(1);
  });

  it('a refusal (a blocked number) is shown as an error, with nothing to confirm', async () => {
    const error = { key: 'errorNumberBlocked', substitutions: ['+1 900 555 0111', '+1900*'] };
    const { store } = withBackground((type) =>
      type === 'call.dial' ? { ok: false, error } : type === 'call.pendingConfirmation' ? null : {},
    );
    expect(await store.dial({ dial: '+19005550111', display: 'x' })).toBe(false);
    expect(store.error()).toEqual(error);
    expect(store.confirmation()).toBeUndefined();
  });
});
