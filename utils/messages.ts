import type { CallResultInput, ShiftState } from './shift/shift-state';
import type { ErrorInfo } from './errors';
import type { PhoneSettings } from './settings/settings';
import type { PhoneAccount } from './sip/phone-state';
import type {
  AudioStats,
  CampaignLeg,
  CallView,
  PhoneSnapshot,
  RegistrationState,
  RegistrationView,
} from './sip/phone-state';

/**
 * The one message contract between extension contexts. Each request is declared once with its
 * payload and reply; both ends import these types, so a wrong name or payload fails to compile.
 *
 *   popup / options / content scripts ──request──▶ background ──phone-host request──▶ phone host
 *   popup / options ◀──event── background or phone host (broadcast)
 */

export type SipState = RegistrationState;

export interface LoginRequest {
  instance: string;
  agent: string;
  password: string;
  sipServer: string;
}

/** What the UI needs to know about the session; never holds secrets. */
export type SessionView =
  | {
      loggedIn: false;
      lastInstance: string;
      lastAgent: string;
      lastSipServer: string;
      /** Login fields an administrator set and locked (absent when none). */
      locked?: ('instance' | 'sipServer')[];
    }
  | {
      loggedIn: true;
      instanceOrigin: string;
      agent: string;
      fullName: string;
      extension: string;
      sip: RegistrationView;
      call: CallView | null;
      otherCalls: CallView[];
      /** Ready, on a break or in wrap-up; the campaign call pending; results still due. */
      shift: ShiftState;
    };

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** A call the agent asked for: the dial string and the number as the page showed it. */
export interface DialRequest {
  /** Sanitized dial string: E.164 or digits with `+ * #`. Re-validated before it reaches SIP. */
  dial: string;
  /** The number as shown on the page or typed, for the UI only. */
  display: string;
  /** Extension digits (`x123`), sent as DTMF once the call is answered. */
  extension?: string;
  /** The content script wants the agent asked first (e.g. a link whose text is not its number). */
  askFirst?: ConfirmReason;
  /** The token of a confirmation the agent accepted (`DialConfirmation.token`). */
  confirmation?: string;
}

/**
 * Why the agent is asked before a call is placed: the number was not plainly in front of them
 * (`link-text`: a page link whose visible text is not the number it dials; `selection`: the context
 * menu or keyboard command on a web page), or the call may cost money (`premium-rate`,
 * `shared-cost`: libphonenumber's number types).
 */
export type ConfirmReason = 'link-text' | 'selection' | 'premium-rate' | 'shared-cost';

/** A call waiting for the agent's yes: show `number` large, then dial again with `token`. */
export interface DialConfirmation {
  /** One use, bound to this dial string and to who asked; expires after a short while. */
  token: string;
  dial: string;
  /** The number as it will be dialled, formatted for reading (international when known). */
  number: string;
  reasons: ConfirmReason[];
}

/** `call.dial`'s reply: placed, refused, or waiting for the agent's confirmation. */
export type DialReply = Result<null> | NeedsConfirmation;

/** Not placed yet: the agent must confirm `confirm` first (the error says so in words). */
export interface NeedsConfirmation {
  ok: false;
  error: ErrorInfo;
  confirm: DialConfirmation;
}

export function needsConfirmation(reply: DialReply): reply is NeedsConfirmation {
  return !reply.ok && 'confirm' in reply;
}

/** Which call a command is for; without `callId`, the one in front (or the one ringing). */
export interface CallTarget {
  callId?: string;
}

/** What a content script may know: whether clicking a number can place a call. No secrets. */
export interface PageStatus {
  loggedIn: boolean;
  sipState: SipState | null;
  inCall: boolean;
}

/**
 * A piece of a CRM page that may hold phone numbers, as the content script found it. The content
 * script only walks the page; reading numbers (libphonenumber-js and its metadata) happens once
 * per browser, in the background, off the page's thread.
 */
export type NumberCandidate =
  /** A text node: every number in it. */
  | { kind: 'text'; text: string }
  /** A CRM phone field's one text: the whole text as one number, else every number in it. */
  | { kind: 'field'; text: string }
  /** A phone input's value: the whole value as one number, or nothing. */
  | { kind: 'input'; text: string }
  /** A `tel:` (or adapter) link: the number it dials; `shown` is its text. */
  | { kind: 'link'; href: string; shown: string };

/** A number read from a candidate: where it sits in the text, what it dials, how it reads. */
export interface DetectedNumber {
  /** Range in the candidate's text (`text.slice(start, end)`); 0–length for links and inputs. */
  start: number;
  end: number;
  display: string;
  /** E.164 when valid for the default country, else the digits with `+ * #`. */
  dial: string;
  extension: string | undefined;
  formatted: string;
  /** What the house dial plan makes of `dial`, when it changes it (for the button's tooltip). */
  preview: string | null;
}

