import { createServer as createHttpServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { rigCertificate } from './certs';
import {
  MISBEHAVIOURS,
  type MisbehaviourKind,
  type MisbehaviourSettings,
  type ReplyContext,
  type ReplyHandler,
} from './ucontact-misbehaviours';
import { issueToken, loginProfile, type UContactAgent } from './ucontact-profile';

export type { UContactAgent } from './ucontact-profile';
export type { MisbehaviourKind, ReplyContext, ReplyHandler } from './ucontact-misbehaviours';
export { MISBEHAVIOUR_KINDS } from './ucontact-misbehaviours';

export const LOGIN_PATH = '/Integra/resources/auth/AgentLogin';
export const LOGOFF_PATH = '/Integra/resources/api/AgentLogoff';

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
  /** Forgets every issued token: the next Integra call with one gets 401. */
  expireTokens(): void;
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
        if (method === 'POST' && path === LOGIN_PATH) (behaviour ?? login)(ctx);
        else if (method === 'POST' && path === LOGOFF_PATH) logoff(ctx);
        else ctx.send(404, 'Not Found');
      })
      .catch(() => req.socket.destroy());
  };

  const settings: MisbehaviourSettings = {
    slowDripMs: 2_000,
    hugeBytes: 5 * 1024 * 1024,
    redirectLocation: '',
    ...options.misbehaviour,
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
    later: (ms, fn) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!closed && !res.destroyed) fn();
      }, ms);
      timers.add(timer);
    },
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

  const logoff: ReplyHandler = (c) => {
    const token = /^Basic\s+(\S+)$/i.exec(c.req.headers.authorization ?? '')?.[1];
    if (!token || !tokens.has(token)) return c.send(401, 'Unauthorized');
    tokens.delete(token);
    c.send(200, 'OK');
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
    expireTokens: () => tokens.clear(),
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
