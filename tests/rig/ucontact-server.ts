import { createServer as createHttpServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { rigCertificate } from './certs';
import {
  AGENT_BREAK_PATH,
  AGENT_CALL_PATH,
  AGENT_UNBREAK_PATH,
  createContactCenter,
  DISPOSITION_CALL_PATH,
  type AgentCallHook,
} from './ucontact-contact-center';
import {
  API_MISBEHAVIOURS,
  MISBEHAVIOURS,
  type ApiMisbehaviourKind,
  type ApiReplyHandler,
  type MisbehaviourKind,
  type MisbehaviourSettings,
  type ReplyContext,
  type ReplyHandler,
} from './ucontact-misbehaviours';
import { issueToken, loginProfile, type UContactAgent } from './ucontact-profile';

export type { UContactAgent } from './ucontact-profile';
export type {
  ApiMisbehaviourKind,
  ApiReplyHandler,
  ApiReplyNext,
  MisbehaviourKind,
  ReplyContext,
  ReplyHandler,
} from './ucontact-misbehaviours';
export { API_MISBEHAVIOUR_KINDS, MISBEHAVIOUR_KINDS } from './ucontact-misbehaviours';
export type {
  AgentCall,
  AgentCallForm,
  AgentCallHook,
  DispositionForm,
} from './ucontact-contact-center';
export {
  AGENT_BREAK_PATH,
  AGENT_CALL_FIELDS,
  AGENT_CALL_PATH,
  AGENT_UNBREAK_PATH,
  API_FAILED_BODY,
  API_OK_BODY,
  DISPOSITION_CALL_PATH,
  DISPOSITION_FIELDS,
} from './ucontact-contact-center';

export const LOGIN_PATH = '/Integra/resources/auth/AgentLogin';
export const LOGOFF_PATH = '/Integra/resources/api/AgentLogoff';

/** The Integra calls that need the login token, each with its own `behaveApi` misbehaviour. */
export const API_PATHS = {
  AgentLogoff: LOGOFF_PATH,
  AgentCall: AGENT_CALL_PATH,
  AgentBreak: AGENT_BREAK_PATH,
  AgentUnBreak: AGENT_UNBREAK_PATH,
  DispositionCall: DISPOSITION_CALL_PATH,
} as const;
export type ApiEndpoint = keyof typeof API_PATHS;
export const API_ENDPOINTS = Object.keys(API_PATHS) as ApiEndpoint[];

export interface BehaveApiOptions {
  /** Misbehave for the next `times` requests to this endpoint only, then behave again. */
  times?: number;
  /** The `slow` delay, default `misbehaviour.slowReplyMs` (3 s). */
  delayMs?: number;
}

export interface UContactServerOptions {
  agents: UContactAgent[];
  /** Default 443: e2e tests run in their own network namespace, where Chromium maps *.ucontactcloud.com here. */
  port?: number;
  protocol?: 'https' | 'http';
  /** The instance host in `origin` and in login replies (`host`, hence the SIP domain). */
  instanceHost?: string;
  /** Content type of text replies; the real server says text/plain or text/html. */
  contentType?: string;
  misbehaviour?: Partial<MisbehaviourSettings>;
  /** Called after each accepted AgentCall has replied its GUID; see `onAgentCall()`. */
  onAgentCall?: AgentCallHook;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  form: Record<string, string>;
  body: string;
  time: number;
}

export interface UContactServer {
  /** Production-shaped origin for the browser, e.g. https://acme.ucontactcloud.com */
  origin: string;
  /** Same server by IP, for Node clients (no DNS inside the namespace). */
  loopbackOrigin: string;
  port: number;
  requests: RecordedRequest[];
  /** Makes later AgentLogin replies misbehave (the password is then ignored) until `behave('normal')`. */
  behave(kind: MisbehaviourKind | 'normal' | ReplyHandler): void;
  /**
   * Makes later replies of one token-checked endpoint misbehave, until `behaveApi(endpoint, 'normal')`
   * or, with `times`, for that many requests. A handler gets `next.normal()` to answer as usual.
   */
  behaveApi(
    endpoint: ApiEndpoint,
    kind: ApiMisbehaviourKind | 'normal' | ApiReplyHandler,
    options?: BehaveApiOptions,
  ): void;
  /** Forgets every issued token: the next Integra call with one gets 401. */
  expireTokens(): void;
  /** The agent's current break motive (AgentBreak's `motive`); undefined when not on a break. */
  breakState(agent: string): string | undefined;
  /**
   * Sets (or, with undefined, clears) what runs after each accepted AgentCall has replied: a spec plays
   * uContact's first leg there, e.g. a far-end phone calling the agent with `P-Auto-Answer: normal`.
   */
  onAgentCall(hook: AgentCallHook | undefined): void;
  waitForRequest(
    match: (r: RecordedRequest) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedRequest>;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

export async function startUContactServer(options: UContactServerOptions): Promise<UContactServer> {
  const protocol = options.protocol ?? 'https';
  const instanceHost = options.instanceHost ?? 'acme.ucontactcloud.com';
  const contentType = options.contentType ?? 'text/plain; charset=UTF-8';
  const requests: RecordedRequest[] = [];
  const waiters = new Set<() => void>();
  const tokens = new Map<string, string>(); // token -> agent
  const timers = new Set<NodeJS.Timeout>();
  let behaviour: ReplyHandler | undefined;
  const apiBehaviours = new Map<
    ApiEndpoint,
    { handler: ApiReplyHandler; remaining?: number; delayMs?: number }
  >();
  let agentCallHook = options.onAgentCall;
  const contactCenter = createContactCenter(options.agents, () => agentCallHook);
  let closed = false;

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    readBody(req)
      .then((body) => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        const form = Object.fromEntries(new URLSearchParams(body));
        const method = req.method ?? 'GET';
        requests.push({ method, path, headers: req.headers, form, body, time: Date.now() });
        for (const wake of waiters) wake();
        const ctx = context(req, res, form);
        const endpoint = API_ENDPOINTS.find((e) => API_PATHS[e] === path);
        if (method === 'POST' && path === LOGIN_PATH) (behaviour ?? login)(ctx);
        else if (method === 'POST' && endpoint) api(endpoint, ctx);
        else ctx.send(404, 'Not Found');
      })
      .catch(() => req.socket.destroy());
  };

  const settings: MisbehaviourSettings = {
    slowDripMs: 2_000,
    hugeBytes: 5 * 1024 * 1024,
    redirectLocation: '',
    slowReplyMs: 3_000,
    ...options.misbehaviour,
  };

  /** Runs `fn` in `ms` unless the server closes first. */
  const after = (ms: number, fn: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) fn();
    }, ms);
    timers.add(timer);
  };

  const context = (
    req: IncomingMessage,
    res: ServerResponse,
    form: Record<string, string>,
  ): ReplyContext => ({
    req,
    res,
    form,
    settings,
    profile: () => {
      const agent = options.agents.find((a) => a.agent === form.agent) ?? options.agents[0];
      if (!agent) throw new Error('startUContactServer: no agents configured');
      return loginProfile(agent, instanceHost, remember(agent.agent));
    },
    send: (status, body, type = contentType) => {
      if (res.headersSent || res.destroyed) return;
      res.writeHead(status, {
        'content-type': type,
        'content-length': String(Buffer.byteLength(body)),
      });
      res.end(body);
    },
    later: (ms, fn) =>
      after(ms, () => {
        if (!res.destroyed) fn();
      }),
  });

  const remember = (agent: string): string => {
    const token = issueToken(agent);
    tokens.set(token, agent);
    return token;
  };

  const login: ReplyHandler = (c) => {
    const agent = options.agents.find(
      (a) => a.agent === c.form.agent && a.password === c.form.password,
    );
    // Documented uContact failure: HTTP 200 with body 0.
    if (!agent) return c.send(200, '0');
    c.send(200, JSON.stringify(loginProfile(agent, instanceHost, remember(agent.agent))));
  };

  /**
   * The token AgentLogin gave the agent the request names, else 401 (no token, an unknown or
   * expired one, another known agent's). An unknown `agent` is the endpoint's to refuse (`0`).
   */
  const withToken =
    (handler: (c: ReplyContext, token: string) => void): ReplyHandler =>
    (c) => {
      const token = /^Basic\s+(\S+)$/i.exec(c.req.headers.authorization ?? '')?.[1];
      const owner = token && tokens.get(token);
      const named = options.agents.some((a) => a.agent === c.form.agent);
      if (!token || !owner || (named && owner !== c.form.agent)) {
        return c.send(401, 'Unauthorized');
      }
      handler(c, token);
    };

  const apiHandlers: Record<ApiEndpoint, ReplyHandler> = {
    AgentLogoff: withToken((c, token) => {
      tokens.delete(token);
      c.send(200, 'OK');
    }),
    AgentCall: withToken(contactCenter.handlers.AgentCall),
    AgentBreak: withToken(contactCenter.handlers.AgentBreak),
    AgentUnBreak: withToken(contactCenter.handlers.AgentUnBreak),
    DispositionCall: withToken(contactCenter.handlers.DispositionCall),
  };

  const api = (endpoint: ApiEndpoint, c: ReplyContext): void => {
    const normal = (): void => apiHandlers[endpoint](c);
    const misbehaviour = apiBehaviours.get(endpoint);
    if (!misbehaviour) return normal();
    if (misbehaviour.remaining !== undefined && --misbehaviour.remaining <= 0) {
      apiBehaviours.delete(endpoint);
    }
    const delayMs = misbehaviour.delayMs ?? settings.slowReplyMs;
    misbehaviour.handler(c, { normal, delayed: (fn) => after(delayMs, fn) });
  };

  const server: Server =
    protocol === 'https'
      ? createHttpsServer({ key: rigCertificate().key, cert: rigCertificate().cert }, listener)
      : createHttpServer(listener);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 443, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const defaultPort = protocol === 'https' ? 443 : 80;
  const portSuffix = port === defaultPort ? '' : `:${port}`;
  const origin = `${protocol}://${instanceHost}${portSuffix}`;
  settings.redirectLocation ||= `${protocol}://evil.ucontactcloud.com${portSuffix}${LOGIN_PATH}`;

  return {
    origin,
    loopbackOrigin: `${protocol}://127.0.0.1${portSuffix}`,
    port,
    requests,
    behave: (kind) => {
      behaviour =
        typeof kind === 'function' ? kind : kind === 'normal' ? undefined : MISBEHAVIOURS[kind];
    },
    behaveApi: (endpoint, kind, { times, delayMs } = {}) => {
      if (times !== undefined && !(Number.isInteger(times) && times > 0)) {
        throw new Error(`behaveApi: times must be a positive integer, not ${times}`);
      }
      if (kind === 'normal') apiBehaviours.delete(endpoint);
      else {
        const handler = typeof kind === 'function' ? kind : API_MISBEHAVIOURS[kind];
        apiBehaviours.set(endpoint, { handler, remaining: times, delayMs });
      }
    },
    expireTokens: () => tokens.clear(),
    breakState: (agent) => contactCenter.breakState(agent),
    onAgentCall: (hook) => {
      agentCallHook = hook;
    },
    waitForRequest: (match, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = requests.find(match);
          if (!found) return false;
          cleanup();
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`uContact server: no matching request within ${timeoutMs} ms`));
        }, timeoutMs);
        const wake = (): void => void check();
        const cleanup = (): void => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        waiters.add(wake);
        check();
      }),
    close: () => {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hanging and dripping replies hold sockets open; close() must not wait for them.
        server.closeAllConnections();
      });
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('request body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
