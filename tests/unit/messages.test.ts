import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  handleRequests,
  onEvent,
  type EventEnvelope,
  type EventType,
  type RequestHandlers,
} from '@/utils/messages';
import type { PhoneSnapshot } from '@/utils/sip/phone-state';

type Sender = Browser.runtime.MessageSender;

const ID = 'test-extension-id';

/** The tab a sender is in: only the fields these tests look at. */
const tab = (id: number, url: string) => ({ id, url }) as Browser.tabs.Tab;
const PAGE = (path: string) => `chrome-extension://${ID}/${path}`;

/** Who can call `runtime.sendMessage`, as Chrome describes them to a listener. */
const SENDERS = {
  offscreenDocument: { id: ID, url: PAGE('offscreen.html'), origin: `chrome-extension://${ID}` },
  serviceWorker: { id: ID, url: PAGE('background.js'), origin: `chrome-extension://${ID}` },
  popup: { id: ID, url: PAGE('popup.html'), origin: `chrome-extension://${ID}` },
  popupInATab: {
    id: ID,
    url: PAGE('popup.html'),
    tab: tab(7, PAGE('popup.html')),
    frameId: 0,
  },
  /** A content script in a CRM tab: the page can make it send any envelope it likes. */
  contentScript: {
    id: ID,
    url: 'https://crm.example.com/contacts/42',
    origin: 'https://crm.example.com',
    tab: tab(5, 'https://crm.example.com/contacts/42'),
    frameId: 0,
  },
  contentScriptInAFrame: {
    id: ID,
    url: 'https://evil.example/frame.html',
    tab: tab(5, 'https://crm.example.com/contacts/42'),
    frameId: 3,
  },
  otherExtension: {
    id: 'other-extension-id',
    url: 'chrome-extension://other-extension-id/offscreen.html',
  },
  otherExtensionClaimingOurId: {
    id: ID,
    url: 'chrome-extension://other-extension-id/offscreen.html',
  },
  noUrl: { id: ID },
} satisfies Record<string, Sender>;

type SenderName = keyof typeof SENDERS;

const SNAPSHOT: PhoneSnapshot = {
  sessionId: 'session-1',
  registration: { state: 'registered' },
  call: null,
  otherCalls: [],
};

function event<K extends EventType>(type: K, payload: unknown): EventEnvelope<K> {
  return { channel: 'ucontact', kind: 'event', type, payload } as EventEnvelope<K>;
}

/** Delivers `message` to every runtime.onMessage listener as if `sender` had sent it. */
async function deliver(message: unknown, sender: SenderName): Promise<unknown[]> {
  return fakeBrowser.runtime.onMessage.trigger(message, SENDERS[sender]);
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('onEvent: events are checked like requests', () => {
  it.each<SenderName>(['offscreenDocument'])(
    'phone.changed from the phone host (%s) reaches the listener',
    async (sender) => {
      const listener = vi.fn();
      onEvent('phone.changed', listener);

      await deliver(event('phone.changed', SNAPSHOT), sender);

      expect(listener).toHaveBeenCalledExactlyOnceWith(SNAPSHOT);
    },
  );

  it.each<SenderName>([
    'contentScript',
    'contentScriptInAFrame',
    'otherExtension',
    'otherExtensionClaimingOurId',
    'noUrl',
    // Extension pages, but not the phone host: only it speaks for the phone.
    'popup',
    'popupInATab',
    'serviceWorker',
  ])('phone.changed and phone.callEnded from %s are dropped unseen', async (sender) => {
    const changed = vi.fn();
    const ended = vi.fn();
    onEvent('phone.changed', changed);
    onEvent('phone.callEnded', ended);

    await deliver(event('phone.changed', SNAPSHOT), sender);
    await deliver(event('phone.callEnded', { sessionId: 'session-1', call: {} }), sender);

    expect(changed).not.toHaveBeenCalled();
    expect(ended).not.toHaveBeenCalled();
  });

  it.each<SenderName>(['serviceWorker', 'popup', 'popupInATab', 'offscreenDocument'])(
    'session.changed from an extension page (%s) reaches the popup',
    async (sender) => {
      const listener = vi.fn();
      onEvent('session.changed', listener);
      const view = { loggedIn: false, lastInstance: '', lastAgent: '', lastSipServer: '' };

      await deliver(event('session.changed', view), sender);

      expect(listener).toHaveBeenCalledExactlyOnceWith(view);
    },
  );

  it.each<SenderName>(['contentScript', 'contentScriptInAFrame', 'otherExtension', 'noUrl'])(
    'session.changed from %s is dropped: a page cannot paint the popup',
    async (sender) => {
      const listener = vi.fn();
      onEvent('session.changed', listener);

      await deliver(event('session.changed', { loggedIn: true, fullName: 'Fake' }), sender);

      expect(listener).not.toHaveBeenCalled();
    },
  );

  it('a listener hears only its own event type, and stops after unsubscribing', async () => {
    const listener = vi.fn();
    const unsubscribe = onEvent('phone.callEnded', listener);

    await deliver(event('phone.changed', SNAPSHOT), 'offscreenDocument');
    expect(listener).not.toHaveBeenCalled();

    unsubscribe();
    await deliver(event('phone.callEnded', { sessionId: 's', call: {} }), 'offscreenDocument');
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('handleRequests: content scripts may only ask for the page status and to dial', () => {
  function serve() {
    const handlers = {
      'session.logout': vi.fn(async () => ({ ok: true })),
      'page.status': vi.fn(async () => ({ loggedIn: false, sipState: null, inCall: false })),
    };
    handleRequests(handlers as unknown as RequestHandlers);
    return handlers;
  }
  const request = (type: string) => ({ channel: 'ucontact', kind: 'request', type, payload: null });

  it('serves a content script page.status but not session.logout', async () => {
    const handlers = serve();

    await deliver(request('page.status'), 'contentScript');
    await deliver(request('session.logout'), 'contentScript');

    expect(handlers['page.status']).toHaveBeenCalledTimes(1);
    expect(handlers['session.logout']).not.toHaveBeenCalled();
  });

  it('serves the popup everything, and another extension nothing', async () => {
    const handlers = serve();

    await deliver(request('session.logout'), 'popup');
    await deliver(request('page.status'), 'otherExtension');

    expect(handlers['session.logout']).toHaveBeenCalledTimes(1);
    expect(handlers['page.status']).not.toHaveBeenCalled();
  });
});
