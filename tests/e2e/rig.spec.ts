// Proves the test rig itself (fake uContact API, Kamailio, far-end sip.js phones) inside the
// loopback-only namespace. Needs no extension build. Run: node scripts/run-e2e.mjs tests/e2e/rig.spec.ts
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser, launchBrowserWithExtension } from '../rig/browser';
import { startCallee, type Callee } from '../rig/callee';
import { rigRequest, type HttpReply } from '../rig/https-request';
import { screenshot } from '../rig/screenshot';
import { startKamailio, type Kamailio } from '../rig/kamailio';
import { ha1 } from '../rig/sip-credentials';
import {
  AGENT_CALL_PATH,
  AGENT_UNBREAK_PATH,
  API_ENDPOINTS,
  API_MISBEHAVIOUR_KINDS,
  API_PATHS,
  LOGIN_PATH,
  LOGOFF_PATH,
  MISBEHAVIOUR_KINDS,
  startUContactServer,
  type AgentCall,
  type ApiEndpoint,
  type ApiMisbehaviourKind,
  type MisbehaviourKind,
  type UContactAgent,
  type UContactServer,
} from '../rig/ucontact-server';

const MARIA: UContactAgent = {
  agent: 'maria',
  password: 'pw-maria',
  name: '1997',
  sipPassword: 'secret1997',
  fullname: 'Maria Gomez',
};
const DOMAIN = 'acme.ucontactcloud.com';

it('runs in a namespace that has nothing but loopback', () => {
  expect(process.env.UCT_NETNS, 'run through node scripts/run-e2e.mjs').toBe('1');
  expect(Object.keys(networkInterfaces())).toEqual(['lo']);
});

