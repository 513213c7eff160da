import { initialShift } from '@/utils/shift/shift-state';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { showSessionOnBadge } from '@/utils/background/badge';
import type { SessionView } from '@/utils/messages';
import type { CallState, RegistrationState } from '@/utils/sip/phone-state';
import { incoming } from './calls/helpers/call-views';

const NORMAL = { 16: '/icon/16.png', 32: '/icon/32.png' };
const MUTED = { 16: '/icon/muted-16.png', 32: '/icon/muted-32.png' };

const loggedOut: SessionView = {
  loggedIn: false,
  lastInstance: '',
  lastAgent: '',
  lastSipServer: '',
};

function loggedIn(sip: RegistrationState, call: CallState | null = null): SessionView {
  return {
    loggedIn: true,
    instanceOrigin: 'https://acme.ucontactcloud.com',
    agent: 'ada',
    fullName: 'Ada Lovelace',
    extension: '1001',
    sip: { state: sip },
    call: call ? incoming('a', { state: call }) : null,
    otherCalls: [],
    shift: initialShift(0),
  };
}

/** The fake browser leaves the action API unimplemented: record what the badge sets. */
function toolbar() {
  const action = fakeBrowser.action;
  vi.spyOn(action, 'setBadgeText').mockResolvedValue();
  vi.spyOn(action, 'setBadgeBackgroundColor').mockResolvedValue();
  vi.spyOn(action, 'setTitle').mockResolvedValue();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
  return { setIcon: vi.spyOn(action, 'setIcon').mockResolvedValue() };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('toolbar icon', () => {
  it.each([
    ['logged out', loggedOut],
    ['connecting', loggedIn('connecting')],
    ['unregistered', loggedIn('unregistered')],
    ['in error', loggedIn('error')],
  ])('is grey while %s', async (_, view) => {
    const { setIcon } = toolbar();

    await showSessionOnBadge(view);

    expect(setIcon).toHaveBeenCalledExactlyOnceWith({ path: MUTED });
  });

  it.each([
    ['registered', loggedIn('registered')],
    ['ringing', loggedIn('registered', 'ringing')],
    ['in a call', loggedIn('registered', 'established')],
    ['holding a call', loggedIn('registered', 'held')],
    // A call outlives a lost registration: it is still the agent's to hang up.
    ['in a call while reconnecting', loggedIn('connecting', 'established')],
  ])('is the normal one while %s', async (_, view) => {
    const { setIcon } = toolbar();

    await showSessionOnBadge(view);

    // Chrome's build: Firefox's resets instead (tests/unit/toolbar-icons.test.ts).
    expect(setIcon).toHaveBeenCalledExactlyOnceWith({ path: NORMAL });
  });
});

describe('toolbar title', () => {
  it.each([
    ['ready', initialShift(0), 'sipStateRegistered'],
    [
      'on a break',
      { status: 'break' as const, since: 0, breakReason: 'Lunch', results: [] },
      'sipStateRegistered · badgeOnBreak(Lunch)',
    ],
    [
      'in wrap-up',
      { status: 'wrap-up' as const, since: 0, results: [] },
      'sipStateRegistered · badgeWrapUp',
    ],
  ])('tells the agent’s shift when %s', async (_, shift, expected) => {
    toolbar();
    // Message keys with their substitutions, so the test reads what was asked for.
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: unknown) =>
      subs === undefined || (Array.isArray(subs) && subs.length === 0)
        ? key
        : `${key}(${([] as unknown[]).concat(subs).join(',')})`,
    );
    await showSessionOnBadge({ ...loggedIn('registered'), shift } as SessionView);
    expect(fakeBrowser.action.setTitle).toHaveBeenCalledWith({ title: `extName — ${expected}` });
  });
});
