import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/utils/errors';
import { agentLogin, AGENT_LOGIN_PATH } from '@/utils/ucontact/agent-login';
import { agentLogoff, AGENT_LOGOFF_PATH } from '@/utils/ucontact/agent-logoff';
import { postForm } from '@/utils/ucontact/request';
import { GOOD_REPLY, replyBody } from './helpers/agent-login-reply';
import {
  chunkedBody,
  formOf,
  hangingFetch,
  headersOf,
  recordingFetch,
  textResponse,
} from './helpers/fetch';
import { failure } from './helpers/failure';

const ORIGIN = 'https://acme.ucontactcloud.com';
const URL_ = `${ORIGIN}/some/form`;

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('agentLogin', () => {
  it('POSTs the agent and password as a form to AgentLogin and returns the typed profile', async () => {
    const { fetch, calls } = recordingFetch(() => textResponse(replyBody()));
    const profile = await agentLogin(ORIGIN, 'ada', 'p@ss w&rd=1', { fetch });

    expect(profile.extension).toBe(GOOD_REPLY.name);
    expect(profile.md5secret).toBe(GOOD_REPLY.md5secret);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.url).toBe(`${ORIGIN}/Integra/resources/auth/AgentLogin`);
    expect(AGENT_LOGIN_PATH).toBe('/Integra/resources/auth/AgentLogin');
    expect(call!.init.method).toBe('POST');
    expect(call!.init.redirect).toBe('manual');
    expect(call!.init.credentials).toBe('omit');
    expect(call!.init.signal).toBeDefined();
    expect(headersOf(call!)['content-type']).toBe('application/x-www-form-urlencoded');
    expect(formOf(call!)).toEqual({ agent: 'ada', password: 'p@ss w&rd=1' });
  });

  it('maps a failure body to errorBadCredentials', async () => {
    const { fetch } = recordingFetch(() => textResponse('0'));
    expect((await failure(agentLogin(ORIGIN, 'ada', 'wrong', { fetch }))).key).toBe(
      'errorBadCredentials',
    );
  });
});

describe('postForm failures', () => {
  it.each([500, 502, 503, 404])('HTTP %i → errorHttpStatus with the status', async (status) => {
    const { fetch } = recordingFetch(() => textResponse('oops', { status }));
    const error = await failure(postForm(URL_, { a: 'b' }, { fetch }));
    expect(error.key).toBe('errorHttpStatus');
    expect(error.substitutions).toEqual([String(status)]);
  });

  it.each([401, 403])('HTTP %i → errorUnauthorized', async (status) => {
    const { fetch } = recordingFetch(() => textResponse('', { status }));
    const error = await failure(postForm(URL_, { a: 'b' }, { fetch }));
    expect(error.key).toBe('errorUnauthorized');
    expect(error.substitutions).toEqual([String(status)]);
  });

  it.each([301, 302, 307])('HTTP %i → errorRedirected', async (status) => {
    const { fetch } = recordingFetch(
      () => new Response(null, { status, headers: { Location: 'https://evil.example.com/' } }),
    );
    expect((await failure(postForm(URL_, { a: 'b' }, { fetch }))).key).toBe('errorRedirected');
  });

  it('an opaqueredirect response → errorRedirected', async () => {
    const { fetch } = recordingFetch(() => {
      // What fetch returns for redirect: 'manual' in a browser: type opaqueredirect, status 0.
      const response = new Response(null, { status: 200 });
      Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
      Object.defineProperty(response, 'status', { value: 0 });
      Object.defineProperty(response, 'ok', { value: false });
      return response;
    });
    expect((await failure(postForm(URL_, { a: 'b' }, { fetch }))).key).toBe('errorRedirected');
  });

  it('fetch rejecting with TypeError → errorUnreachable, keeping the cause', async () => {
    const cause = new TypeError('Failed to fetch');
    const fetch = vi.fn<typeof globalThis.fetch>().mockRejectedValue(cause);
    const error = await failure(postForm(URL_, { a: 'b' }, { fetch }));
    expect(error.key).toBe('errorUnreachable');
    expect(error.cause).toBe(cause);
  });

  it('offline and the request fails → errorOffline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockRejectedValue(new TypeError('Failed to fetch'));
    expect((await failure(postForm(URL_, { a: 'b' }, { fetch }))).key).toBe('errorOffline');
  });

  it('navigator.onLine false alone does not block a request that can succeed', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(new Response('ok'));
    expect(await postForm(URL_, { a: 'b' }, { fetch })).toBe('ok');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('going offline during the request → errorOffline', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    const fetch = vi.fn<typeof globalThis.fetch>().mockImplementation(async () => {
      onLine.mockReturnValue(false);
      throw new TypeError('Failed to fetch');
    });
    expect((await failure(postForm(URL_, { a: 'b' }, { fetch }))).key).toBe('errorOffline');
  });

  it('a server that never answers → errorTimeout after timeoutMs', async () => {
    const { fetch, calls } = hangingFetch();
    const started = Date.now();
    const error = await failure(postForm(URL_, { a: 'b' }, { fetch, timeoutMs: 50 }));
    expect(error.key).toBe('errorTimeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    expect(calls[0]!.init.signal!.aborted).toBe(true);
  });

  it('a caller abort → errorCancelled', async () => {
    const { fetch, calls } = hangingFetch();
    const controller = new AbortController();
    const pending = failure(
      postForm(URL_, { a: 'b' }, { fetch, signal: controller.signal, timeoutMs: 5_000 }),
    );
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    controller.abort();
    expect((await pending).key).toBe('errorCancelled');
    expect(calls[0]!.init.signal!.aborted).toBe(true);
  });

  it('an already-aborted caller signal → errorCancelled', async () => {
    const { fetch } = hangingFetch();
    const signal = AbortSignal.abort();
    expect((await failure(postForm(URL_, { a: 'b' }, { fetch, signal }))).key).toBe(
      'errorCancelled',
    );
  });

  it.each([
    '<!DOCTYPE html>\n<html><body><h1>Welcome to uContact</h1></body></html>',
    '  <html lang="en"><body>Login</body></html>',
  ])(
    'an HTML page with HTTP 200 (a proxy or portal answered) → errorUnexpectedReply',
    async (body) => {
      const { fetch } = recordingFetch(() =>
        textResponse(body, { headers: { 'Content-Type': 'text/html' } }),
      );
      expect((await failure(postForm(URL_, { a: 'b' }, { fetch }))).key).toBe(
        'errorUnexpectedReply',
      );
    },
  );

  it('passes a text reply that merely mentions html', async () => {
    const { fetch } = recordingFetch(() => textResponse('<htmlish>'));
    await expect(postForm(URL_, { a: 'b' }, { fetch })).resolves.toBe('<htmlish>');
  });

  it('sends extra headers alongside the form content type', async () => {
    const { fetch, calls } = recordingFetch(() => textResponse('ok'));
    await postForm(URL_, { a: 'b' }, { fetch, headers: { Authorization: 'Basic abc' } });
    expect(headersOf(calls[0]!)).toMatchObject({
      authorization: 'Basic abc',
      'content-type': 'application/x-www-form-urlencoded',
    });
  });
});