describe('fake uContact API', () => {
  let server: UContactServer;
  const login = (form: Record<string, string>, timeoutMs?: number): Promise<HttpReply> =>
    rigRequest(LOGIN_PATH, { form, timeoutMs });
  const good = { agent: 'maria', password: 'pw-maria' };

  beforeAll(async () => {
    server = await startUContactServer({ agents: [MARIA], misbehaviour: { slowDripMs: 600 } });
  });
  afterAll(() => server.close());

  it('answers a good login over HTTPS with a JSON text body', async () => {
    expect(server.origin).toBe('https://acme.ucontactcloud.com');
    const reply = await login(good);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/plain/);
    const profile = JSON.parse(reply.body) as Record<string, string>;
    expect(profile).toMatchObject({
      name: '1997',
      host: DOMAIN,
      transport: 'wss',
      md5secret: ha1('1997', 'secret1997'),
      secret: 'secret1997',
      callerid: 'Maria Gomez <1997>',
      allow: 'alaw;ulaw',
      dtmfmode: 'rfc2833',
    });
    expect(Buffer.from(profile.token ?? '', 'base64').toString()).toMatch(/^maria:[0-9a-f-]{36}$/);
    const recorded = server.requests.at(-1);
    expect(recorded).toMatchObject({ method: 'POST', path: LOGIN_PATH, form: good });
  });

  it("answers '0' for a bad password or an unknown agent", async () => {
    expect((await login({ agent: 'maria', password: 'nope' })).body).toBe('0');
    expect((await login({ agent: 'nobody', password: 'pw-maria' })).body).toBe('0');
  });

  it('logs off with the token once, then 401', async () => {
    const { token } = JSON.parse((await login(good)).body) as { token: string };
    const logoff = (): Promise<HttpReply> =>
      rigRequest(LOGOFF_PATH, {
        form: { agent: 'maria', interface: 'SIP/1997' },
        headers: { authorization: `Basic ${token}` },
      });
    expect(await logoff()).toMatchObject({ status: 200, body: 'OK' });
    expect((await logoff()).status).toBe(401);
    expect(server.requests.filter((r) => r.path === LOGOFF_PATH).at(-1)?.form).toEqual({
      agent: 'maria',
      interface: 'SIP/1997',
    });
  });

  it('serves nothing else', async () => {
    expect((await rigRequest('/Integra/resources/whatever')).status).toBe(404);
  });

  const parses = (body: string): unknown => JSON.parse(body);
  const expectations: Record<MisbehaviourKind, (reply: HttpReply) => void> = {
    zero: (r) => expect(r).toMatchObject({ status: 200, body: '0' }),
    error: (r) => expect(r).toMatchObject({ status: 200, body: 'Error' }),
    'quoted-zero': (r) => expect(r).toMatchObject({ status: 200, body: '"0"' }),
    empty: (r) => expect(r).toMatchObject({ status: 200, body: '' }),
    whitespace: (r) => expect(r.body.trim()).toBe(''),
    'html-200': (r) => expect(r.status === 200 && r.body.startsWith('<!DOCTYPE html>')).toBe(true),
    'html-502': (r) => expect(r.status === 502 && r.body.includes('<html>')).toBe(true),
    'html-503': (r) => expect(r.status === 503 && r.body.includes('<html>')).toBe(true),
    'json-array': (r) => expect(Array.isArray(parses(r.body))).toBe(true),
    'json-no-name': (r) => expect(parses(r.body)).not.toHaveProperty('name'),
    'wrong-types': (r) => expect(parses(r.body)).toHaveProperty('name', 1997),
    'truncated-json': (r) => expect(() => parses(r.body)).toThrow(),
    bom: (r) => {
      expect(r.body.charCodeAt(0)).toBe(0xfeff);
      expect(parses(r.body.slice(1))).toHaveProperty('name', '1997');
    },
    huge: (r) => {
      expect(r.body.length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
      expect(parses(r.body)).toHaveProperty('name', '1997');
    },
    'slow-drip': (r) => {
      expect(r.elapsedMs).toBeGreaterThanOrEqual(500);
      expect(parses(r.body)).toHaveProperty('name', '1997');
    },
    hang: () => undefined, // checked below: no reply at all
    reset: () => undefined,
    'http-500': (r) => expect(r.status).toBe(500),
    'http-401': (r) => expect(r.status).toBe(401),
    'redirect-other-origin': (r) => {
      expect(r.status).toBe(302);
      expect(r.headers.location).toBe(`https://evil.ucontactcloud.com${LOGIN_PATH}`);
    },
  };

  it.each(MISBEHAVIOUR_KINDS)('misbehaves as %s, until told to behave', async (kind) => {
    server.behave(kind);
    if (kind === 'hang' || kind === 'reset') {
      await expect(login(good, 400)).rejects.toThrow(
        kind === 'hang' ? /timeout/ : /socket hang up|ECONNRESET/,
      );
    } else {
      expectations[kind](await login(good));
    }
    server.behave('normal');
    expect(JSON.parse((await login(good)).body)).toHaveProperty('name', '1997');
  });

  it('takes a custom handler too', async () => {
    server.behave((c) => c.send(200, 'custom'));
    expect((await login(good)).body).toBe('custom');
    server.behave('normal');
  });
});

