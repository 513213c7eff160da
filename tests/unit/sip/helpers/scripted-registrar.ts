import { createHash } from 'node:crypto';
import type { Transport } from 'sip.js';
import { FakeTransport, type FakeWire } from './fake-transport';
import {
  buildResponse,
  digestParams,
  headerOf,
  headerParam,
  parseSipRequest,
  uriOf,
  type SipRequest,
} from './sip-message';

/** How the registrar answers one REGISTER. */
export type RegisterAnswer =
  /** Like Asterisk: challenge without valid credentials, 403 on a wrong digest, else 200. */
  | { kind: 'auto' }
  /** 401 with a fresh nonce (realm from the config). */
  | { kind: 'challenge'; qop?: boolean }
  /** 200 OK, granting `expires` seconds (default: what was asked). */
  | { kind: 'ok'; expires?: number }
  | { kind: 'reject'; status: number; retryAfter?: number }
  /** No answer at all: sip.js times out after Timer F (32 s). */
  | { kind: 'silence' }
  /** The connection drops instead of an answer. */
  | { kind: 'drop' };

export interface RecordedRegister {
  /** `Date.now()` when it was sent (fake clock in tests). */
  at: number;
  request: SipRequest;
  callId: string;
  cseq: number;
  /** Contact URI, without parameters outside the brackets. */
  contact: string;
  contactUser: string;
  /** Requested lifetime: the Contact's `expires` parameter, else the Expires header. */
  expires: number | undefined;
  /** Authorization parameters, when the request carried them. */
  digest: Record<string, string> | undefined;
  /** What the registrar did: a status code, `silence` or `drop`. */
  answer: string;
}

export interface RegistrarConfig {
  realm: string;
  username: string;
  /** MD5(username:realm:password), as Asterisk stores it. */
  ha1: string;
}