/**
 * What reading a page's candidates depends on: the page settings the content script read (from
 * the background, `page.settings`) and sends back with each batch, so every answer matches the
 * settings the page's scan started with.
 */
export interface NumberContext {
  /** The default-country setting (empty: from the browser's languages). */
  country: string | undefined;
  /**
   * The dial plan as the settings hold it (`DialPlanRules`), or null. Opaque here: the content
   * script only hands it back, and the background checks it again before using it.
   */
  dialPlan: unknown;
}

/** What a CRM page's content script needs of the settings: how to read numbers, and logging. */
export interface PageSettings extends NumberContext {
  debug: boolean;
}

/**
 * Commands for a call, declared once: the popup sends them to the background, which forwards them
 * to the phone host unchanged, and the phone host's handlers implement exactly these.
 */
export interface CallCommands {
  'call.answer': { payload: CallTarget; reply: Result<null> };
  'call.decline': { payload: CallTarget & { code?: 486 | 603 }; reply: Result<null> };
  'call.hangup': { payload: CallTarget; reply: Result<null> };
  'call.mute': { payload: { muted: boolean }; reply: Result<null> };
  'call.hold': { payload: CallTarget & { held: boolean }; reply: Result<null> };
  /** Blind transfer to a sanitized dial string, the way the settings' transfer mode says. */
  'call.transfer': { payload: { target: string }; reply: Result<null> };
  'call.dtmf': { payload: { digits: string }; reply: Result<null> };
  'call.stats': { payload: null; reply: Result<AudioStats | null> };
}

export type CallCommandType = keyof CallCommands;

/** The call commands by name, for code that forwards them (the compiler holds it complete). */
export const CALL_COMMANDS = Object.keys({
  'call.answer': true,
  'call.decline': true,
  'call.hangup': true,
  'call.mute': true,
  'call.hold': true,
  'call.transfer': true,
  'call.dtmf': true,
  'call.stats': true,
} satisfies Record<CallCommandType, true>) as CallCommandType[];

/** Requests the background answers: its own, and the call commands it forwards. */
export interface BackgroundRequests extends CallCommands {
  'session.get': { payload: null; reply: SessionView };
  'session.login': { payload: LoginRequest; reply: Result<SessionView> };
  'session.logout': { payload: null; reply: Result<SessionView> };
  'page.status': { payload: null; reply: PageStatus };
  /** The default country and dial plan a CRM page reads its numbers with. */
  'page.settings': { payload: null; reply: PageSettings };
  /** The numbers in each candidate, in order (an empty list where there is none). */
  'numbers.detect': {
    payload: NumberContext & { items: NumberCandidate[] };
    reply: DetectedNumber[][];
  };
  /** Whether `text` (what a link shows the agent) shows the number `dial` it dials. */
  'numbers.shows': { payload: NumberContext & { text: string; dial: string }; reply: boolean };
  /**
   * The agent is about to call (pointer or focus on a call control, the dial pad): the phone
   * prepares its media, so the call leaves at once. A no-op while not registered or on a call.
   */
  'call.prepare': { payload: null; reply: null };
  /** Every dial path ends here (popup, history, CRM pages): see the background's `placeCall`. */
  'call.dial': { payload: DialRequest; reply: DialReply };
  /** The confirmation the context menu or keyboard command left for the popup to show. */
  'call.pendingConfirmation': { payload: null; reply: DialConfirmation | null };
  /** The agent said no: the token is spent. */
  'call.cancelConfirmation': { payload: { token: string }; reply: null };
  'history.clear': { payload: null; reply: Result<null> };
  /** AgentBreak with this motive; the agent's shift shows the break. */
  'shift.break': { payload: { reason: string }; reply: Result<null> };
  /** AgentUnBreak with the break's motive: ready again. */
  'shift.resume': { payload: null; reply: Result<null> };
  /** DispositionCall for a finished campaign call; kept and shown again when it fails. */
  'shift.saveResult': { payload: CallResultInput; reply: Result<null> };
  'sites.enable': { payload: { origin: string; tabId?: number }; reply: Result<string[]> };
  'sites.disable': { payload: { origin: string }; reply: Result<string[]> };
}

export type RequestType = keyof BackgroundRequests;

