import type { FakeTransport } from './fake-transport';
import { ScriptedRegistrar, type RegistrarConfig } from './scripted-registrar';
import { buildResponse, headerOf, uriOf, type SipRequest } from './sip-message';
import { stubSdp } from './stub-media';

/** A SIP response as it left the phone. */
export interface SipResponse {
  status: number;
  reason: string;
  headers: Array<[string, string]>;
  body: string;
  text: string;
}

const CRLF = '\r\n';

/** Parses a response; requests give `undefined`. */
export function parseSipResponse(text: string): SipResponse | undefined {
  const split = text.indexOf(CRLF + CRLF);
  const head = split === -1 ? text : text.slice(0, split);
  const body = split === -1 ? '' : text.slice(split + 4);
  const [statusLine = '', ...lines] = head.split(CRLF);
  const match = /^SIP\/2\.0 (\d{3}) (.*)$/.exec(statusLine);
  if (!match) return undefined;
  const headers: Array<[string, string]> = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { status: Number(match[1]), reason: match[2] ?? '', headers, body, text };
}

/** The first value of a header of a request or response, by case-insensitive name. */
export function headerIn(
  message: { headers: Array<[string, string]> },
  name: string,
): string | undefined {
  return message.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

/** The method of a message's CSeq (`12 INVITE` gives `INVITE`). */
export function cseqMethod(message: { headers: Array<[string, string]> }): string {
  return (headerIn(message, 'CSeq') ?? '').split(/\s+/)[1] ?? '';
}

export interface RingOptions {
  /** Caller number (the From user). */
  number?: string;
  /** Caller display name; none when empty. */
  name?: string;
  /** Extra header lines, e.g. `P-Auto-Answer: normal`. */
  headers?: string[];
}

/** One call the PBX offers the phone, seen from the PBX. */
export interface PbxCall {
  callId: string;
  /** The INVITE's Via branch (CANCEL and the ACK of a failure reuse it). */
  branch: string;
  uri: string;
  from: string;
  /** The To header of the phone's final answer (with the phone's tag), once it came. */
  to?: string;
  /** The phone's Contact URI from its 2xx: where in-dialog requests go. */
  phoneContact?: string;
  cseq: number;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  202: 'Accepted',
  403: 'Forbidden',
  488: 'Not Acceptable Here',
};

/**
 * The scripted registrar, grown into a small PBX: it also offers calls to the phone (INVITE with
 * an SDP offer), ACKs the phone's final answers as a real UAC does, hangs up (BYE) or cancels,
 * and answers what the phone sends inside a call: re-INVITE (200 with SDP), BYE and INFO (200),
 * REFER (`referAnswer`). Every response the phone sends is recorded in `responses`.
 */
export class ScriptedPbx extends ScriptedRegistrar {
  readonly responses: SipResponse[] = [];
  /** How REFER is answered; `'hold'` keeps it unanswered in `heldRequests`. */
  referAnswer: number | 'hold' = 202;
  /** How re-INVITEs from the phone (hold, resume) are answered; `'hold'` as for REFER. */
  reinviteAnswer: number | 'hold' = 200;
  readonly heldRequests: SipRequest[] = [];
  private readonly calls = new Map<string, PbxCall>();
  private counter = 0;

  constructor(config: RegistrarConfig) {
    super(config);
    this.onRequest = (request) => this.answerInDialog(request);
  }

  override receive(transport: FakeTransport, message: string): void {
    const response = parseSipResponse(message);
    if (response) {
      this.responses.push(response);
      this.onResponse(response);
      return;
    }
    super.receive(transport, message);
  }

  /** Offers a call to the phone's extension. */
  ring(options: RingOptions = {}): PbxCall {
    this.counter += 1;
    const n = this.counter;
    const { number = '+14155550123', name = 'Ada Lovelace', headers = [] } = options;
    const { username } = this.config;
    const domain = 'pbx.test';
    const call: PbxCall = {
      callId: `pbx-call-${n}@${domain}`,
      branch: `z9hG4bK-pbx-invite-${n}`,
      uri: `sip:${username}@${domain}`,
      from: `${name ? `"${name}" ` : ''}<sip:${number}@${domain}>;tag=pbx-tag-${n}`,
      cseq: 1,
    };
    this.calls.set(call.callId, call);
    this.send(
      'INVITE',
      call.uri,
      call,
      call.branch,
      `<sip:${username}@${domain}>`,
      1,
      [...headers, 'Content-Type: application/sdp'],
      stubSdp('sendrecv'),
    );
    return call;
  }

  /** The caller hangs up an answered call. */
  hangUp(call: PbxCall): void {
    if (!call.to || !call.phoneContact) throw new Error('the call was never answered');
    call.cseq += 1;
    this.send('BYE', call.phoneContact, call, this.branch('bye'), call.to, call.cseq);
  }

  /** The caller gives up while it rings. */
  cancel(call: PbxCall): void {
    this.send('CANCEL', call.uri, call, call.branch, `<sip:${this.config.username}@pbx.test>`, 1);
  }

  /** The phone's responses in `call`, for requests of `method`. */
  responsesIn(call: PbxCall, method = 'INVITE'): SipResponse[] {
    return this.responses.filter(
      (response) =>
        headerIn(response, 'Call-ID') === call.callId && cseqMethod(response) === method,
    );
  }

  /** Status codes the phone answered `call`'s INVITE with, in order. */
  statusesIn(call: PbxCall, method = 'INVITE'): number[] {
    return this.responsesIn(call, method).map((response) => response.status);
  }

  /** The phone's requests in `call` (re-INVITE, BYE, REFER, INFO, ACK), optionally of `method`. */
  requestsIn(call: PbxCall, method?: string): SipRequest[] {
    return this.requests.filter(
      (request) =>
        headerOf(request, 'Call-ID') === call.callId && (!method || request.method === method),
    );
  }

  /** Answers a request kept by `referAnswer` or `reinviteAnswer` set to `'hold'`. */
  answerHeld(request: SipRequest, status: number): void {
    this.heldRequests.splice(this.heldRequests.indexOf(request), 1);
    this.respond(request, status);
  }

  override reply(request: SipRequest, status: number, headers: string[] = [], body = ''): void {
    const reason = REASONS[status];
    if (reason) this.transport.deliver(buildResponse(request, status, reason, headers, body));
    else super.reply(request, status, headers, body);
  }

  private answerInDialog(request: SipRequest): void {
    const scripted =
      request.method === 'INVITE'
        ? this.reinviteAnswer
        : request.method === 'REFER'
          ? this.referAnswer
          : 200;
    if (request.method === 'ACK') return;
    if (scripted === 'hold') this.heldRequests.push(request);
    else this.respond(request, scripted);
  }

  /** A 2xx to a re-INVITE carries the PBX's SDP answer (a held party answers `recvonly`). */
  private respond(request: SipRequest, status: number): void {
    if (request.method === 'INVITE' && status >= 200 && status < 300) {
      const hold = /^a=(sendonly|inactive)\r?$/m.test(request.body);
      this.reply(
        request,
        status,
        ['Contact: <sip:pbx@pbx.test:8089;transport=ws>', 'Content-Type: application/sdp'],
        stubSdp(hold ? 'recvonly' : 'sendrecv'),
      );
    } else {
      this.reply(request, status);
    }
  }

  /** ACKs the phone's final answer to an INVITE of ours (RFC 3261 §17.1.1.3 and §13.2.2.4). */
  private onResponse(response: SipResponse): void {
    const call = this.calls.get(headerIn(response, 'Call-ID') ?? '');
    if (!call || cseqMethod(response) !== 'INVITE' || response.status < 200) return;
    call.to = headerIn(response, 'To');
    if (response.status < 300) {
      call.phoneContact = uriOf(headerIn(response, 'Contact') ?? '');
      this.send('ACK', call.phoneContact, call, this.branch('ack'), call.to ?? '', 1);
    } else {
      this.send('ACK', call.uri, call, call.branch, call.to ?? '', 1);
    }
  }

  private branch(kind: string): string {
    this.counter += 1;
    return `z9hG4bK-pbx-${kind}-${this.counter}`;
  }

  private send(
    method: string,
    uri: string,
    call: PbxCall,
    branch: string,
    to: string,
    cseq: number,
    headers: string[] = [],
    body = '',
  ): void {
    const lines = [
      `${method} ${uri} SIP/2.0`,
      `Via: SIP/2.0/WSS pbx.test:8089;branch=${branch}`,
      'Max-Forwards: 70',
      `From: ${call.from}`,
      `To: ${to}`,
      `Call-ID: ${call.callId}`,
      `CSeq: ${cseq} ${method}`,
      ...(method === 'INVITE' ? ['Contact: <sip:pbx@pbx.test:8089;transport=ws>'] : []),
      ...headers,
      `Content-Length: ${new TextEncoder().encode(body).length}`,
    ];
    this.transport.deliver(lines.join(CRLF) + CRLF + CRLF + body);
  }
}
