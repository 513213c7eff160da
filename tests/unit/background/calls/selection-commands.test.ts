import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createCallConfirmations } from '@/utils/background/calls/call-confirmations';
import {
  DIAL_SELECTION_COMMAND,
  installSelectionCommands,
} from '@/utils/background/calls/selection-commands';
import { createCallPlacer } from '@/utils/background/place-call';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings';

/** A browser event the test fires by hand (the fake browser has no menus or commands). */
function fakeEvent<A extends unknown[]>() {
  const listeners: ((...args: A) => void)[] = [];
  return {
    addListener: (listener: (...args: A) => void) => void listeners.push(listener),
    fire: (...args: A) => listeners.forEach((listener) => listener(...args)),
  };
}

/**
 * The context menu and keyboard command, with fakes for the browser's menus and commands and the
 * real call placer and confirmations: the same decisions as a click, plus the popup to confirm in.
 */
function setup(settings: Partial<Settings> = {}) {
  const onClicked =
    fakeEvent<
      [{ menuItemId: string; selectionText?: string; pageUrl?: string; frameUrl?: string }]
    >();
  const onCommand = fakeEvent<[string, { id?: number } | undefined]>();
  const selected = { text: '' };
  Object.assign(fakeBrowser, {
    contextMenus: { removeAll: vi.fn(async () => {}), create: vi.fn(), onClicked },
    commands: { onCommand },
    scripting: { executeScript: vi.fn(async () => [{ result: selected.text }]) },
  });
  const dial = vi.fn(async () => ({ ok: true as const, value: null }));
  const confirmations = createCallConfirmations();
  const placeCall = createCallPlacer({
    host: { command: dial } as never,
    readSettings: async () => ({ ...DEFAULT_SETTINGS, defaultCountry: 'US', ...settings }),
    confirmations,
    campaignCall: vi.fn(),
  });
  const openPopup = vi.fn(async () => {});
  const notify = vi.fn();
  installSelectionCommands({
    placeCall,
    openPopup,
    notify,
  });
  const settle = () =>
    vi.waitFor(() =>
      expect(openPopup.mock.calls.length + notify.mock.calls.length).toBeGreaterThan(0),
    );
  return {
    onClicked,
    onCommand,
    selected,
    dial,
    confirmations,
    placeCall,
    openPopup,
    notify,
    settle,
  };
}

describe('selection commands', () => {
  beforeEach(() => fakeBrowser.reset());

  it('the context menu on a premium-rate number: nothing dialled, the popup opens to confirm it', async () => {
    const { onClicked, dial, confirmations, placeCall, openPopup, settle } = setup();
    onClicked.fire({ menuItemId: 'call-selection', selectionText: 'Hotline 1-900-555-0111' });
    await settle();
    expect(openPopup).toHaveBeenCalledTimes(1);
    expect(dial).not.toHaveBeenCalled();
    const pending = confirmations.pending();
    expect(pending).toMatchObject({
      dial: '+19005550111',
      number: '+1 900 555 0111',
      reasons: ['selection', 'premium-rate'],
    });
    // The popup (an extension page) says yes with the token: one call.
    const yes = await placeCall(
      { dial: pending!.dial, display: pending!.number, confirmation: pending!.token },
      { kind: 'extension' },
    );
    expect(yes.ok).toBe(true);
    expect(dial).toHaveBeenCalledTimes(1);
  });

  it('the keyboard command reads the selection in the tab, and asks even for an ordinary number', async () => {
    const { onCommand, selected, dial, confirmations, openPopup, settle } = setup();
    selected.text = '(415) 555-0123';
    onCommand.fire(DIAL_SELECTION_COMMAND, { id: 7 });
    await settle();
    expect(openPopup).toHaveBeenCalledTimes(1);
    expect(confirmations.pending()?.reasons).toEqual(['selection']);
    expect(dial).not.toHaveBeenCalled();
  });

  it('a blocked number is refused with its message, and no popup asks to confirm it', async () => {
    const { onClicked, dial, confirmations, openPopup, notify, settle } = setup({
      blockedNumbers: ['+1900*'],
    });
    onClicked.fire({ menuItemId: 'call-selection', selectionText: '+1 900 555 0111' });
    await settle();
    expect(notify).toHaveBeenCalledWith({
      key: 'errorNumberBlocked',
      substitutions: ['+1 900 555 0111', '+1900*'],
    });
    expect(openPopup).not.toHaveBeenCalled();
    expect(confirmations.pending()).toBeNull();
    expect(dial).not.toHaveBeenCalled();
  });

  it('a selection without a number says so', async () => {
    const { onClicked, notify, settle } = setup();
    onClicked.fire({ menuItemId: 'call-selection', selectionText: 'no number here' });
    await settle();
    expect(notify).toHaveBeenCalledWith({ key: 'errorNoNumberInSelection', substitutions: [] });
  });

  it("text selected on the extension's own page is dialled without a second look", async () => {
    const { onClicked, dial, openPopup } = setup();
    onClicked.fire({
      menuItemId: 'call-selection',
      selectionText: '(415) 555-0123',
      pageUrl: browser.runtime.getURL('/options.html'),
    });
    await vi.waitFor(() => expect(dial).toHaveBeenCalledTimes(1));
    expect(openPopup).not.toHaveBeenCalled();
  });

  it('a page that only claims an extension URL in a frame is still asked about', async () => {
    const { onClicked, dial, openPopup, settle } = setup();
    onClicked.fire({
      menuItemId: 'call-selection',
      selectionText: '(415) 555-0123',
      pageUrl: 'https://evil.example/',
      frameUrl: 'https://evil.example/chrome-extension://x/options.html',
    });
    await settle();
    expect(openPopup).toHaveBeenCalledTimes(1);
    expect(dial).not.toHaveBeenCalled();
  });
});
