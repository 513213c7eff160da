import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  advance,
  CONTACT_NAME,
  createPhoneRig,
  DOMAIN,
  EXTENSION,
  HA1,
  md5,
  PASSWORD,
  REALM,
  settle,
  startRegistered,
} from './helpers/phone-rig';
import type { RecordedRegister } from './helpers/scripted-registrar';

const FIVE_MINUTES = 5 * 60_000;
/** sip.js's Timer F (64 × T1): a non-INVITE request without answer becomes a 408 after it. */
const TIMER_F = 32_000;

/** Milliseconds between consecutive REGISTERs. */
const gaps = (registers: RecordedRegister[]) =>
  registers.slice(1).map((r, i) => r.at - (registers[i]?.at ?? 0));

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Phone registration', () => {
  it('goes connecting → registered after 401 → 200, reporting each state once', async () => {
    const { phone, registrar, events, retries } = createPhoneRig();

    const started = phone.start();
    expect(phone.registrationView).toEqual({ state: 'connecting' });
    await started;
    await settle();

    expect(phone.registrationView).toEqual({ state: 'registered' });
    expect(events).toEqual([{ state: 'connecting' }, { state: 'registered' }]);
    expect(registrar.registers.map((r) => r.answer)).toEqual(['401', '200']);
    expect(registrar.registers.map((r) => r.digest === undefined)).toEqual([true, false]);
    expect(registrar.registers.map((r) => r.expires)).toEqual([600, 600]);
    expect(registrar.bindings.size).toBe(1);
    expect(registrar.connectAttempts).toBe(1);
    expect(retries).toEqual([]);
  });

  it('sends the To/From/Request-URI of the agent and the digest user/realm of the challenge', async () => {
    const rig = createPhoneRig();
    await startRegistered(rig);

    const [first, second] = rig.registrar.registers;
    expect(first?.request.uri).toBe(`sip:${DOMAIN}`);
    expect(first?.request.text).toMatch(new RegExp(`\r\nTo: <sip:${EXTENSION}@${DOMAIN}>\r\n`));
    expect(first?.request.text).toMatch(new RegExp(`\r\nFrom: <sip:${EXTENSION}@${DOMAIN}>;tag=`));
    expect(second?.digest).toMatchObject({
      username: EXTENSION,
      realm: REALM,
      uri: `sip:${DOMAIN}`,
    });
  });

  it('answers the challenge with response = MD5(HA1:nonce:MD5("REGISTER:" + uri)) from the given HA1', async () => {
    const rig = createPhoneRig();
    await startRegistered(rig);

    const digest = rig.registrar.registers[1]?.digest ?? {};
    const ha2 = md5(`REGISTER:${digest.uri}`);
    expect(digest.qop).toBeUndefined();
    expect(digest.nonce).toMatch(/^nonce-/);
    expect(digest.response).toBe(md5(`${HA1}:${digest.nonce}:${ha2}`));
  });

  it('answers a qop="auth" challenge with MD5(HA1:nonce:nc:cnonce:auth:HA2)', async () => {
    const rig = createPhoneRig();
    rig.registrar.answer({ kind: 'challenge', qop: true });
    await startRegistered(rig);

    const digest = rig.registrar.registers[1]?.digest ?? {};
    expect(digest).toMatchObject({ qop: 'auth', nc: '00000001' });
    expect(digest.cnonce).toMatch(/^\w+$/);
    const ha2 = md5(`REGISTER:${digest.uri}`);
    expect(digest.response).toBe(
      md5(`${HA1}:${digest.nonce}:00000001:${digest.cnonce}:auth:${ha2}`),
    );
  });

  it('registers with a plain SIP secret too (HA1 derived from extension, realm and secret)', async () => {
    const rig = createPhoneRig({ auth: { kind: 'password', value: PASSWORD } });
    await startRegistered(rig);
    expect(rig.registrar.registers.map((r) => r.answer)).toEqual(['401', '200']);
  });

  it('start() twice connects and registers once', async () => {
    const { phone, registrar, events } = createPhoneRig();

    await Promise.all([phone.start(), phone.start()]);
    await settle();
    await phone.start();
    await settle();

    expect(registrar.connectAttempts).toBe(1);
    expect(registrar.registers.map((r) => r.answer)).toEqual(['401', '200']);
    expect(events.map((e) => e.state)).toEqual(['connecting', 'registered']);
  });

  it('a successful refresh is silent: same binding, no state events', async () => {
    const rig = createPhoneRig();
    await startRegistered(rig);

    // sip.js refreshes at 99 % of the 600 s the registrar granted.
    await advance(600_000);

    expect(rig.registrar.registers.length).toBeGreaterThanOrEqual(3);
    expect(rig.registrar.registers.at(-1)?.answer).toBe('200');
    expect(rig.registrar.bindings.size).toBe(1);
    expect(rig.events.map((e) => e.state)).toEqual(['connecting', 'registered']);
  });

  it('stop() sends REGISTER with expires=0, removes the binding and ends unregistered', async () => {
    const rig = createPhoneRig();
    await startRegistered(rig);

    await rig.phone.stop();

    const last = rig.registrar.registers.at(-1);
    expect(rig.registrar.registers).toHaveLength(3);
    expect(last?.expires).toBe(0);
    expect(last?.contactUser).toBe(CONTACT_NAME);
    expect(rig.registrar.bindings.size).toBe(0);
    expect(rig.phone.registrationView).toEqual({ state: 'unregistered' });
    expect(rig.events.map((e) => e.state)).toEqual(['connecting', 'registered', 'unregistered']);
    expect(rig.registrar.transport.isConnected()).toBe(false);

    // Nothing keeps refreshing or retrying behind the agent's back.
    await advance(20 * 60_000);
    expect(rig.registrar.registers).toHaveLength(3);
    expect(rig.registrar.connectAttempts).toBe(1);
  });

  it('stop() gives up on an unanswered un-REGISTER after about 2 s instead of waiting out Timer F (32 s)', async () => {
    const rig = createPhoneRig();
    await startRegistered(rig);
    rig.registrar.answer({ kind: 'silence' });

    // UNREGISTER_WAIT_MS bounds the wait for the un-REGISTER's answer, but sip.js's
    // Registerer.dispose() then waits for that same request to time out (Timer F).
    let stopped = false;
    void rig.phone.stop().then(() => (stopped = true));
    await advance(3_000);

    expect(rig.registrar.registers.at(-1)?.expires).toBe(0);
    expect(stopped).toBe(true);
  });

  it('never hands the HA1 to the log sink', async () => {
    const rig = createPhoneRig();
    await startRegistered(rig);
    await rig.phone.stop();

    // sip.js logs its whole configuration ("· authorizationHa1: …") through logConnector, at
    // every level: logLevel only filters sip.js's own console output.
    expect(rig.logs.length).toBeGreaterThan(0);
    expect(rig.logs.filter((line) => line.includes(HA1))).toEqual([]);
  });

  it('never hands the plain SIP secret to the log sink', async () => {
    const rig = createPhoneRig({ auth: { kind: 'password', value: PASSWORD } });
    await startRegistered(rig);
    await rig.phone.stop();

    expect(rig.logs.filter((line) => line.includes(PASSWORD))).toEqual([]);
  });
});