/**
 * The requests content scripts may send. They run inside web pages, so they may only ask for the
 * page status, to read numbers, to prepare a call (on the agent's pointer or focus) and to dial
 * (after a trusted click); every other request (log in or out, control a
 * call, the call commands among them) is served only to the extension's own pages.
 */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set([
  'page.status',
  'page.settings',
  'numbers.detect',
  'numbers.shows',
  'call.prepare',
  'call.dial',
  'call.cancelConfirmation',
]);

/** Everything the phone host needs to run the agent's phone. Only the background sends it. */
export interface PhoneConfig {
  /** Identifies the login; a host already running this session keeps its phone. */
  sessionId: string;
  account: PhoneAccount;
  settings: PhoneSettings;
}

/**
 * Requests the phone host (Chrome: offscreen document; Firefox: background page) answers: the
 * phone's lifecycle, which only the background asks for, and the call commands.
 */
export interface PhoneHostRequests extends CallCommands {
  'phone.start': { payload: PhoneConfig; reply: Result<PhoneSnapshot> };
  'phone.stop': { payload: null; reply: Result<PhoneSnapshot> };
  'phone.snapshot': { payload: null; reply: PhoneSnapshot };
  /** The settings a running phone follows changed (devices, auto-answer, sounds, transfer). */
  'phone.configure': { payload: PhoneSettings; reply: null };
  /** Capture the microphone and gather candidates ahead of a call (released when idle). */
  'phone.prepare': { payload: null; reply: null };
  /** A dial string the background already checked and rewrote by the dial plan. */
  'phone.dial': { payload: DialRequest; reply: Result<null> };
  'phone.microphone': { payload: null; reply: PermissionState | 'unsupported' };
  /** A campaign call is pending: uContact's next auto-answer call is its first leg (null: not any more). */
  'phone.expectCampaignLeg': { payload: CampaignLeg | null; reply: Result<null> };
}

export type PhoneHostRequestType = keyof PhoneHostRequests;

/** A call that finished, and the login whose phone it was on (`PhoneConfig.sessionId`). */
export interface EndedCall {
  sessionId: string;
  call: CallView;
}

/** Events broadcast to every extension page that listens (and to the background). */
export interface BroadcastEvents {
  'session.changed': SessionView;
  /** The phone's state; `sessionId` says which login's phone it is. */
  'phone.changed': PhoneSnapshot;
  /** A call finished (for history, missed-call notices), whether or not it was in front. */
  'phone.callEnded': EndedCall;
}

export type EventType = keyof BroadcastEvents;

/** Chrome's phone host: the extension's offscreen document (`utils/background/offscreen-document.ts`). */
export const PHONE_HOST_DOCUMENT = 'offscreen.html';

/**
 * Who may send each event. Every event comes from an extension page, never from a content script
 * (which can send any envelope it likes); the phone's events only from the phone host's document.
 * (Firefox's phone host is the background page itself: its events are calls, not messages.)
 */
const EVENT_SENDERS: { [K in EventType]: 'extension-page' | 'phone-host' } = {
  'session.changed': 'extension-page',
  'phone.changed': 'phone-host',
  'phone.callEnded': 'phone-host',
};

/** Events the background pushes to content scripts in tabs (`tabs.sendMessage`). */
export interface PageEvents {
  'page.status': PageStatus;
}

interface Envelope<Kind extends string, Type extends string, Payload> {
  channel: 'ucontact';
  kind: Kind;
  type: Type;
  payload: Payload;
}

export type RequestEnvelope<K extends RequestType = RequestType> = Envelope<
  'request',
  K,
  BackgroundRequests[K]['payload']
>;
export type PhoneHostEnvelope<K extends PhoneHostRequestType = PhoneHostRequestType> = Envelope<
  'phone-host',
  K,
  PhoneHostRequests[K]['payload']
>;
export type EventEnvelope<K extends EventType = EventType> = Envelope<
  'event',
  K,
  BroadcastEvents[K]
>;
export type PageEventEnvelope<K extends keyof PageEvents = keyof PageEvents> = Envelope<
  'event',
  K,
  PageEvents[K]
>;

function isEnvelope(message: unknown, kind: string): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { channel?: unknown }).channel === 'ucontact' &&
    (message as { kind?: unknown }).kind === kind &&
    typeof (message as { type?: unknown }).type === 'string'
  );
}

export const isRequest = (message: unknown): message is RequestEnvelope =>
  isEnvelope(message, 'request');
export const isPhoneHostRequest = (message: unknown): message is PhoneHostEnvelope =>
  isEnvelope(message, 'phone-host');
export const isEvent = (message: unknown): message is EventEnvelope => isEnvelope(message, 'event');