describe('fake uContact contact-center API', () => {
  const PEDRO: UContactAgent = {
    agent: 'pedro',
    password: 'pw-pedro',
    name: '1998',
    sipPassword: 's',
  };
  const CALL = {
    callerid: '+59829000000',
    agent: 'maria',
    phone: '1997',
    tech: 'SIP',
    context: 'salientes',
    outqueue: 'Ventas->',
    destination: '+14155550123',
  };
  const LUNCH = { agent: 'maria', interface: 'SIP/1997', motive: 'Lunch' };
  const disposition = (guid: string): Record<string, string> => ({
    campaign: 'Ventas->',
    agent: 'maria',
    callerid: '+14155550123',
    guid,
    l1: 'Sale',
    l2: 'Card',
    l3: '',
    d1: '',
    d2: '',
    comment: 'wants a call back',
    schedule: '',
    camptoreschedule: '',
    tag: '',
  });
  const without = (form: Record<string, string>, field: string): Record<string, string> =>
    Object.fromEntries(Object.entries(form).filter(([key]) => key !== field));
  const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  let server: UContactServer;
  let token: string;
  const hooked: AgentCall[] = [];
  const tokenOf = async (agent: UContactAgent): Promise<string> => {
    const reply = await rigRequest(LOGIN_PATH, {
      form: { agent: agent.agent, password: agent.password },
    });
    return (JSON.parse(reply.body) as { token: string }).token;
  };
  const post = (
    endpoint: ApiEndpoint,
    form: Record<string, string>,
    options: { token?: string | null; timeoutMs?: number } = {},
  ): Promise<HttpReply> => {
    const sent = options.token === undefined ? token : options.token;
    return rigRequest(API_PATHS[endpoint], {
      form,
      headers: sent === null ? {} : { authorization: `Basic ${sent}` },
      timeoutMs: options.timeoutMs,
    });
  };
  const newCall = async (): Promise<string> => (await post('AgentCall', CALL)).body;

  /** A request the endpoint accepts (with what it needs first), and its good reply. */
  const goodRequests: Record<ApiEndpoint, () => Promise<HttpReply>> = {
    AgentLogoff: async () =>
      post(
        'AgentLogoff',
        { agent: 'maria', interface: 'SIP/1997' },
        { token: await tokenOf(MARIA) },
      ),
    AgentCall: () => post('AgentCall', CALL),
    AgentBreak: () => post('AgentBreak', LUNCH),
    AgentUnBreak: async () => {
      await post('AgentBreak', LUNCH);
      return post('AgentUnBreak', LUNCH);
    },
    DispositionCall: async () => post('DispositionCall', disposition(await newCall())),
  };
  const expectGood = (endpoint: ApiEndpoint, reply: HttpReply): void => {
    expect(reply.status).toBe(200);
    const bodies: Record<ApiEndpoint, RegExp> = {
      AgentLogoff: /^OK$/,
      AgentCall: GUID,
      AgentBreak: /^1$/,
      AgentUnBreak: /^1$/,
      DispositionCall: /^1$/,
    };
    expect(reply.body).toMatch(bodies[endpoint]);
  };

  beforeAll(async () => {
    server = await startUContactServer({
      agents: [MARIA, PEDRO],
      misbehaviour: { slowReplyMs: 600 },
      onAgentCall: (call) => void hooked.push(call),
    });
    token = await tokenOf(MARIA);
  });
  afterAll(() => server.close());

  it('AgentCall replies a fresh GUID, records the fields and token, and hands the call to the hook', async () => {
    hooked.length = 0;
    const [first, second] = [await newCall(), await newCall()];
    expect(first).toMatch(GUID);
    expect(second).not.toBe(first);
    const recorded = server.requests.filter((r) => r.path === AGENT_CALL_PATH).at(-1);
    expect(recorded).toMatchObject({ method: 'POST', form: CALL });
    expect(recorded?.headers.authorization).toBe(`Basic ${token}`);
    await expect.poll(() => hooked.map((c) => c.guid)).toEqual([first, second]);
    expect(hooked[0]?.form).toEqual(CALL);

    // Another hook replaces it; a failing one is reported and does not spoil the reply.
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    server.onAgentCall(() => Promise.reject(new Error('far end broke')));
    expect(await newCall()).toMatch(GUID);
    await expect.poll(() => errors.mock.calls.length).toBe(1);
    errors.mockRestore();
    server.onAgentCall(undefined);
    await newCall();
    expect(hooked).toHaveLength(2);
    server.onAgentCall((call) => void hooked.push(call));
  });

  it.each(API_ENDPOINTS)(
    '%s: 401 without a token, with a wrong one, with another agent’s',
    async (e) => {
      const form = e === 'AgentCall' ? CALL : { ...LUNCH, ...disposition(await newCall()) };
      expect((await post(e, form, { token: null })).status).toBe(401);
      expect((await post(e, form, { token: 'bWFyaWE6bm9wZQ==' })).status).toBe(401);
      expect((await post(e, form, { token: await tokenOf(PEDRO) })).status).toBe(401);
    },
  );

  it('401 once the token is logged off or expired', async () => {
    const mine = await tokenOf(MARIA);
    expect((await post('AgentCall', CALL, { token: mine })).body).toMatch(GUID);
    await post('AgentLogoff', { agent: 'maria', interface: 'SIP/1997' }, { token: mine });
    expect((await post('AgentCall', CALL, { token: mine })).status).toBe(401);
    server.expireTokens();
    expect((await post('AgentCall', CALL)).status).toBe(401);
    token = await tokenOf(MARIA);
  });

  it.each([
    ['tech is not SIP', { tech: 'PJSIP' }],
    ['phone is not the agent’s extension', { phone: '1998' }],
    ['the agent is unknown', { agent: 'nobody' }],
    ['a field is empty', { context: '' }],
  ])('AgentCall answers 0 when %s', async (_label, change) => {
    expect(await post('AgentCall', { ...CALL, ...change })).toMatchObject({
      status: 200,
      body: '0',
    });
  });

  it('AgentCall answers 0 when a field is missing', async () => {
    expect((await post('AgentCall', without(CALL, 'destination'))).body).toBe('0');
  });

  it('keeps the break: take, switch motive, refuse another motive, come back', async () => {
    const take = (motive: string): Promise<HttpReply> => post('AgentBreak', { ...LUNCH, motive });
    const back = (motive: string): Promise<HttpReply> => post('AgentUnBreak', { ...LUNCH, motive });
    expect(server.breakState('maria')).toBeUndefined();
    expect(await take('Lunch')).toMatchObject({ status: 200, body: '1' });
    expect(server.breakState('maria')).toBe('Lunch');
    expect((await take('Coffee')).body).toBe('1');
    expect(server.breakState('maria')).toBe('Coffee');
    expect((await back('Lunch')).body).toBe('0');
    expect(server.breakState('maria')).toBe('Coffee');
    expect((await back('Coffee')).body).toBe('1');
    expect(server.breakState('maria')).toBeUndefined();
    expect((await back('Coffee')).body).toBe('0');
    expect(server.requests.at(-1)).toMatchObject({
      path: AGENT_UNBREAK_PATH,
      form: { ...LUNCH, motive: 'Coffee' },
    });
  });

  it('AgentBreak answers 0 for another interface, an empty motive, an unknown agent', async () => {
    expect((await post('AgentBreak', { ...LUNCH, interface: 'SIP/1998' })).body).toBe('0');
    expect((await post('AgentBreak', { ...LUNCH, motive: ' ' })).body).toBe('0');
    expect((await post('AgentBreak', { ...LUNCH, agent: 'nobody' })).body).toBe('0');
    expect(server.breakState('maria')).toBeUndefined();
    expect((await post('AgentBreak', { ...LUNCH, message: 'back at 2' })).body).toBe('1');
    expect((await post('AgentUnBreak', LUNCH)).body).toBe('1');
  });

  it('DispositionCall takes a result for a GUID AgentCall gave, with or without a callback', async () => {
    const guid = await newCall();
    expect(await post('DispositionCall', disposition(guid))).toMatchObject({
      status: 200,
      body: '1',
    });
    const callback = { ...disposition(guid), schedule: '2026-03-31 14:30:00' };
    expect((await post('DispositionCall', callback)).body).toBe('1');
    expect(server.requests.at(-1)?.form).toEqual(callback);
  });

  it.each([
    ['the GUID is unknown', { guid: '6f1c1d52-0000-4000-8000-000000000000' }],
    ['the campaign is not the call’s', { campaign: 'Cobranzas->' }],
    ['the agent is not the call’s', { agent: 'pedro' }],
    ['there is no result', { l1: '' }],
    ['the schedule is not YYYY-MM-DD HH:MI:SS', { schedule: '2026-03-31T14:30:00' }],
    ['the schedule is no date', { schedule: '2026-02-30 10:00:00' }],
    ['the schedule is no time', { schedule: '2026-03-31 24:00:00' }],
  ])('DispositionCall answers 0 when %s', async (_label, change: Record<string, string>) => {
    const form = { ...disposition(await newCall()), ...change };
    // pedro's own token: the check under test is the call's agent, not the token.
    const as = form.agent === 'pedro' ? await tokenOf(PEDRO) : token;
    expect(await post('DispositionCall', form, { token: as })).toMatchObject({
      status: 200,
      body: '0',
    });
  });

  it('DispositionCall answers 0 when a field is missing', async () => {
    const form = without(disposition(await newCall()), 'tag');
    expect((await post('DispositionCall', form)).body).toBe('0');
  });

  const checks: Record<ApiMisbehaviourKind, (e: ApiEndpoint, r: HttpReply) => void> = {
    zero: (_e, r) => expect(r).toMatchObject({ status: 200, body: '0' }),
    unauthorized: (_e, r) => expect(r.status).toBe(401),
    'server-error': (_e, r) => {
      expect(r.status).toBe(500);
      expect(r.headers['content-type']).toMatch(/^text\/html/);
      expect(r.body).toContain('<html>');
    },
    slow: (e, r) => {
      expect(r.elapsedMs).toBeGreaterThanOrEqual(550);
      expectGood(e, r);
    },
  };
  it.each(API_ENDPOINTS.flatMap((e) => API_MISBEHAVIOUR_KINDS.map((k) => [e, k] as const)))(
    '%s misbehaves as %s, until told to behave',
    async (endpoint, kind) => {
      expectGood(endpoint, await goodRequests[endpoint]());
      server.behaveApi(endpoint, kind);
      checks[kind](endpoint, await goodRequests[endpoint]());
      checks[kind](endpoint, await goodRequests[endpoint]());
      server.behaveApi(endpoint, 'normal');
      expectGood(endpoint, await goodRequests[endpoint]());
    },
  );

  it('misbehaves for `times` requests only: save fails once, Retry succeeds', async () => {
    const form = disposition(await newCall());
    server.behaveApi('DispositionCall', 'server-error', { times: 1 });
    expect((await post('DispositionCall', form)).status).toBe(500);
    expect((await post('DispositionCall', form)).body).toBe('1');
    server.behaveApi('AgentBreak', 'zero', { times: 2 });
    expect((await post('AgentBreak', LUNCH)).body).toBe('0');
    expect((await post('AgentBreak', LUNCH)).body).toBe('0');
    expect((await post('AgentBreak', LUNCH)).body).toBe('1');
    expect((await post('AgentUnBreak', LUNCH)).body).toBe('1');
    expect(() => server.behaveApi('AgentCall', 'zero', { times: 0 })).toThrow(/positive integer/);
  });

  it('slow takes its own delay, and still places the call when the client gave up', async () => {
    hooked.length = 0;
    server.behaveApi('AgentCall', 'slow', { delayMs: 300, times: 1 });
    await expect(post('AgentCall', CALL, { timeoutMs: 100 })).rejects.toThrow(/timeout/);
    await expect.poll(() => hooked).toHaveLength(1);
    expect(server.requests.filter((r) => r.path === AGENT_CALL_PATH).at(-1)?.form).toEqual(CALL);
    const reply = await post('AgentCall', CALL);
    expect(reply.elapsedMs).toBeLessThan(300);
  });

  it('takes a custom handler per endpoint', async () => {
    server.behaveApi('AgentCall', (c, next) =>
      c.form.destination === '+1' ? c.send(200, ' 0 ') : next.normal(),
    );
    expect((await post('AgentCall', { ...CALL, destination: '+1' })).body).toBe(' 0 ');
    expect(await newCall()).toMatch(GUID);
    server.behaveApi('AgentCall', 'normal');
  });
});

