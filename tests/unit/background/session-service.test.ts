import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { LoginRequest, SessionView } from '@/utils/messages';
import {
  createSessionService,
  type SessionServiceOptions,
} from '@/utils/background/session/session-service';
import type { PhoneSnapshot } from '@/utils/sip/phone-state';
import { credentialsItem } from '@/utils/session-storage';
import { agentItem } from '@/utils/storage';
import { settingsItem } from '@/utils/settings/read-settings';
import { GOOD_REPLY, replyBody } from '../helpers/agent-login-reply';
import {
  formOf,
  headersOf,
  recordingFetch,
  textResponse,
  untilAborted,
  type RecordedCall,
} from '../helpers/fetch';
import { storageSnapshot, storageText } from '../helpers/storage-snapshot';

const PASSWORD = 'Unique-Pa55word-7f3c';
const LOGIN_PATH = '/Integra/resources/auth/AgentLogin';
const LOGOFF_PATH = '/Integra/resources/api/AgentLogoff';

function loginRequest(overrides: Partial<LoginRequest> = {}): LoginRequest {
  return { instance: 'acme', agent: 'ada', password: PASSWORD, sipServer: '', ...overrides };
}

type Responder = (call: RecordedCall, index: number) => Response | Promise<Response>;

/** Answers AgentLogin with `login` and AgentLogoff with `logoff`. */
function ucontact(
  login: Responder = () => textResponse(replyBody()),
  logoff: Responder = () => textResponse(''),
) {
  return recordingFetch((call, index) => {
    if (call.url.endsWith(LOGIN_PATH)) return login(call, index);
    if (call.url.endsWith(LOGOFF_PATH)) return logoff(call, index);
    throw new Error(`unexpected request to ${call.url}`);
  });
}