describe('Phone with wrong credentials', () => {
  it.each([
    ['403 after the digest', [{ kind: 'challenge' }, { kind: 'reject', status: 403 }], '403', 2],
    ['403 at once', [{ kind: 'reject', status: 403 }], '403', 1],
    ['a second 401 after the digest', [{ kind: 'challenge' }, { kind: 'challenge' }], '401', 2],
    ['404 (unknown extension)', [{ kind: 'challenge' }, { kind: 'reject', status: 404 }], '404', 2],
  ] as const)(
    '%s → error errorSipAuth, and no retry for 5 minutes',
    async (_name, script, status, sent) => {
      const { phone, registrar, events, retries } = createPhoneRig();
      registrar.answer(...script);

      await phone.start();
      await settle();

      const error = { state: 'error', error: { key: 'errorSipAuth', substitutions: [status] } };
      expect(phone.registrationView).toEqual(error);
      expect(events).toEqual([{ state: 'connecting' }, error]);
      expect(registrar.registers).toHaveLength(sent);

      phone.retryNow();
      await advance(FIVE_MINUTES);
      expect(registrar.registers).toHaveLength(sent);
      expect(registrar.connectAttempts).toBe(1);
      expect(retries).toEqual([]);
      expect(phone.registrationView).toEqual(error);
    },
  );

  it('a wrong HA1 is refused by the registrar (403) and stays refused', async () => {
    const { phone, registrar } = createPhoneRig({
      auth: { kind: 'ha1', value: md5('1997:asterisk:wrong') },
    });

    await phone.start();
    await settle();
    await advance(FIVE_MINUTES);

    expect(registrar.registers.map((r) => r.answer)).toEqual(['401', '403']);
    expect(phone.registrationView.error).toEqual({ key: 'errorSipAuth', substitutions: ['403'] });
  });
});

