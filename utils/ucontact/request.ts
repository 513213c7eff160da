import { AppError } from '../errors';
import { readTextCapped } from './read-text';

export interface RequestOptions {
  /** Injected in tests; the platform's `fetch` otherwise. */
  fetch?: typeof fetch;
  /** Gives up after this long (default 15 s): a login must never spin forever. */
  timeoutMs?: number;
  /** Lets the caller cancel (the agent closed the popup, or pressed Log in again). */
  signal?: AbortSignal;
  /** Replies larger than this are refused (default 256 KiB; a real AgentLogin reply is < 2 KiB). */
  maxBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BYTES = 256 * 1024;
const HTML_PAGE = /^\s*<(?:!doctype\s+html|html[\s>])/i;

/**
 * POSTs a form to an Integra endpoint and returns the reply text. Every way this can fail becomes
 * an `AppError` the agent can read: offline, unreachable, timeout, redirect, HTTP status, huge body.
 */
export async function postForm(
  url: string,
  form: Record<string, string>,
  options: RequestOptions & { headers?: Record<string, string> } = {},
): Promise<string> {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;

  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { ...options.headers, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      credentials: 'omit',
      cache: 'no-store',
      // A redirect elsewhere is never followed with the agent's credentials.
      redirect: 'manual',
      signal,
    });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      throw new AppError('errorRedirected');
    }
    if (response.status === 401 || response.status === 403) {
      throw new AppError('errorUnauthorized', [String(response.status)]);
    }
    if (!response.ok) throw new AppError('errorHttpStatus', [String(response.status)]);
    const body = await readTextCapped(response, options.maxBytes ?? DEFAULT_MAX_BYTES);
    // A proxy's or captive portal's page answered in uContact's place: its text means nothing here.
    if (HTML_PAGE.test(body)) throw new AppError('errorUnexpectedReply');
    return body;
  } catch (error) {
    throw asAppError(error, timeout, options.signal);
  }
}

/**
 * `postForm` for the Integra calls after login, authorized by its token (`Authorization: Basic`).
 * A 401 (or 403) means the token expired: the caller asks the agent to log in again.
 */
export async function postWithToken(
  url: string,
  token: string,
  form: Record<string, string>,
  options: RequestOptions = {},
): Promise<string> {
  try {
    return await postForm(url, form, { ...options, headers: { Authorization: `Basic ${token}` } });
  } catch (error) {
    if (error instanceof AppError && error.key === 'errorUnauthorized') {
      throw new AppError('errorSessionExpired', [], { cause: error });
    }
    throw error;
  }
}

/** uContact's reply as it means it: without a byte-order mark, spaces or JSON string quotes. */
export function replyText(body: string): string {
  const text = body.replace(/^\uFEFF/, '').trim();
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

const REFUSALS: ReadonlySet<string> = new Set(['0', 'error', 'false', 'null']);

/** uContact refuses with HTTP 200 and a body of `0` (some versions: `Error`, `false`, `null`). */
export function isRefusal(body: string): boolean {
  return REFUSALS.has(replyText(body).toLowerCase());
}

function asAppError(error: unknown, timeout: AbortSignal, callerSignal?: AbortSignal): AppError {
  if (error instanceof AppError) return error;
  if (callerSignal?.aborted) return new AppError('errorCancelled', [], { cause: error });
  if (timeout.aborted) return new AppError('errorTimeout', [], { cause: error });
  // Only a failed request is blamed on being offline: `onLine` alone is not trusted to block one
  // (it is false on machines with only loopback or some VPN set-ups, yet the instance may answer).
  if (globalThis.navigator?.onLine === false)
    return new AppError('errorOffline', [], { cause: error });
  return new AppError('errorUnreachable', [], { cause: error });
}