describe('Kamailio and two far-end phones', () => {
  const users = { '1997': ha1('1997', 'secret1997'), '2000': ha1('2000', 'secret2000') };
  let kamailio: Kamailio;
  let browser: Browser;
  let alice: Callee;
  let bob: Callee;

  beforeAll(async () => {
    [kamailio, browser] = await Promise.all([
      startKamailio({ users, dialPlan: { '+14155550123': '2000' } }),
      launchBrowser(),
    ]);
    [alice, bob] = await Promise.all([startCallee(browser), startCallee(browser)]);
  });
  afterAll(async () => {
    await Promise.all([alice?.close(), bob?.close()]);
    await browser?.close();
    await kamailio?.stop();
  });

  it('registers 1997 over ws:// and 2000 over wss://host:8089 (one contact each)', async () => {
    expect(kamailio.wssUrl).toBe('wss://acme.ucontactcloud.com:8089/ws');
    const outcomes = await Promise.all([
      alice.register({ wsUrl: kamailio.wsUrl, user: '1997', ha1: users['1997'], domain: DOMAIN }),
      bob.register({
        wsUrl: kamailio.wssUrl ?? '',
        user: '2000',
        ha1: users['2000'],
        domain: DOMAIN,
      }),
    ]);
    expect(outcomes).toEqual([
      { registered: true, code: 200 },
      { registered: true, code: 200 },
    ]);
    const [a, b] = await Promise.all([kamailio.contacts('1997'), kamailio.contacts('2000')]);
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(b[0]?.socket).toMatch(/^tls:127\.0\.0\.1:8089/);
    expect(a[0]?.expires).toBeGreaterThan(0);
  });

  it('connects a call: RTP both ways, DTMF (RTP and INFO), hold, BYE at hangup', async () => {
    await alice.call('+14155550123');
    const invite = await bob.waitForInvite();
    expect(invite.requestUriUser).toBe('2000');
    expect(invite.to).toBe(`sip:+14155550123@${DOMAIN}`);
    expect(invite.from).toBe(`sip:1997@${DOMAIN}`);
    await bob.answer();
    await Promise.all([alice.waitForCallState('established'), bob.waitForCallState('established')]);

    const flowing = async (c: Callee): Promise<boolean> => {
      const s = await c.stats();
      return s.bytesReceived > 0 && s.bytesSent > 0;
    };
    await expect.poll(() => flowing(alice), { timeout: 5_000 }).toBe(true);
    await expect.poll(() => flowing(bob), { timeout: 5_000 }).toBe(true);

    const digits = async (): Promise<string> =>
      (await bob.state()).dtmf.map((d) => `${d.digit}/${d.via}`).join(' ');
    // RTP tones play out over time; INFO is sent at once: one after the other keeps the order.
    await alice.sendDtmf('1#');
    await expect.poll(digits, { timeout: 5_000 }).toBe('1/rtp #/rtp');
    await alice.sendDtmf('7', 'info');
    await expect.poll(digits).toBe('1/rtp #/rtp 7/info');

    await alice.hold(true);
    await alice.hold(false);
    expect((await bob.state()).reinviteDirections).toEqual(['sendonly', 'sendrecv']);

    const invites = kamailio.sipRequests().filter((r) => r.method === 'INVITE' && !r.inDialog);
    expect(invites.at(-1)).toMatchObject({ ruser: '+14155550123', fuser: '1997' });

    await alice.hangup();
    await bob.waitForCallState('terminated');
    expect((await bob.state()).byeReceived).toBe(true);
    expect(kamailio.sipRequests().some((r) => r.method === 'BYE' && r.fuser === '1997')).toBe(true);
  });

  it('logs an unregister (Expires 0)', async () => {
    await alice.unregister();
    expect(kamailio.sipRequests().some((r) => r.tuser === '1997' && r.unregister)).toBe(true);
    await expect.poll(() => kamailio.contacts('1997')).toHaveLength(0);
  });

  it('refuses a wrong HA1 with 403 at once, without a REGISTER storm', async () => {
    const before = kamailio.registerRequests('1997');
    const outcome = await alice.register({
      wsUrl: kamailio.wsUrl,
      user: '1997',
      ha1: ha1('1997', 'wrong'),
      domain: DOMAIN,
    });
    expect(outcome).toEqual({ registered: false, code: 403 });
    await new Promise((r) => setTimeout(r, 500));
    expect(kamailio.registerRequests('1997') - before).toBeLessThanOrEqual(2);
    expect(kamailio.sipReplies().at(-1)).toMatchObject({ user: '1997', code: 403 });
  });

  it('restarts on the same ports, then stops leaving no process', async () => {
    const firstPid = kamailio.pid();
    await kamailio.restart();
    expect(kamailio.pid()).not.toBe(firstPid);
    expect(
      await alice.register({
        wsUrl: kamailio.wsUrl,
        user: '1997',
        ha1: users['1997'],
        domain: DOMAIN,
      }),
    ).toEqual({ registered: true, code: 200 });
    const pid = kamailio.pid();
    await kamailio.stop();
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
    // Nor any of its workers: the whole process group is gone.
    expect(() => process.kill(-pid, 0)).toThrow(/ESRCH/);
  });
});