describe('Phone backoff', () => {
  it('503 three times then 200: retries after 1 s, 2 s, 4 s, then registers', async () => {
    const { phone, registrar, events, retries } = createPhoneRig();
    registrar.answer(
      { kind: 'reject', status: 503 },
      { kind: 'reject', status: 503 },
      { kind: 'reject', status: 503 },
    );

    await phone.start();
    await settle();
    const unavailable = {
      state: 'connecting',
      error: { key: 'errorSipUnavailable', substitutions: ['503'] },
    };
    expect(phone.registrationView).toEqual(unavailable);
    expect(retries).toEqual([{ delayMs: 1_000, attempt: 1 }]);

    await advance(999);
    expect(registrar.registers).toHaveLength(1);
    await advance(1);
    expect(registrar.registers).toHaveLength(2);
    expect(phone.registrationView).toEqual(unavailable);

    await advance(2_000 + 4_000);
    expect(registrar.registers.map((r) => r.answer)).toEqual(['503', '503', '503', '401', '200']);
    expect(gaps(registrar.registers)).toEqual([1_000, 2_000, 4_000, 0]);
    expect(retries).toEqual([
      { delayMs: 1_000, attempt: 1 },
      { delayMs: 2_000, attempt: 2 },
      { delayMs: 4_000, attempt: 3 },
    ]);
    expect(phone.registrationView).toEqual({ state: 'registered' });
    expect(events).toEqual([{ state: 'connecting' }, unavailable, { state: 'registered' }]);
  });

  it('starts again at 1 s after a success', async () => {
    const { phone, registrar, retries } = createPhoneRig();
    registrar.answer({ kind: 'reject', status: 503 }, { kind: 'reject', status: 503 });
    await phone.start();
    await advance(1_000 + 2_000);
    expect(phone.registrationView.state).toBe('registered');

    registrar.transport.drop();

    expect(retries.at(-1)).toEqual({ delayMs: 1_000, attempt: 1 });
  });

  it('honours Retry-After: 7 on a 503', async () => {
    const { phone, registrar, retries } = createPhoneRig();
    registrar.answer({ kind: 'reject', status: 503, retryAfter: 7 });

    await phone.start();
    await settle();
    expect(retries).toEqual([{ delayMs: 7_000, attempt: 1 }]);

    await advance(6_999);
    expect(registrar.registers).toHaveLength(1);
    await advance(1);
    expect(registrar.registers).toHaveLength(3);
    expect(phone.registrationView.state).toBe('registered');
  });

  it('never waits longer than the 30 s cap, however long the registrar stays down', async () => {
    const { phone, registrar, retries } = createPhoneRig();
    registrar.fallback = { kind: 'reject', status: 503 };

    await phone.start();
    await settle();
    for (let i = 0; i < 9; i++) await advance(retries.at(-1)?.delayMs ?? 0);

    const delays = retries.map((r) => r.delayMs);
    expect(delays).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000, 30_000,
    ]);
    expect(gaps(registrar.registers)).toEqual(delays.slice(0, -1));
    expect(phone.registrationView.error?.key).toBe('errorSipUnavailable');
  });

  it('a REGISTER nobody answers times out after Timer F (408), then retries with backoff', async () => {
    const { phone, registrar, retries } = createPhoneRig();
    registrar.answer({ kind: 'silence' });

    await phone.start();
    await advance(TIMER_F - 1);
    expect(phone.registrationView).toEqual({ state: 'connecting' });
    expect(retries).toEqual([]);

    await advance(1);
    expect(phone.registrationView).toEqual({
      state: 'connecting',
      error: { key: 'errorSipUnavailable', substitutions: ['408'] },
    });
    expect(retries).toEqual([{ delayMs: 1_000, attempt: 1 }]);

    await advance(1_000);
    expect(phone.registrationView).toEqual({ state: 'registered' });
    expect(registrar.registers.map((r) => r.answer)).toEqual(['silence', '401', '200']);
  });
});