/** Asks the background; resolves with its typed reply. */
export function request<K extends RequestType>(
  type: K,
  payload: BackgroundRequests[K]['payload'],
): Promise<BackgroundRequests[K]['reply']> {
  const envelope: RequestEnvelope<K> = { channel: 'ucontact', kind: 'request', type, payload };
  return browser.runtime.sendMessage(envelope) as Promise<BackgroundRequests[K]['reply']>;
}

/** Asks the phone host in another document (Chrome's offscreen document). Background only. */
export function requestPhoneHost<K extends PhoneHostRequestType>(
  type: K,
  payload: PhoneHostRequests[K]['payload'],
): Promise<PhoneHostRequests[K]['reply']> {
  const envelope: PhoneHostEnvelope<K> = { channel: 'ucontact', kind: 'phone-host', type, payload };
  return browser.runtime.sendMessage(envelope) as Promise<PhoneHostRequests[K]['reply']>;
}

/** Tells every listening extension page; nobody listening (popup closed) is not an error. */
export function broadcast<K extends EventType>(type: K, payload: BroadcastEvents[K]): void {
  const envelope: EventEnvelope<K> = { channel: 'ucontact', kind: 'event', type, payload };
  browser.runtime.sendMessage(envelope).catch(() => undefined);
}

/** Pushes a page event to one tab's content scripts; a tab without them is not an error. */
export function sendToTab<K extends keyof PageEvents>(
  tabId: number,
  type: K,
  payload: PageEvents[K],
): void {
  const envelope: PageEventEnvelope<K> = { channel: 'ucontact', kind: 'event', type, payload };
  browser.tabs.sendMessage(tabId, envelope).catch(() => undefined);
}

type Sender = Browser.runtime.MessageSender;

/**
 * Subscribes to one broadcast event; returns the unsubscribe function. Events are checked like
 * requests: one from a sender `EVENT_SENDERS` does not name for it is dropped unseen.
 */
export function onEvent<K extends EventType>(
  type: K,
  listener: (payload: BroadcastEvents[K]) => void,
): () => void {
  const handle = (message: unknown, sender: Sender) => {
    if (!isEvent(message) || message.type !== type || !maySendEvent(sender, type)) return;
    listener(message.payload as BroadcastEvents[K]);
  };
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}

function maySendEvent(sender: Sender, type: EventType): boolean {
  if (!isFromExtensionPage(sender)) return false;
  return (
    EVENT_SENDERS[type] === 'extension-page' ||
    sender.url === browser.runtime.getURL(`/${PHONE_HOST_DOCUMENT}`)
  );
}

export type RequestHandlers = {
  [K in RequestType]: (
    payload: BackgroundRequests[K]['payload'],
    sender: Sender,
  ) => Promise<BackgroundRequests[K]['reply']>;
};

export type PhoneHostHandlers = {
  [K in PhoneHostRequestType]: (
    payload: PhoneHostRequests[K]['payload'],
  ) => Promise<PhoneHostRequests[K]['reply']>;
};

/**
 * Whether `url` is one of this extension's own pages (popup, options, offscreen document,
 * background). By URL prefix, not `URL.origin`: that is `"null"` for `chrome-extension:` URLs
 * wherever the URL parser does not know the scheme, which would let any extension's page pass.
 */
export function isExtensionUrl(url: string | undefined): boolean {
  return !!url && url.startsWith(browser.runtime.getURL('/'));
}

/** Whether a message came from one of the extension's own pages (not a content script). */
export function isFromExtensionPage(sender: Sender): boolean {
  return sender.id === browser.runtime.id && isExtensionUrl(sender.url);
}

/** Serves requests in the background; content scripts only those in `CONTENT_SCRIPT_REQUESTS`. */
export function handleRequests(handlers: RequestHandlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => {
    if (!isRequest(message) || !Object.hasOwn(handlers, message.type)) return undefined;
    if (sender.id !== browser.runtime.id) return undefined;
    if (!isFromExtensionPage(sender) && !CONTENT_SCRIPT_REQUESTS.has(message.type)) {
      return undefined;
    }
    const handler = handlers[message.type] as (
      payload: unknown,
      sender: Sender,
    ) => Promise<unknown>;
    return handler(message.payload, sender);
  });
}

/** Serves phone-host requests in the offscreen document; only the extension itself may ask. */
export function handlePhoneHostRequests(handlers: PhoneHostHandlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => {
    if (!isPhoneHostRequest(message) || !Object.hasOwn(handlers, message.type)) return undefined;
    if (sender.id !== browser.runtime.id || (sender.url && !isFromExtensionPage(sender)))
      return undefined;
    const handler = handlers[message.type] as (payload: unknown) => Promise<unknown>;
    return handler(message.payload);
  });
}