describe('postForm body reading', () => {
  it('refuses a body whose content-length exceeds maxBytes, cancelling the stream unread', async () => {
    const { stream, state } = chunkedBody([utf8('x'.repeat(100))]);
    const { fetch } = recordingFetch(
      () => new Response(stream, { headers: { 'Content-Length': '5000' } }),
    );
    const error = await failure(postForm(URL_, { a: 'b' }, { fetch, maxBytes: 1000 }));
    expect(error.key).toBe('errorUnexpectedReply');
    expect(state.cancelled).toBe(true);
  });

  it('refuses a body without content-length that grows past maxBytes, cancelling the stream', async () => {
    const chunk = utf8('y'.repeat(400));
    const { stream, state } = chunkedBody([chunk, chunk, chunk, chunk, chunk, chunk]);
    const { fetch } = recordingFetch(() => new Response(stream));
    const error = await failure(postForm(URL_, { a: 'b' }, { fetch, maxBytes: 1000 }));
    expect(error.key).toBe('errorUnexpectedReply');
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(6);
  });

  it('accepts a body of exactly maxBytes', async () => {
    const { stream } = chunkedBody([utf8('a'.repeat(600)), utf8('b'.repeat(400))]);
    const { fetch } = recordingFetch(() => new Response(stream));
    await expect(postForm(URL_, { a: 'b' }, { fetch, maxBytes: 1000 })).resolves.toBe(
      'a'.repeat(600) + 'b'.repeat(400),
    );
  });

  it('decodes multi-byte UTF-8 split across chunks', async () => {
    const text = '{"fullname":"José Ñandú 日本 🎧"}';
    const bytes = utf8(text);
    // Split inside "é" (2 bytes), "日" (3 bytes) and "🎧" (4 bytes): every chunk boundary cuts a character.
    const cuts = [
      bytes.indexOf(0xc3) + 1,
      bytes.indexOf(0xe6) + 2,
      bytes.indexOf(0xf0) + 1,
      bytes.indexOf(0xf0) + 3,
    ];
    const chunks: Uint8Array[] = [];
    let start = 0;
    for (const cut of cuts) {
      chunks.push(bytes.slice(start, cut));
      start = cut;
    }
    chunks.push(bytes.slice(start));
    const { stream } = chunkedBody(chunks);
    const { fetch } = recordingFetch(() => new Response(stream));
    await expect(postForm(URL_, { a: 'b' }, { fetch })).resolves.toBe(text);
  });
});

describe('agentLogoff', () => {
  it('POSTs agent and interface=SIP/{extension} with the token as Basic authorization', async () => {
    const { fetch, calls } = recordingFetch(() => textResponse(''));
    await agentLogoff(ORIGIN, 'ada', '1997', 'dG9rZW4=', { fetch });

    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.url).toBe(`${ORIGIN}/Integra/resources/api/AgentLogoff`);
    expect(AGENT_LOGOFF_PATH).toBe('/Integra/resources/api/AgentLogoff');
    expect(call!.init.method).toBe('POST');
    expect(call!.init.redirect).toBe('manual');
    expect(call!.init.credentials).toBe('omit');
    expect(formOf(call!)).toEqual({ agent: 'ada', interface: 'SIP/1997' });
    expect(headersOf(call!)).toMatchObject({
      authorization: 'Basic dG9rZW4=',
      'content-type': 'application/x-www-form-urlencoded',
    });
  });

  it('401 → errorSessionExpired', async () => {
    const { fetch } = recordingFetch(() => textResponse('', { status: 401 }));
    const error = await failure(agentLogoff(ORIGIN, 'ada', '1997', 'dG9rZW4=', { fetch }));
    expect(error.key).toBe('errorSessionExpired');
    expect((error.cause as AppError).key).toBe('errorUnauthorized');
  });

  it('other failures pass through unchanged', async () => {
    const { fetch } = recordingFetch(() => textResponse('', { status: 500 }));
    const error = await failure(agentLogoff(ORIGIN, 'ada', '1997', 'dG9rZW4=', { fetch }));
    expect(error.key).toBe('errorHttpStatus');
    expect(error.substitutions).toEqual(['500']);
  });
});
