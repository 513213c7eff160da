import { describe, expect, it, vi } from 'vitest';
import { createPhoneHostLink } from '@/utils/background/phone-host-link';
import type { PhoneHostTransport } from '@/utils/background/phone-host-transport';
import type { PhoneConfig, PhoneHostRequestType } from '@/utils/messages';
import { DEFAULT_SETTINGS, phoneSettings } from '@/utils/settings/settings';
import type { PhoneSnapshot } from '@/utils/sip/phone-state';

const CONFIG: PhoneConfig = {
  sessionId: 'session-1',
  account: {
    server: 'wss://pbx.example.com:8089/ws',
    domain: 'pbx.example.com',
    extension: '1997',
    auth: { kind: 'ha1', value: '0'.repeat(32) },
    displayName: 'Ana',
    iceServers: [],
    dtmfMode: 'rfc2833',
    contactName: 'c1',
    instanceId: 'i1',
  },
  settings: phoneSettings(DEFAULT_SETTINGS),
};

const OK = { ok: true as const, value: null };

/** A phone host in memory: it runs a phone once started, forgets it when it "crashes". */
function fakeHost() {
  let sessionId: string | null = null;
  let reachable = true;
  let unregistered = false;
  const sent: PhoneHostRequestType[] = [];
  const snapshot = (): PhoneSnapshot => ({
    sessionId,
    registration: { state: sessionId ? 'registered' : 'unregistered' },
    call: null,
    otherCalls: [],
  });
  const transport: PhoneHostTransport = {
    ensure: vi.fn(async () => {
      const created = !reachable;
      reachable = true;
      return created;
    }),
    request: vi.fn(async (type: PhoneHostRequestType, payload: unknown) => {
      if (!reachable)
        throw new Error('Could not establish connection. Receiving end does not exist.');
      sent.push(type);
      if (type === 'phone.snapshot') return snapshot();
      if (type === 'phone.start') {
        sessionId = (payload as PhoneConfig).sessionId;
        return { ok: true, value: snapshot() };
      }
      if (type === 'phone.stop') {
        sessionId = null;
        return { ok: true, value: snapshot() };
      }
      if (!sessionId)
        return { ok: false, error: { key: 'errorPhoneNotStarted', substitutions: [] } };
      if (unregistered)
        return { ok: false, error: { key: 'errorPhoneNotReady', substitutions: [] } };
      return OK;
    }) as PhoneHostTransport['request'],
  };
  return {
    transport,
    sent,
    /** Chrome closed the offscreen document: nothing answers until it is created again. */
    crash() {
      reachable = false;
      sessionId = null;
    },
    /** The document is back but runs no phone (recreated by someone else). */
    lostPhone() {
      sessionId = null;
    },
    /** The phone runs but is not registered (connecting after a network drop). */
    connecting() {
      unregistered = true;
    },
  };
}

function setup(config: PhoneConfig | null = CONFIG) {
  const host = fakeHost();
  const loadConfig = vi.fn(async () => config);
  const link = createPhoneHostLink({ transport: host.transport, loadConfig });
  return { host, link, loadConfig };
}

describe('phone host link', () => {
  it('starts the phone once and adopts a running one instead of starting it again', async () => {
    const { host, link } = setup();
    await link.ensureRunning();
    await link.ensureRunning();
    expect(host.sent.filter((type) => type === 'phone.start')).toHaveLength(1);
  });

  it('sends call commands straight to a host it knows is running: no storage read per command', async () => {
    const { host, link, loadConfig } = setup();
    await link.ensureRunning();
    loadConfig.mockClear();
    host.sent.length = 0;
    for (let i = 0; i < 3; i++)
      expect(await link.command('call.mute', { muted: true })).toEqual(OK);
    expect(loadConfig).not.toHaveBeenCalled();
    expect(host.sent).toEqual(['call.mute', 'call.mute', 'call.mute']);
  });

  it('brings a vanished host back and sends the command once more', async () => {
    const { host, link } = setup();
    await link.ensureRunning();
    host.crash();
    host.sent.length = 0;
    expect(await link.command('call.hangup', {})).toEqual(OK);
    expect(host.sent).toEqual(['phone.snapshot', 'phone.start', 'call.hangup']);
  });

  it('restarts the phone of a host that answers without one, then sends the command', async () => {
    const { host, link } = setup();
    await link.ensureRunning();
    host.lostPhone();
    host.sent.length = 0;
    expect(await link.command('call.dtmf', { digits: '1' })).toEqual(OK);
    expect(host.sent).toEqual(['call.dtmf', 'phone.snapshot', 'phone.start', 'call.dtmf']);
  });

  it('a phone that is not registered yet is not restarted: its answer goes back as it came', async () => {
    const { host, link, loadConfig } = setup();
    await link.ensureRunning();
    host.connecting();
    loadConfig.mockClear();
    host.sent.length = 0;
    expect(await link.command('phone.dial', { dial: '1997', display: '1997' })).toEqual({
      ok: false,
      error: { key: 'errorPhoneNotReady', substitutions: [] },
    });
    expect(host.sent).toEqual(['phone.dial']);
    expect(loadConfig).not.toHaveBeenCalled();
  });

  it('refuses commands while logged out, and creates no host for them', async () => {
    const { host, link } = setup(null);
    await expect(link.command('call.hangup', {})).rejects.toMatchObject({
      key: 'errorNotLoggedIn',
    });
    expect(host.transport.ensure).not.toHaveBeenCalled();
  });

  it('checks again after a stop: the next command finds the session it belongs to', async () => {
    const { host, link, loadConfig } = setup();
    await link.ensureRunning();
    await link.stop();
    loadConfig.mockResolvedValue(null);
    await expect(link.command('call.mute', { muted: false })).rejects.toMatchObject({
      key: 'errorNotLoggedIn',
    });
    expect(host.sent).not.toContain('call.mute');
  });

  it('passes new settings only to a running phone (a later start carries them in its config)', async () => {
    const { host, link } = setup();
    await link.configure(CONFIG.settings);
    expect(host.sent).not.toContain('phone.configure');
    await link.ensureRunning();
    await link.configure({ ...CONFIG.settings, autoAnswer: false });
    expect(host.sent).toContain('phone.configure');
  });

  it('forwards every call command by its own name, with its payload as it came', async () => {
    const { host, link } = setup();
    await link.ensureRunning();
    const handlers = link.callCommandHandlers();
    const sender = {} as Browser.runtime.MessageSender;
    await handlers['call.hold']({ held: true, callId: 'a' }, sender);
    await handlers['call.transfer']({ target: '1998' }, sender);
    expect(host.transport.request).toHaveBeenCalledWith('call.hold', { held: true, callId: 'a' });
    expect(host.transport.request).toHaveBeenCalledWith('call.transfer', { target: '1998' });
    expect(Object.keys(handlers).sort()).toEqual([
      'call.answer',
      'call.decline',
      'call.dtmf',
      'call.hangup',
      'call.hold',
      'call.mute',
      'call.stats',
      'call.transfer',
    ]);
  });

  it('turns a command that cannot reach the phone into a reply the popup can show', async () => {
    const { link } = setup(null);
    const { 'call.answer': answer } = link.callCommandHandlers();
    const reply = await answer({}, {} as Browser.runtime.MessageSender);
    expect(reply).toEqual({ ok: false, error: { key: 'errorNotLoggedIn', substitutions: [] } });
  });
});