function setup(fetch: typeof globalThis.fetch, overrides: Partial<SessionServiceOptions> = {}) {
  /** What happened, in order: phone start/stop and the session at that moment. */
  const events: string[] = [];
  const sessionId = async () => (await credentialsItem.getValue())?.phone?.sessionId ?? 'none';
  const onChange = vi.fn<(view: SessionView) => void>();
  const hasOriginPermission = vi.fn<(origin: string) => Promise<boolean>>().mockResolvedValue(true);
  const phoneSnapshot = vi.fn<() => Promise<PhoneSnapshot | null>>().mockResolvedValue(null);
  const startPhone = vi.fn<() => Promise<void>>(async () => {
    events.push(`startPhone:${await sessionId()}`);
  });
  const stopPhone = vi.fn<() => Promise<void>>(async () => {
    events.push(`stopPhone:${await sessionId()}`);
  });
  const recorded: typeof globalThis.fetch = (input, init) => {
    events.push(`fetch:${new URL(String(input)).pathname}`);
    return fetch(input, init);
  };
  const service = createSessionService({
    hasOriginPermission,
    phoneSnapshot,
    startPhone,
    stopPhone,
    onChange,
    request: { fetch: recorded, timeoutMs: 2_000 },
    ...overrides,
  });
  return { service, onChange, hasOriginPermission, phoneSnapshot, startPhone, stopPhone, events };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('session service: login', () => {
  it('stores the SIP credential and token in session storage and non-secret agent info in local storage', async () => {
    const { fetch, calls } = ucontact();
    const { service, onChange } = setup(fetch);

    const result = await service.login(loginRequest());

    // Fields the UI needs; other view fields (phone state) are not this test's business.
    const expectedView = {
      loggedIn: true,
      instanceOrigin: 'https://acme.ucontactcloud.com',
      agent: 'ada',
      fullName: GOOD_REPLY.fullname,
      extension: GOOD_REPLY.name,
      sip: { state: 'connecting' },
    };
    expect(result).toMatchObject({ ok: true, value: expectedView });
    const view = await service.view();
    expect(view).toMatchObject(expectedView);
    expect(result.ok && result.value).toEqual(view);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith(view);
    // The view crosses into UI contexts: it holds no secret either.
    const shown = JSON.stringify([result, view, onChange.mock.calls]);
    for (const secret of [PASSWORD, GOOD_REPLY.md5secret, GOOD_REPLY.secret, GOOD_REPLY.token]) {
      expect(shown).not.toContain(secret);
    }

    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(`https://acme.ucontactcloud.com${LOGIN_PATH}`);
    expect(formOf(calls[0]!)).toEqual({ agent: 'ada', password: PASSWORD });

    const credentials = {
      sipAuth: { kind: 'ha1', value: GOOD_REPLY.md5secret },
      token: GOOD_REPLY.token,
    };
    expect(await credentialsItem.getValue()).toMatchObject(credentials);
    // What the browser really holds in its session area, under the item's key.
    const raw = await storageSnapshot();
    expect(Object.keys(raw.session)).toEqual(['credentials']);
    expect(raw.session.credentials).toMatchObject(credentials);

    expect(await agentItem.getValue()).toEqual({
      origin: 'https://acme.ucontactcloud.com',
      agent: 'ada',
      fullName: GOOD_REPLY.fullname,
      extension: GOOD_REPLY.name,
      sipHost: GOOD_REPLY.host,
      callerId: GOOD_REPLY.callerid,
      dtmfMode: GOOD_REPLY.dtmfmode,
      codecs: ['alaw', 'ulaw'],
      context: GOOD_REPLY.context,
    });
    expect(await settingsItem.getValue()).toMatchObject({ instance: 'acme', sipServer: '' });

    const local = JSON.stringify(raw.local);
    for (const secret of [PASSWORD, GOOD_REPLY.md5secret, GOOD_REPLY.secret, GOOD_REPLY.token]) {
      expect(local).not.toContain(secret);
    }
    expect(await storageText()).not.toContain(PASSWORD);
  });

  it('saves the typed instance (trimmed) and the SIP server override', async () => {
    const { fetch } = ucontact();
    const { service } = setup(fetch);
    const result = await service.login(
      loginRequest({
        instance: '  ACME  ',
        agent: '  ada ',
        sipServer: ' wss://sip.example.com:8089/ws ',
      }),
    );
    expect(result.ok).toBe(true);
    expect(await settingsItem.getValue()).toMatchObject({
      instance: 'ACME',
      sipServer: 'wss://sip.example.com:8089/ws',
    });
    expect((await agentItem.getValue())?.agent).toBe('ada');
  });

  it('never stores the password, even when it must derive the SIP credential from it', async () => {
    const { fetch } = ucontact(() => textResponse(replyBody({ md5secret: '', secret: '' })));
    const { service } = setup(fetch);
    expect((await service.login(loginRequest())).ok).toBe(true);
    const credentials = await credentialsItem.getValue();
    expect(credentials?.sipAuth.kind).toBe('ha1');
    expect(credentials?.sipAuth.value).toMatch(/^[0-9a-f]{32}$/);
    expect(await storageText()).not.toContain(PASSWORD);
  });

  it('a failed login (body 0) stores nothing and reports errorBadCredentials', async () => {
    const { fetch, calls } = ucontact(() => textResponse('0'));
    const { service, onChange } = setup(fetch);

    const result = await service.login(loginRequest());

    expect(result).toEqual({ ok: false, error: { key: 'errorBadCredentials', substitutions: [] } });
    expect(calls).toHaveLength(1);
    expect(await storageSnapshot()).toEqual({ local: {}, session: {}, sync: {}, managed: {} });
    expect(onChange).not.toHaveBeenCalled();
    expect(await service.view()).toMatchObject({ loggedIn: false });
  });

  it.each<[string, Responder, string]>([
    ['body 0', () => textResponse('0'), 'errorBadCredentials'],
    ['HTTP 500', () => textResponse('', { status: 500 }), 'errorHttpStatus'],
    [
      'a network failure',
      () => Promise.reject(new TypeError('Failed to fetch')),
      'errorUnreachable',
    ],
  ])(
    'a failed login (%s) while logged in leaves the earlier session unchanged',
    async (_label, failing, key) => {
      let fail = false;
      const { fetch } = ucontact((call, index) =>
        fail ? failing(call, index) : textResponse(replyBody()),
      );
      const { service, onChange, startPhone, stopPhone } = setup(fetch);
      expect((await service.login(loginRequest())).ok).toBe(true);
      const before = JSON.stringify(await storageSnapshot());
      const viewBefore = await service.view();
      onChange.mockClear();
      startPhone.mockClear();

      fail = true;
      const result = await service.login(
        loginRequest({
          instance: 'other',
          agent: 'bob',
          password: 'bobs-password',
          sipServer: 'wss://x.example.com/ws',
        }),
      );

      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.key).toBe(key);
      expect(JSON.stringify(await storageSnapshot())).toBe(before);
      expect(await service.view()).toEqual(viewBefore);
      expect(onChange).not.toHaveBeenCalled();
      // The working phone is left alone.
      expect(stopPhone).not.toHaveBeenCalled();
      expect(startPhone).not.toHaveBeenCalled();
    },
  );

  it.each<[string, Partial<LoginRequest>, string]>([
    ['an empty agent', { agent: '' }, 'errorAgentEmpty'],
    ['a blank agent', { agent: '   ' }, 'errorAgentEmpty'],
    ['an empty password', { password: '' }, 'errorPasswordEmpty'],
    ['an invalid SIP server', { sipServer: 'https://sip.example.com' }, 'errorSipServerInvalid'],
    [
      'a ws:// SIP server off this computer',
      { sipServer: 'ws://pbx.example.com' },
      'errorSipServerInsecure',
    ],
    [
      'a ws:// SIP server posing as loopback',
      { sipServer: 'ws://127.0.0.1.evil.example/ws' },
      'errorSipServerInsecure',
    ],
    ['an empty instance', { instance: ' ' }, 'errorInstanceEmpty'],
    ['an insecure instance', { instance: 'http://pbx.example.com' }, 'errorInstanceInsecure'],
  ])('refuses %s without any request or storage write', async (_label, overrides, key) => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const { service, onChange } = setup(fetch);
    const result = await service.login(loginRequest(overrides));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.key).toBe(key);
    expect(fetch).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
    expect(await storageSnapshot()).toEqual({ local: {}, session: {}, sync: {}, managed: {} });
  });

  it('refuses a self-hosted origin without host permission, before any request', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const { service, hasOriginPermission } = setup(fetch);
    hasOriginPermission.mockResolvedValue(false);

    const result = await service.login(loginRequest({ instance: 'https://pbx.example.com:8443' }));

    expect(result).toEqual({
      ok: false,
      error: { key: 'errorPermissionDenied', substitutions: ['https://pbx.example.com:8443'] },
    });
    expect(hasOriginPermission).toHaveBeenCalledWith('https://pbx.example.com:8443');
    expect(fetch).not.toHaveBeenCalled();
    expect(await storageSnapshot()).toEqual({ local: {}, session: {}, sync: {}, managed: {} });
  });

  it('logs in to a self-hosted origin once permission is granted', async () => {
    const { fetch, calls } = ucontact(() => textResponse(replyBody({ host: 'pbx.example.com' })));
    const { service, hasOriginPermission } = setup(fetch);

    const result = await service.login(loginRequest({ instance: 'pbx.example.com:8443' }));

    expect(result.ok).toBe(true);
    expect(hasOriginPermission).toHaveBeenCalledWith('https://pbx.example.com:8443');
    expect(calls[0]!.url).toBe(`https://pbx.example.com:8443${LOGIN_PATH}`);
    expect((await agentItem.getValue())?.origin).toBe('https://pbx.example.com:8443');
  });

  it('does not ask for permission for a cloud instance (the manifest covers it)', async () => {
    const { fetch } = ucontact();
    const { service, hasOriginPermission } = setup(fetch);
    expect((await service.login(loginRequest())).ok).toBe(true);
    expect(hasOriginPermission).not.toHaveBeenCalled();
  });

  it('starts the phone once the session is stored, without stopping any phone on a fresh login', async () => {
    const { fetch } = ucontact();
    const { service, events } = setup(fetch);
    expect((await service.login(loginRequest())).ok).toBe(true);
    const sessionId = (await credentialsItem.getValue())?.phone?.sessionId;
    expect(sessionId).toEqual(expect.any(String));
    expect(events).toEqual([`fetch:${LOGIN_PATH}`, `startPhone:${sessionId}`]);
  });

  it('stops the earlier phone before replacing a stored session, then starts the new one', async () => {
    const { fetch } = ucontact();
    const { service, events } = setup(fetch);
    expect((await service.login(loginRequest())).ok).toBe(true);
    const earlier = (await credentialsItem.getValue())?.phone?.sessionId;
    events.length = 0;

    expect((await service.login(loginRequest({ agent: 'bob' }))).ok).toBe(true);

    const later = (await credentialsItem.getValue())?.phone?.sessionId;
    expect(later).not.toBe(earlier);
    expect(events).toEqual([`fetch:${LOGIN_PATH}`, `stopPhone:${earlier}`, `startPhone:${later}`]);
  });

  it("shows the phone's state only when the snapshot belongs to this login", async () => {
    const { fetch } = ucontact();
    const { service, phoneSnapshot } = setup(fetch);
    expect((await service.login(loginRequest())).ok).toBe(true);
    const sessionId = (await credentialsItem.getValue())!.phone.sessionId;
    const call = {
      id: 'c1',
      direction: 'outgoing' as const,
      number: '+59899123456',
      name: '',
      state: 'established' as const,
      muted: false,
      held: false,
      startedAt: 1,
    };

    phoneSnapshot.mockResolvedValue({
      sessionId,
      registration: { state: 'registered' },
      call,
      otherCalls: [],
    });
    expect(await service.view()).toMatchObject({
      loggedIn: true,
      sip: { state: 'registered' },
      call,
    });

    phoneSnapshot.mockResolvedValue({
      sessionId: 'an-earlier-login',
      registration: { state: 'registered' },
      call,
      otherCalls: [],
    });
    expect(await service.view()).toMatchObject({
      loggedIn: true,
      sip: { state: 'connecting' },
      call: null,
    });

    phoneSnapshot.mockResolvedValue(null);
    expect(await service.view()).toMatchObject({
      loggedIn: true,
      sip: { state: 'connecting' },
      call: null,
    });
  });

  it('a phone that fails to start does not turn a stored session into a reported login failure', async () => {
    // the phone host link's ensureRunning can reject (offscreen document creation, no receiving end).
    const { fetch } = ucontact();
    const { service, startPhone, onChange } = setup(fetch);
    startPhone.mockRejectedValueOnce(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );

    const result = await service.login(loginRequest());
    const view = await service.view();

    // Either outcome is coherent (logged in, the phone reporting its own error; or logged out with
    // nothing kept), but the reply, the stored session and the broadcast view must agree.
    expect(result.ok, 'login result vs stored session').toBe(view.loggedIn);
    expect(onChange.mock.lastCall?.[0]?.loggedIn ?? false, 'broadcast view vs stored session').toBe(
      view.loggedIn,
    );
  });

  it('a login superseded while the previous phone stops never overwrites the newer session', async () => {
    const { fetch } = ucontact((call) => textResponse(replyBody({ fullname: formOf(call).agent })));
    const { service, stopPhone } = setup(fetch);
    expect((await service.login(loginRequest({ agent: 'earlier' }))).ok).toBe(true);
    // Stopping the earlier phone (a SIP unregister) takes a while for the first new login...
    let release: () => void = () => undefined;
    stopPhone.mockImplementationOnce(() => new Promise<void>((resolve) => (release = resolve)));
    const first = service.login(loginRequest({ agent: 'first' }));
    await vi.waitFor(() => expect(stopPhone).toHaveBeenCalledTimes(1));

    // ...and meanwhile the agent logs in again, which must cancel the first login.
    const second = await service.login(loginRequest({ agent: 'second' }));
    expect(second.ok).toBe(true);
    release();
    const firstResult = await first;

    expect((await agentItem.getValue())?.agent, 'the newest login wins').toBe('second');
    expect(await service.view()).toMatchObject({
      loggedIn: true,
      agent: 'second',
      fullName: 'second',
    });
    expect(firstResult).toEqual({ ok: false, error: { key: 'errorCancelled', substitutions: [] } });
  });

  it('a second login started while the first is pending cancels the first', async () => {
    const { fetch, calls } = ucontact((call, index) =>
      index === 0
        ? untilAborted(call.init.signal)
        : textResponse(replyBody({ fullname: 'Second' })),
    );
    const { service, onChange } = setup(fetch);

    const first = service.login(loginRequest({ agent: 'first' }));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    const second = service.login(loginRequest({ agent: 'second' }));

    expect(await first).toEqual({ ok: false, error: { key: 'errorCancelled', substitutions: [] } });
    const secondResult = await second;
    expect(secondResult.ok).toBe(true);
    expect(secondResult.ok && secondResult.value).toMatchObject({
      loggedIn: true,
      agent: 'second',
      fullName: 'Second',
    });
    expect(calls[0]!.init.signal!.aborted).toBe(true);
    expect((await agentItem.getValue())?.agent).toBe('second');
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});

