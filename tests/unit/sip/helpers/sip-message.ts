/** A SIP request as it left the phone, parsed just enough for a test registrar. */
export interface SipRequest {
  method: string;
  uri: string;
  /** Header fields in order, names as sent. */
  headers: Array<[string, string]>;
  body: string;
  text: string;
}

const CRLF = '\r\n';

/** Parses a request; responses (status line `SIP/2.0 …`) give `undefined`. */
export function parseSipRequest(text: string): SipRequest | undefined {
  const split = text.indexOf(CRLF + CRLF);
  const head = split === -1 ? text : text.slice(0, split);
  const body = split === -1 ? '' : text.slice(split + 4);
  const [requestLine = '', ...lines] = head.split(CRLF);
  const match = /^([A-Z]+) (\S+) SIP\/2\.0$/.exec(requestLine);
  if (!match) return undefined;
  const headers: Array<[string, string]> = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { method: match[1] ?? '', uri: match[2] ?? '', headers, body, text };
}

/** The first value of a header, by case-insensitive name. */
export function headerOf(request: SipRequest, name: string): string | undefined {
  return request.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

/** `Digest a=b, c="d"` as a record of its parameters, quotes removed. */
export function digestParams(value: string): Record<string, string> {
  const params: Record<string, string> = {};
  const list = value.replace(/^Digest\s+/i, '');
  for (const match of list.matchAll(/([a-z-]+)=(?:"([^"]*)"|([^,\s]*))/gi)) {
    params[(match[1] ?? '').toLowerCase()] = match[2] ?? match[3] ?? '';
  }
  return params;
}

/** The URI inside a name-addr (`"x" <sip:a@b;p>;q` gives `sip:a@b;p`), or the value itself. */
export function uriOf(nameAddr: string): string {
  return /<([^>]*)>/.exec(nameAddr)?.[1] ?? nameAddr.split(';')[0] ?? '';
}

/** A header parameter of a name-addr value, outside the angle brackets (`;expires=60`). */
export function headerParam(nameAddr: string, name: string): string | undefined {
  const outside = nameAddr.replace(/<[^>]*>/, '');
  return new RegExp(`;\\s*${name}=([^;\\s]+)`, 'i').exec(outside)?.[1];
}

/**
 * A response to `request` that sip.js's parser and sanity checks accept: the Via copied with its
 * branch, From/Call-ID/CSeq copied, a To tag added, Content-Length set, CRLF line endings.
 */
export function buildResponse(
  request: SipRequest,
  status: number,
  reason: string,
  extraHeaders: string[] = [],
  body = '',
  toTag = 'registrar-tag',
): string {
  const to = headerOf(request, 'To') ?? '';
  const lines = [
    `SIP/2.0 ${status} ${reason}`,
    `Via: ${headerOf(request, 'Via') ?? ''}`,
    `From: ${headerOf(request, 'From') ?? ''}`,
    `To: ${/;\s*tag=/i.test(to) ? to : `${to};tag=${toTag}`}`,
    `Call-ID: ${headerOf(request, 'Call-ID') ?? ''}`,
    `CSeq: ${headerOf(request, 'CSeq') ?? ''}`,
    ...extraHeaders,
    `Content-Length: ${new TextEncoder().encode(body).length}`,
  ];
  return lines.join(CRLF) + CRLF + CRLF + body;
}
