import type { SessionDescriptionHandler, UserAgentOptions } from 'sip.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { assertDialString } from '@/utils/sip/sip-target';
import { appErrorOf, createPhoneRig, DOMAIN, settle, startRegistered } from './helpers/phone-rig';
import { headerOf, type SipRequest } from './helpers/sip-message';

// happy-dom has no WebRTC. sip.js asks its session-description-handler factory for the SDP offer,
// so a stub factory lets an INVITE leave without media. Everything else is the real sip.js.
vi.mock('sip.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('sip.js')>();
  const offer = [
    'v=0',
    'o=- 1 1 IN IP4 0.0.0.0',
    's=-',
    't=0 0',
    'm=audio 9 UDP/TLS/RTP/SAVPF 0',
    '',
  ].join('\r\n');
  class StubSessionDescriptionHandler implements SessionDescriptionHandler {
    async getDescription() {
      return { body: offer, contentType: 'application/sdp' };
    }
    hasDescription(contentType: string) {
      return contentType === 'application/sdp';
    }
    async setDescription() {}
    close() {}
    sendDtmf() {
      return true;
    }
  }
  class UserAgent extends actual.UserAgent {
    constructor(options: UserAgentOptions = {}) {
      super({
        ...options,
        sessionDescriptionHandlerFactory: () => new StubSessionDescriptionHandler(),
      });
    }
  }
  return { ...actual, UserAgent };
});

const invites = (requests: SipRequest[]) => requests.filter((r) => r.method === 'INVITE');

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('assertDialString', () => {
  it.each(['+14155550123', '1997', '*97', '#1', '0', '9'.repeat(32)])('accepts %j', (dial) => {
    expect(assertDialString(dial)).toBe(dial);
  });

  it.each([
    '1@evil.com',
    'sip:x',
    '<1>',
    '1;x',
    '1\n2',
    ' 123',
    '123 ',
    '',
    '+',
    '1'.repeat(200),
    '9'.repeat(33),
    '12 34',
    '1,2',
    '1:2',
    '١٢٣',
    '１２３',
    '++1',
    '1+2',
    '1\u00002',
  ])('refuses %j with errorDialInvalid', async (dial) => {
    expect((await appErrorOf(() => assertDialString(dial))).key).toBe('errorDialInvalid');
  });
});

describe('Phone.dial guards', () => {
  it('refuses to dial before registration (errorPhoneNotReady)', async () => {
    const { phone, registrar } = createPhoneRig();

    expect((await appErrorOf(() => phone.dial('1997'))).key).toBe('errorPhoneNotReady');
    registrar.answer({ kind: 'reject', status: 503 });
    await phone.start();
    await settle();
    expect(phone.registrationView.state).toBe('connecting');
    expect((await appErrorOf(() => phone.dial('1997'))).key).toBe('errorPhoneNotReady');
    expect(invites(registrar.requests)).toEqual([]);
  });

  it.each([
    '1@evil.com',
    'sip:x',
    '<1>',
    '1;x',
    '1\n2',
    ' 123',
    '',
    '1'.repeat(200),
    '12 34',
    '١٢٣',
  ])('refuses %j with errorDialInvalid while registered, before any INVITE', async (dial) => {
    const rig = createPhoneRig();
    await startRegistered(rig);

    expect((await appErrorOf(() => rig.phone.dial(dial))).key).toBe('errorDialInvalid');
    await settle();
    expect(invites(rig.registrar.requests)).toEqual([]);
    expect(rig.phone.callView).toBeNull();
  });
});