describe('Phone after a lost connection', () => {
  it('reconnects after the backoff delay and re-registers the same contact (one binding)', async () => {
    const rig = createPhoneRig();
    const { phone, registrar, events, retries } = rig;
    await startRegistered(rig);

    registrar.transport.drop();

    const lost = { state: 'connecting', error: { key: 'errorSipConnection', substitutions: [] } };
    expect(phone.registrationView).toEqual(lost);
    expect(retries).toEqual([{ delayMs: 1_000, attempt: 1 }]);
    await advance(999);
    expect(registrar.connectAttempts).toBe(1);

    await advance(1);
    expect(registrar.connectAttempts).toBe(2);
    expect(phone.registrationView).toEqual({ state: 'registered' });
    expect(events).toEqual([
      { state: 'connecting' },
      { state: 'registered' },
      lost,
      { state: 'registered' },
    ]);

    const [before, after] = [registrar.registers[1], registrar.registers.at(-1)];
    expect(after?.at).toBe(before !== undefined ? before.at + 1_000 : NaN);
    expect(after?.contactUser).toBe(CONTACT_NAME);
    expect(before?.contactUser).toBe(CONTACT_NAME);
    expect(after?.contact).toBe(before?.contact);
    expect(after?.callId).toBe(before?.callId);
    expect(registrar.bindings.size).toBe(1);
  });

  it('backs off while the server refuses connections, then registers', async () => {
    const rig = createPhoneRig();
    await startRegistered(rig);
    rig.registrar.refuseConnects(2);

    rig.registrar.transport.drop();
    await advance(1_000 + 2_000);
    expect(rig.phone.registrationView.error?.key).toBe('errorSipConnection');
    await advance(4_000);

    expect(rig.retries.map((r) => r.delayMs)).toEqual([1_000, 2_000, 4_000]);
    expect(rig.registrar.connectAttempts).toBe(4);
    expect(rig.phone.registrationView).toEqual({ state: 'registered' });
  });

  it('retries when the server is down at start', async () => {
    const { phone, registrar, retries } = createPhoneRig();
    registrar.refuseConnects(1);

    await phone.start();
    expect(phone.registrationView).toEqual({
      state: 'connecting',
      error: { key: 'errorSipConnection', substitutions: [] },
    });
    expect(registrar.registers).toHaveLength(0);

    await advance(1_000);
    expect(retries).toEqual([{ delayMs: 1_000, attempt: 1 }]);
    expect(phone.registrationView).toEqual({ state: 'registered' });
  });

  it('re-registers as soon as it reconnects when the connection dropped with a REGISTER unanswered', async () => {
    const { phone, registrar } = createPhoneRig();
    registrar.answer({ kind: 'challenge' }, { kind: 'drop' });

    await phone.start();
    await settle();
    expect(phone.registrationView.error?.key).toBe('errorSipConnection');

    // The server is back after a second. sip.js's Registerer refuses a new REGISTER while the lost
    // one awaits its answer (RequestPendingError) until Timer F (32 s); a phone that waits for
    // that, then backs off, leaves the agent unreachable for a minute.
    await advance(5_000);
    expect(phone.registrationView).toEqual({ state: 'registered' });
  });

  it('retryNow() while waiting reconnects at once and drops the pending retry', async () => {
    const rig = createPhoneRig();
    await startRegistered(rig);
    rig.registrar.transport.drop();
    expect(rig.retries).toHaveLength(1);

    rig.phone.retryNow();
    await settle();

    expect(rig.registrar.connectAttempts).toBe(2);
    expect(rig.phone.registrationView).toEqual({ state: 'registered' });
    const sent = rig.registrar.registers.length;
    await advance(60_000);
    expect(rig.registrar.connectAttempts).toBe(2);
    expect(rig.registrar.registers).toHaveLength(sent);
  });

  it('retryNow() does nothing while registered', async () => {
    const rig = createPhoneRig();
    await startRegistered(rig);

    rig.phone.retryNow();
    await advance(60_000);

    expect(rig.registrar.connectAttempts).toBe(1);
    expect(rig.registrar.registers).toHaveLength(2);
  });

  it('stop() while a retry is pending cancels it', async () => {
    const rig = createPhoneRig();
    await startRegistered(rig);
    rig.registrar.transport.drop();

    await rig.phone.stop();
    await advance(FIVE_MINUTES);

    expect(rig.registrar.connectAttempts).toBe(1);
    expect(rig.retries).toHaveLength(1);
    expect(rig.phone.registrationView).toEqual({ state: 'unregistered' });
  });

  it('a drop during stop() schedules nothing', async () => {
    const rig = createPhoneRig();
    await startRegistered(rig);
    rig.registrar.answer({ kind: 'drop' });

    void rig.phone.stop();
    await settle();
    expect(rig.registrar.registers.at(-1)?.answer).toBe('drop');
    await advance(FIVE_MINUTES);

    expect(rig.retries).toEqual([]);
    expect(rig.registrar.connectAttempts).toBe(1);
    expect(rig.phone.registrationView).toEqual({ state: 'unregistered' });
  });
});

describe('Phone when a refresh fails', () => {
  it('a refresh answered 503 sends the phone back to connecting, and it re-registers with backoff', async () => {
    const rig = createPhoneRig();
    const { phone, registrar, retries } = rig;
    registrar.answer(
      { kind: 'challenge' },
      { kind: 'ok', expires: 60 },
      { kind: 'reject', status: 503 },
    );
    await startRegistered(rig);

    // sip.js refreshes at 99 % of the granted 60 s.
    await advance(59_399);
    expect(registrar.registers).toHaveLength(2);
    await advance(1);
    expect(registrar.registers.map((r) => r.answer)).toEqual(['401', '200', '503']);
    expect(phone.registrationView.state).toBe('connecting');
    expect(phone.registrationView.error).toBeDefined();
    expect(retries).toEqual([{ delayMs: 1_000, attempt: 1 }]);

    await advance(1_000);
    expect(registrar.registers.at(-1)?.answer).toBe('200');
    expect(phone.registrationView).toEqual({ state: 'registered' });
    expect(rig.events.map((e) => e.state)).toEqual([
      'connecting',
      'registered',
      'connecting',
      'registered',
    ]);
  });
});