/** The bits of the extension API the probe uses (evaluated in the browser; no @types/chrome here). */
interface ProbeGlobal {
  chrome: {
    storage: { local: { set(items: object): Promise<void>; get(key: string): Promise<object> } };
    runtime: { sendMessage(message: unknown): Promise<unknown> };
  };
  started: number;
  login(origin: string): Promise<string>;
}

/** A minimal MV3 extension standing in for the real build, which this spec must not need. */
function writeProbeExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'uct-probe-ext-'));
  const files: Record<string, string> = {
    'manifest.json': JSON.stringify({
      manifest_version: 3,
      name: 'rig probe',
      version: '1.0',
      background: { service_worker: 'sw.js' },
      permissions: ['storage'],
      host_permissions: ['https://*.ucontactcloud.com/*'],
    }),
    'sw.js': `
      self.started = performance.timeOrigin;
      self.login = async (origin) => {
        const body = new URLSearchParams({ agent: 'maria', password: 'pw-maria' });
        return (await fetch(origin + '${LOGIN_PATH}', { method: 'POST', body })).text();
      };
      chrome.runtime.onMessage.addListener((message, sender, reply) => reply('pong'));`,
    'popup.html': '<!doctype html><title>probe popup</title><p>popup</p>',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('Chromium with an extension', () => {
  let server: UContactServer;
  beforeAll(async () => {
    server = await startUContactServer({ agents: [MARIA] });
  });
  afterAll(() => server.close());

  it('loads it, reaches the fake uContact by its production name, survives worker and browser restarts', async () => {
    let ext = await launchBrowserWithExtension({ extensionPath: writeProbeExtension() });
    try {
      expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
      const sw = await ext.serviceWorker();
      const reply = await sw.evaluate(
        (origin) => (self as unknown as ProbeGlobal).login(origin),
        server.origin,
      );
      expect(JSON.parse(reply)).toHaveProperty('name', '1997');
      expect(server.requests.at(-1)?.headers.host).toBe('acme.ucontactcloud.com');
      await sw.evaluate(() =>
        (globalThis as unknown as ProbeGlobal).chrome.storage.local.set({ probe: 42 }),
      );

      const popup = await ext.openPopup();
      expect(await popup.title()).toBe('probe popup');
      expect(existsSync(await screenshot(popup, 'rig probe popup'))).toBe(true);

      const startedAt = (): Promise<number> =>
        ext.serviceWorker().then((w) => w.evaluate(() => (self as unknown as ProbeGlobal).started));
      const firstStart = await startedAt();
      await ext.stopServiceWorkers();
      // A message starts the worker again: a new instance, with a new start time.
      expect(
        await popup.evaluate(() =>
          (globalThis as unknown as ProbeGlobal).chrome.runtime.sendMessage('ping'),
        ),
      ).toBe('pong');
      expect(await startedAt()).toBeGreaterThan(firstStart);

      const { userDataDir, extensionId } = ext;
      ext = await ext.relaunch();
      expect(ext.extensionId).toBe(extensionId);
      expect(ext.userDataDir).toBe(userDataDir);
      const stored = await (
        await ext.serviceWorker()
      ).evaluate(() => (globalThis as unknown as ProbeGlobal).chrome.storage.local.get('probe'));
      expect(stored).toEqual({ probe: 42 });
    } finally {
      await ext.close();
    }
    expect(existsSync(ext.userDataDir)).toBe(false);
  });
});
