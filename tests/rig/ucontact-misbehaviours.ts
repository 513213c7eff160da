import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a reply handler gets: the request, the response, and helpers bound to this request. */
export interface ReplyContext {
  req: IncomingMessage;
  res: ServerResponse;
  form: Record<string, string>;
  /** The good login object for the requested agent (password ignored), for kinds that bend a good reply. */
  profile(): Record<string, unknown>;
  /** Ends the response with a text body; uContact never says application/json. */
  send(status: number, body: string, contentType?: string): void;
  /** Runs `fn` later unless the server closes first. */
  later(ms: number, fn: () => void): void;
  settings: MisbehaviourSettings;
}

export type ReplyHandler = (ctx: ReplyContext) => void;

export interface MisbehaviourSettings {
  /** How long 'slow-drip' takes to deliver its body. */
  slowDripMs: number;
  /** Size of the 'huge' body. */
  hugeBytes: number;
  /** Where 'redirect-other-origin' points. */
  redirectLocation: string;
  /** How long a contact-center call made `slow` by `behaveApi` waits, unless told `delayMs`. */
  slowReplyMs: number;
}

const html = (title: string): string =>
  `<!DOCTYPE html>\n<html><head><title>${title}</title></head>` +
  `<body><h1>${title}</h1><hr><center>nginx</center></body></html>\n`;

const json = (value: unknown): string => JSON.stringify(value);

/**
 * AgentLogin replies a real or broken uContact (or a proxy in front of it) can give.
 * Add a row to add a kind; the type of `behave()` follows.
 */
export const MISBEHAVIOURS = {
  zero: (c) => c.send(200, '0'),
  error: (c) => c.send(200, 'Error'),
  'quoted-zero': (c) => c.send(200, '"0"'),
  empty: (c) => c.send(200, ''),
  whitespace: (c) => c.send(200, ' \r\n\t \n'),
  'html-200': (c) => c.send(200, html('Welcome to uContact'), 'text/html; charset=UTF-8'),
  'html-502': (c) => c.send(502, html('502 Bad Gateway'), 'text/html'),
  'html-503': (c) => c.send(503, html('503 Service Temporarily Unavailable'), 'text/html'),
  'json-array': (c) => c.send(200, json([c.profile()])),
  'json-no-name': (c) => c.send(200, json({ ...c.profile(), name: undefined })),
  'wrong-types': (c) =>
    c.send(200, json({ ...c.profile(), name: 1997, host: { value: 'acme' }, md5secret: 42 })),
  'truncated-json': (c) => {
    const body = json(c.profile());
    c.send(200, body.slice(0, Math.floor(body.length / 2)));
  },
  // A good login: clients that do not strip the BOM fail JSON.parse.
  bom: (c) => c.send(200, `\uFEFF${json(c.profile())}`),
  // A good login object padded to hugeBytes: a client should refuse it by size, not parse 5 MB.
  huge: (c) => {
    const body = json({ ...c.profile(), padding: '' });
    const padding = 'x'.repeat(Math.max(0, c.settings.hugeBytes - body.length));
    c.send(200, json({ ...c.profile(), padding }));
  },
  // A good login, a few bytes at a time over slowDripMs.
  'slow-drip': (c) => {
    const body = Buffer.from(json(c.profile()));
    const steps = 10;
    const chunk = Math.ceil(body.length / steps);
    c.res.writeHead(200, { 'content-type': 'text/plain; charset=UTF-8' });
    for (let i = 0; i < steps; i++) {
      c.later((c.settings.slowDripMs * i) / steps, () => {
        c.res.write(body.subarray(i * chunk, (i + 1) * chunk));
      });
    }
    c.later(c.settings.slowDripMs, () => c.res.end());
  },
  hang: () => {
    // Never answers; close() destroys the socket.
  },
  reset: (c) => c.req.socket.destroy(),
  'http-500': (c) => c.send(500, 'Internal Server Error'),
  'http-401': (c) => c.send(401, 'Unauthorized'),
  'redirect-other-origin': (c) => {
    c.res.writeHead(302, { location: c.settings.redirectLocation, 'content-length': '0' });
    c.res.end();
  },
} satisfies Record<string, ReplyHandler>;

export type MisbehaviourKind = keyof typeof MISBEHAVIOURS;

export const MISBEHAVIOUR_KINDS = Object.keys(MISBEHAVIOURS) as MisbehaviourKind[];

/** What a contact-center misbehaviour can do besides replying itself. */
export interface ApiReplyNext {
  /** Answers as a good server would, effects included (a call GUID, a break taken). */
  normal(): void;
  /**
   * Runs `fn` after the delay (`behaveApi`'s `delayMs`, else `settings.slowReplyMs`), even when the
   * client has given up by then: uContact still acts on a request it got.
   */
  delayed(fn: () => void): void;
}

export type ApiReplyHandler = (ctx: ReplyContext, next: ApiReplyNext) => void;

/**
 * Contact-center replies (AgentCall, AgentBreak, ...) a broken uContact can give, per endpoint
 * through `behaveApi`. `zero` is uContact's own failure; the others come from what fronts it.
 */
export const API_MISBEHAVIOURS = {
  zero: (c) => c.send(200, '0'),
  unauthorized: (c) => c.send(401, 'Unauthorized'),
  'server-error': (c) => c.send(500, html('500 Internal Server Error'), 'text/html'),
  slow: (_c, next) => next.delayed(next.normal),
} satisfies Record<string, ApiReplyHandler>;

export type ApiMisbehaviourKind = keyof typeof API_MISBEHAVIOURS;

export const API_MISBEHAVIOUR_KINDS = Object.keys(API_MISBEHAVIOURS) as ApiMisbehaviourKind[];