describe('session service: a locked instance or SIP server holds at login', () => {
  const lock = (policy: Record<string, unknown>) => fakeBrowser.storage.managed.set(policy);
  const loggedOutStorage = async () => {
    const { local, session } = await storageSnapshot();
    return { local, session };
  };

  it.each<[string, Record<string, unknown>, Partial<LoginRequest>, string]>([
    [
      'another instance than the locked one',
      { instance: 'acme', lockedSettings: ['instance'] },
      { instance: 'evil' },
      'errorInstanceLocked',
    ],
    [
      'a self-hosted origin instead of the locked cloud instance',
      { instance: 'acme', lockedSettings: ['instance'] },
      { instance: 'https://pbx.evil.example' },
      'errorInstanceLocked',
    ],
    [
      'any instance when the instance is locked without a value',
      { lockedSettings: ['instance'] },
      { instance: 'acme' },
      'errorInstanceLocked',
    ],
    [
      'the default SIP server instead of the locked one',
      { sipServer: 'wss://sip.acme.example/ws', lockedSettings: ['sipServer'] },
      { sipServer: '' },
      'errorSipServerLocked',
    ],
    [
      'another SIP server than the locked one',
      { sipServer: 'wss://sip.acme.example/ws', lockedSettings: ['sipServer'] },
      { sipServer: 'ws://127.0.0.1:8088/ws' },
      'errorSipServerLocked',
    ],
    [
      'an override when the SIP server is locked to the default',
      { lockedSettings: ['sipServer'] },
      { sipServer: 'wss://sip.evil.example/ws' },
      'errorSipServerLocked',
    ],
  ])('refuses %s, before any request or write', async (_label, policy, overrides, key) => {
    await lock(policy);
    const fetch = vi.fn<typeof globalThis.fetch>();
    const { service, onChange, startPhone } = setup(fetch);

    const result = await service.login(loginRequest(overrides));

    expect(result).toEqual({ ok: false, error: { key, substitutions: [] } });
    expect(fetch).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
    expect(startPhone).not.toHaveBeenCalled();
    expect(await loggedOutStorage()).toEqual({ local: {}, session: {} });
  });

  it.each<[string, Record<string, unknown>, Partial<LoginRequest>]>([
    [
      'the locked instance, as the bare name',
      { instance: 'acme', lockedSettings: ['instance'] },
      { instance: 'acme' },
    ],
    [
      'the locked instance, as its full origin',
      { instance: 'acme', lockedSettings: ['instance'] },
      { instance: ' https://acme.ucontactcloud.com ' },
    ],
    [
      'the locked SIP server',
      { sipServer: 'wss://sip.acme.example/ws', lockedSettings: ['sipServer'] },
      { sipServer: 'wss://sip.acme.example/ws' },
    ],
    [
      'the default SIP server, locked as such',
      { lockedSettings: ['sipServer'] },
      { sipServer: '' },
    ],
    [
      'another SIP server when only the instance is locked',
      { instance: 'acme', lockedSettings: ['instance'] },
      { sipServer: 'wss://sip.acme.example/ws' },
    ],
  ])('logs in with %s', async (_label, policy, overrides) => {
    await lock(policy);
    const { fetch, calls } = ucontact();
    const { service } = setup(fetch);

    const result = await service.login(loginRequest(overrides));

    expect(result).toMatchObject({ ok: true, value: { loggedIn: true } });
    expect(calls[0]!.url).toBe(`https://acme.ucontactcloud.com${LOGIN_PATH}`);
  });
});

