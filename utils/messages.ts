import type { ErrorInfo } from './errors';

/**
 * The one message contract between extension contexts. Each request is declared once with its
 * payload and reply; both ends import these types, so a wrong name or payload fails to compile.
 */

export type SipState = 'connecting' | 'registered' | 'unregistered' | 'error';

export interface LoginRequest {
  instance: string;
  agent: string;
  password: string;
  sipServer: string;
}

/** What the UI needs to know about the session; never holds secrets. */
export type SessionView =
  | { loggedIn: false; lastInstance: string; lastAgent: string; lastSipServer: string }
  | {
      loggedIn: true;
      instanceOrigin: string;
      agent: string;
      fullName: string;
      extension: string;
      sip: { state: SipState; error?: ErrorInfo };
    };

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** A call the agent asked for: the dial string and the number as the page showed it. */
export interface DialRequest {
  /** Sanitized dial string: E.164 or digits with `+ * #`. Re-validated by the background. */
  dial: string;
  /** The number as shown on the page or typed, for the UI only. */
  display: string;
}

/** What a content script may know: whether clicking a number can place a call. No secrets. */
export interface PageStatus {
  loggedIn: boolean;
  sipState: SipState | null;
  inCall: boolean;
}

/** Requests the background answers. */
export interface BackgroundRequests {
  'session.get': { payload: null; reply: SessionView };
  'session.login': { payload: LoginRequest; reply: Result<SessionView> };
  'session.logout': { payload: null; reply: Result<SessionView> };
  'page.status': { payload: null; reply: PageStatus };
  'call.dial': { payload: DialRequest; reply: Result<null> };
}

/**
 * Who may send each request. Content scripts run inside web pages, so they may only ask for the
 * page status and to dial (after a trusted click); never log in, log out or read the session.
 */
export const REQUEST_AUDIENCE: Record<RequestType, 'extension-pages' | 'content-scripts-too'> = {
  'session.get': 'extension-pages',
  'session.login': 'extension-pages',
  'session.logout': 'extension-pages',
  'page.status': 'content-scripts-too',
  'call.dial': 'content-scripts-too',
};

/** Events the background broadcasts to every extension page that listens. */
export interface BackgroundEvents {
  'session.changed': SessionView;
}

/** Events the background sends to content scripts in tabs (via `tabs.sendMessage`). */
export interface PageEvents {
  'page.status': PageStatus;
}

export type RequestType = keyof BackgroundRequests;
export type EventType = keyof BackgroundEvents;

export interface RequestEnvelope<K extends RequestType = RequestType> {
  channel: 'ucontact';
  kind: 'request';
  type: K;
  payload: BackgroundRequests[K]['payload'];
}

export interface EventEnvelope<K extends EventType = EventType> {
  channel: 'ucontact';
  kind: 'event';
  type: K;
  payload: BackgroundEvents[K];
}

export function isRequest(message: unknown): message is RequestEnvelope {
  return isEnvelope(message) && message.kind === 'request';
}

export function isEvent(message: unknown): message is EventEnvelope {
  return isEnvelope(message) && message.kind === 'event';
}

function isEnvelope(message: unknown): message is { channel: 'ucontact'; kind: string; type: string } {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { channel?: unknown }).channel === 'ucontact' &&
    typeof (message as { type?: unknown }).type === 'string'
  );
}

/** Asks the background; resolves with its typed reply. */
export function request<K extends RequestType>(
  type: K,
  payload: BackgroundRequests[K]['payload'],
): Promise<BackgroundRequests[K]['reply']> {
  const envelope: RequestEnvelope<K> = { channel: 'ucontact', kind: 'request', type, payload };
  return browser.runtime.sendMessage(envelope) as Promise<BackgroundRequests[K]['reply']>;
}

/** Tells every listening extension page; nobody listening (popup closed) is not an error. */
export function broadcast<K extends EventType>(type: K, payload: BackgroundEvents[K]): void {
  const envelope: EventEnvelope<K> = { channel: 'ucontact', kind: 'event', type, payload };
  browser.runtime.sendMessage(envelope).catch(() => undefined);
}

/** Subscribes to one broadcast event; returns the unsubscribe function. */
export function onEvent<K extends EventType>(
  type: K,
  listener: (payload: BackgroundEvents[K]) => void,
): () => void {
  const handle = (message: unknown) => {
    if (isEvent(message) && message.type === type) listener(message.payload as BackgroundEvents[K]);
  };
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}

export type RequestHandlers = {
  [K in RequestType]: (
    payload: BackgroundRequests[K]['payload'],
    sender: Browser.runtime.MessageSender,
  ) => Promise<BackgroundRequests[K]['reply']>;
};

/** Serves requests in the background, each only from the senders `REQUEST_AUDIENCE` allows. */
export function handleRequests(handlers: RequestHandlers): void {
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isRequest(message) || !(message.type in handlers)) return undefined;
    if (sender.id !== browser.runtime.id) return undefined;
    const fromExtensionPage = !!sender.url && new URL(sender.url).origin === extensionOrigin;
    if (!fromExtensionPage && REQUEST_AUDIENCE[message.type] !== 'content-scripts-too') {
      return undefined;
    }
    const handler = handlers[message.type] as (
      payload: unknown,
      sender: Browser.runtime.MessageSender,
    ) => Promise<unknown>;
    return handler(message.payload, sender);
  });
}