/** The class sip.js instantiates (`new (logger, options)`), wired to `registrar`. */
function transportClassFor(registrar: ScriptedRegistrar) {
  return class extends FakeTransport {
    constructor(_logger: unknown, _options: unknown) {
      super(registrar);
      registrar.transports.push(this);
    }
  };
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

const REASONS: Record<number, string> = {
  200: 'OK',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  486: 'Busy Here',
  487: 'Request Terminated',
  500: 'Server Internal Error',
  503: 'Service Unavailable',
};

/**
 * The far end of the fake transport: a registrar that answers each REGISTER from a script the test
 * controls, records everything the phone sends, and keeps a binding table like a real one.
 */
export class ScriptedRegistrar implements FakeWire {
  /** Pass as `PhoneOptions.transportConstructor`. */
  readonly Transport: new (logger: unknown, options: unknown) => Transport;
  readonly transports: FakeTransport[] = [];
  readonly requests: SipRequest[] = [];
  readonly registers: RecordedRegister[] = [];
  /** Contact URI → expiry (epoch ms): what a real registrar would route calls to. */
  readonly bindings = new Map<string, number>();
  /** Requests other than REGISTER (INVITE, ACK, CANCEL…), for the test to answer. */
  onRequest: ((request: SipRequest, transport: FakeTransport) => void) | undefined;
  /** Answer once the script is used up. */
  fallback: RegisterAnswer = { kind: 'auto' };
  connectAttempts = 0;
  private readonly script: RegisterAnswer[] = [];
  private readonly refusals: Error[] = [];
  private readonly nonces = new Set<string>();
  private nonceCounter = 0;

  constructor(readonly config: RegistrarConfig) {
    this.Transport = transportClassFor(this);
  }

  /** Queues answers for the next REGISTERs, in order. */
  answer(...answers: RegisterAnswer[]): this {
    this.script.push(...answers);
    return this;
  }

  /** The next connection attempts fail (server down). */
  refuseConnects(count: number): this {
    for (let i = 0; i < count; i++) this.refusals.push(new Error('WebSocket connection refused'));
    return this;
  }

  /** The transport the phone made (one per user agent). */
  get transport(): FakeTransport {
    const transport = this.transports.at(-1);
    if (!transport) throw new Error('the phone has not created a transport');
    return transport;
  }

  /** Sends a response to `request` over the current connection. */
  reply(request: SipRequest, status: number, headers: string[] = [], body = ''): void {
    this.transport.deliver(
      buildResponse(request, status, REASONS[status] ?? 'Whatever', headers, body),
    );
  }

  accept(): Error | undefined {
    this.connectAttempts += 1;
    return this.refusals.shift();
  }

  receive(transport: FakeTransport, message: string): void {
    const request = parseSipRequest(message);
    if (!request) return; // a response from the phone (to an INVITE, say): nothing to do
    this.requests.push(request);
    if (request.method === 'REGISTER') this.onRegister(request, transport);
    else this.onRequest?.(request, transport);
  }

  private onRegister(request: SipRequest, transport: FakeTransport): void {
    const contactHeader = headerOf(request, 'Contact') ?? '';
    const contact = uriOf(contactHeader);
    const expiresParam = headerParam(contactHeader, 'expires') ?? headerOf(request, 'Expires');
    const authorization = headerOf(request, 'Authorization');
    const record: RecordedRegister = {
      at: Date.now(),
      request,
      callId: headerOf(request, 'Call-ID') ?? '',
      cseq: Number.parseInt(headerOf(request, 'CSeq') ?? '', 10),
      contact,
      contactUser: /^sips?:([^@;]+)@/.exec(contact)?.[1] ?? '',
      expires: expiresParam === undefined ? undefined : Number(expiresParam),
      digest: authorization ? digestParams(authorization) : undefined,
      answer: '',
    };
    this.registers.push(record);

    let answer = this.script.shift() ?? this.fallback;
    if (answer.kind === 'auto') answer = this.judge(request, record);
    switch (answer.kind) {
      case 'challenge': {
        this.nonceCounter += 1;
        const nonce = `nonce-${this.nonceCounter}-${md5(String(this.nonceCounter)).slice(0, 8)}`;
        this.nonces.add(nonce);
        const qop = answer.qop ? ', qop="auth"' : '';
        record.answer = '401';
        transport.deliver(
          buildResponse(request, 401, 'Unauthorized', [
            `WWW-Authenticate: Digest realm="${this.config.realm}", nonce="${nonce}", algorithm=MD5${qop}`,
          ]),
        );
        return;
      }
      case 'ok': {
        const granted = answer.expires ?? record.expires ?? 3600;
        this.bind(contact, granted);
        record.answer = '200';
        transport.deliver(buildResponse(request, 200, 'OK', this.contactHeaders()));
        return;
      }
      case 'reject': {
        record.answer = String(answer.status);
        const headers =
          answer.retryAfter === undefined ? [] : [`Retry-After: ${answer.retryAfter}`];
        transport.deliver(
          buildResponse(request, answer.status, REASONS[answer.status] ?? 'Failure', headers),
        );
        return;
      }
      case 'silence':
        record.answer = 'silence';
        return;
      case 'drop':
        record.answer = 'drop';
        void Promise.resolve().then(() => transport.drop());
        return;
    }
  }

  /** Asterisk-like verdict on credentials. */
  private judge(request: SipRequest, record: RecordedRegister): RegisterAnswer {
    const digest = record.digest;
    if (!digest?.nonce || !this.nonces.has(digest.nonce)) return { kind: 'challenge' };
    return digest.response === this.expectedResponse(request.method, digest)
      ? { kind: 'ok' }
      : { kind: 'reject', status: 403 };
  }

  /** RFC 2617 response from the stored HA1. */
  expectedResponse(method: string, digest: Record<string, string>): string {
    const ha2 = md5(`${method}:${digest.uri ?? ''}`);
    return digest.qop === 'auth'
      ? md5(`${this.config.ha1}:${digest.nonce}:${digest.nc}:${digest.cnonce}:auth:${ha2}`)
      : md5(`${this.config.ha1}:${digest.nonce}:${ha2}`);
  }

  private bind(contact: string, expires: number): void {
    const now = Date.now();
    for (const [uri, expiresAt] of this.bindings) if (expiresAt <= now) this.bindings.delete(uri);
    if (expires === 0) this.bindings.delete(contact);
    else this.bindings.set(contact, now + expires * 1_000);
  }

  /** RFC 3261 §10.3: a 200 lists every current binding with its remaining lifetime. */
  private contactHeaders(): string[] {
    const now = Date.now();
    return [...this.bindings].map(
      ([uri, expiresAt]) => `Contact: <${uri}>;expires=${Math.round((expiresAt - now) / 1_000)}`,
    );
  }
}