describe('session service: logout', () => {
  async function loggedIn(logoff?: Responder, overrides: Partial<SessionServiceOptions> = {}) {
    const remote = ucontact(undefined, logoff);
    const context = setup(remote.fetch, overrides);
    expect((await context.service.login(loginRequest())).ok).toBe(true);
    context.onChange.mockClear();
    return { ...context, calls: remote.calls };
  }

  const loggedOutView: SessionView = {
    loggedIn: false,
    lastAgent: 'ada',
    lastInstance: 'acme',
    lastSipServer: '',
  };

  it('stops the phone before AgentLogoff, so a logged-off agent is never reachable by SIP', async () => {
    const { service, events } = await loggedIn();
    const sessionId = (await credentialsItem.getValue())!.phone.sessionId;
    events.length = 0;
    await service.logout();
    expect(events).toEqual([`stopPhone:${sessionId}`, `fetch:${LOGOFF_PATH}`]);
  });

  it('calls AgentLogoff with the token, clears the credentials and keeps the prefill', async () => {
    const { service, onChange, calls } = await loggedIn();

    const result = await service.logout();

    expect(calls).toHaveLength(2);
    const logoff = calls[1]!;
    expect(logoff.url).toBe(`https://acme.ucontactcloud.com${LOGOFF_PATH}`);
    expect(logoff.init.method).toBe('POST');
    expect(formOf(logoff)).toEqual({ agent: 'ada', interface: `SIP/${GOOD_REPLY.name}` });
    expect(headersOf(logoff).authorization).toBe(`Basic ${GOOD_REPLY.token}`);

    expect(result).toEqual({ ok: true, value: loggedOutView });
    expect(await service.view()).toEqual(loggedOutView);
    expect(onChange).toHaveBeenCalledWith(loggedOutView);
    expect(await credentialsItem.getValue()).toBeNull();
    const raw = await storageSnapshot();
    expect(raw.session).toEqual({});
    const remaining = JSON.stringify(raw);
    for (const secret of [PASSWORD, GOOD_REPLY.md5secret, GOOD_REPLY.secret, GOOD_REPLY.token]) {
      expect(remaining).not.toContain(secret);
    }
    expect((await agentItem.getValue())?.agent).toBe('ada');
  });

  it.each<[string, Responder, string]>([
    ['401 (token expired)', () => textResponse('', { status: 401 }), 'errorSessionExpired'],
    ['HTTP 503', () => textResponse('', { status: 503 }), 'errorHttpStatus'],
    [
      'a network failure',
      () => Promise.reject(new TypeError('Failed to fetch')),
      'errorUnreachable',
    ],
  ])('still logs out locally when AgentLogoff fails with %s', async (_label, logoff, loggedKey) => {
    const log = vi.fn();
    const { service, calls, onChange } = await loggedIn(logoff, { log });

    const result = await service.logout();

    expect(calls).toHaveLength(2);
    expect(calls[1]!.url).toContain(LOGOFF_PATH);
    // An expired token is worth telling the agent (log in again); other failures are not theirs.
    expect(result).toEqual(
      loggedKey === 'errorSessionExpired'
        ? { ok: false, error: { key: 'errorSessionExpired', substitutions: [] } }
        : { ok: true, value: loggedOutView },
    );
    expect(onChange).toHaveBeenCalledWith(loggedOutView);
    expect(await credentialsItem.getValue()).toBeNull();
    expect((await storageSnapshot()).session).toEqual({});
    // The failure is logged for debugging, without the token.
    expect(log).toHaveBeenCalledWith(
      'AgentLogoff failed',
      expect.objectContaining({ key: loggedKey }),
    );
    expect(JSON.stringify(log.mock.calls)).not.toContain(GOOD_REPLY.token);
  });

  it('logs out without calling AgentLogoff when there is no token', async () => {
    const { fetch, calls } = ucontact(() => textResponse(replyBody({ token: undefined })));
    const { service } = setup(fetch);
    expect((await service.login(loginRequest())).ok).toBe(true);
    const result = await service.logout();
    expect(calls).toHaveLength(1);
    expect(result).toEqual({ ok: true, value: loggedOutView });
    expect(await credentialsItem.getValue()).toBeNull();
  });
});