describe('Phone.dial while registered (SIP signalling only, media stubbed)', () => {
  it('sends an INVITE to sip:<dial>@<domain> and shows ringing on 180', async () => {
    const rig = createPhoneRig();
    await startRegistered(rig);
    rig.registrar.onRequest = (request) => {
      if (request.method === 'INVITE')
        rig.registrar.reply(request, 180, [`Contact: <${request.uri}>`]);
    };

    const call = await rig.phone.dial('+14155550123', 'Ada');
    await settle();

    const [invite] = invites(rig.registrar.requests);
    expect(invite?.uri).toBe(`sip:+14155550123@${DOMAIN}`);
    expect(invite && headerOf(invite, 'To')).toBe(`<sip:+14155550123@${DOMAIN}>`);
    expect(call).toMatchObject({
      direction: 'outgoing',
      number: '+14155550123',
      name: 'Ada',
      state: 'dialing',
    });
    expect(rig.phone.callView?.state).toBe('ringing');
    expect((await appErrorOf(() => rig.phone.dial('1998'))).key).toBe('errorAlreadyInCall');
    expect(invites(rig.registrar.requests)).toHaveLength(1);
  });

  it('a busy callee (486) ends the call as failed with the SIP status, reported once', async () => {
    const rig = createPhoneRig();
    await startRegistered(rig);
    rig.registrar.onRequest = (request) => {
      if (request.method === 'INVITE') rig.registrar.reply(request, 486);
    };

    await rig.phone.dial('1998');
    await settle();

    // sip.js ends the session (Terminated) before it calls the request delegate's onReject, so
    // the phone must not report "not answered" first and correct itself a moment later.
    const busy = { key: 'errorCallRejected', substitutions: ['486 Busy Here'] };
    expect(rig.phone.callView).toMatchObject({ state: 'failed', error: busy });
    expect(rig.calls.filter((c) => c.state === 'failed').map((c) => c.error)).toEqual([busy]);
    // The line is free again.
    rig.registrar.onRequest = undefined;
    await expect(rig.phone.dial('1999')).resolves.toMatchObject({
      number: '1999',
      state: 'dialing',
    });
  });

  it('hangup() while ringing sends CANCEL, ends the call without an error and frees the line', async () => {
    const rig = createPhoneRig();
    await startRegistered(rig);
    let pendingInvite: SipRequest | undefined;
    rig.registrar.onRequest = (request) => {
      if (request.method === 'INVITE') {
        pendingInvite = request;
        rig.registrar.reply(request, 180, [`Contact: <${request.uri}>`]);
      } else if (request.method === 'CANCEL' && pendingInvite) {
        rig.registrar.reply(request, 200);
        rig.registrar.reply(pendingInvite, 487);
      }
    };

    await rig.phone.dial('1998');
    await settle();
    await rig.phone.hangup();
    await settle();

    const cancel = rig.registrar.requests.find((r) => r.method === 'CANCEL');
    expect(cancel?.uri).toBe(`sip:1998@${DOMAIN}`);
    // The agent's own cancel ends the call; it is not reported as a rejection.
    expect(rig.phone.callView?.state).toBe('ended');
    expect(rig.phone.callView?.error).toBeUndefined();
    expect(rig.phone.callView?.endedAt).toBeTypeOf('number');
    rig.registrar.onRequest = undefined;
    await expect(rig.phone.dial('1999')).resolves.toMatchObject({ state: 'dialing' });
  });
});

describe('Phone call controls without a call', () => {
  it('sendDtmf → errorNoCall (and errorDtmfInvalid for junk digits)', async () => {
    const rig = createPhoneRig();
    await startRegistered(rig);
    expect((await appErrorOf(() => rig.phone.sendDtmf('1'))).key).toBe('errorNoCall');
    expect((await appErrorOf(() => rig.phone.sendDtmf('1;x'))).key).toBe('errorDtmfInvalid');
  });

  it('setMuted → errorNoCall', async () => {
    const { phone } = createPhoneRig();
    expect((await appErrorOf(() => phone.setMuted(true))).key).toBe('errorNoCall');
    expect((await appErrorOf(() => phone.setMuted(false))).key).toBe('errorNoCall');
  });

  it.each([true, false])('setHeld(%s) → errorNoCall', async (held) => {
    const { phone } = createPhoneRig();
    expect((await appErrorOf(() => phone.setHeld(held))).key).toBe('errorNoCall');
  });

  it('answer → errorNoCall', async () => {
    const { phone } = createPhoneRig();
    expect((await appErrorOf(() => phone.answer())).key).toBe('errorNoCall');
  });

  it.each([486, 603] as const)('decline(%s) → errorNoCall', async (status) => {
    const { phone } = createPhoneRig();
    expect((await appErrorOf(() => phone.decline(status))).key).toBe('errorNoCall');
  });

  it('hangup is a no-op that sends nothing', async () => {
    const rig = createPhoneRig();
    await startRegistered(rig);
    const sent = rig.registrar.requests.length;

    await expect(rig.phone.hangup()).resolves.toBeUndefined();
    await settle();

    expect(rig.registrar.requests).toHaveLength(sent);
    expect(rig.phone.callView).toBeNull();
    expect(rig.calls).toEqual([]);
  });

  it('stats → null', async () => {
    const { phone } = createPhoneRig();
    await expect(phone.stats()).resolves.toBeNull();
  });
});
