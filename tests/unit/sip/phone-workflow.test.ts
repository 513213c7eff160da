import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCallRig, startCallRig, type CallRig } from './helpers/call-rig';
import { advance, appErrorOf, DOMAIN, settle } from './helpers/phone-rig';
import { headerIn, type PbxCall, type RingOptions } from './helpers/scripted-pbx';
import { headerOf } from './helpers/sip-message';
import { StubSessionDescriptionHandler } from './helpers/stub-media';

// Real sip.js on both ends of a fake socket; only the media (WebRTC) is stubbed.
vi.mock('sip.js', async (importOriginal) => {
  const { withStubMedia } = await import('./helpers/stub-media');
  return withStubMedia(await importOriginal<typeof import('sip.js')>());
});

/** uContact waits this long before auto-answering (utils/sip/phone.ts AUTO_ANSWER_DELAY_MS). */
const AUTO_ANSWER_DELAY_MS = 400;
const AUTO_ANSWER = 'P-Auto-Answer: normal';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** The PBX offers a call and the phone shows it; returns the PBX's side and the phone's id. */
async function ringIn(rig: CallRig, options: RingOptions = {}) {
  const known = new Set([rig.phone.callView, ...rig.phone.otherCallViews].map((c) => c?.id));
  const pbxCall = rig.pbx.ring(options);
  await settle();
  const view = [rig.phone.callView, ...rig.phone.otherCallViews].find(
    (call) => call && !known.has(call.id),
  );
  return { pbxCall, id: view?.id ?? '' };
}

/** An incoming call the agent answered, established (the PBX ACKed the 200). */
async function establishedCall(rig: CallRig, options: RingOptions = {}) {
  const call = await ringIn(rig, options);
  await rig.phone.answer(call.id);
  await settle();
  expect(rig.phone.callView).toMatchObject({ id: call.id, state: 'established' });
  return call;
}

/** The phone's final answers to a call's INVITE (sip.js sends 100 and 180 on its own first). */
function finalStatuses(rig: CallRig, call: PbxCall): number[] {
  return rig.pbx.statusesIn(call).filter((status) => status >= 200);
}

function endedIds(rig: CallRig): string[] {
  return rig.ended.map((call) => call.id);
}

describe('auto-answer (uContact two-step click-to-call)', () => {
  it.each([
    ['P-Auto-Answer: normal'],
    ['Call-Info: <sip:pbx.test>;answer-after=0'],
    ['Alert-Info: <http://pbx.test/>;info=alert-autoanswer'],
    ['Alert-Info: <urn:alert:service:auto-answer>'],
  ])('%s: the phone answers after ~400 ms without a click', async (header) => {
    const rig = await startCallRig({ autoAnswer: true });

    const { pbxCall, id } = await ringIn(rig, { headers: [header] });

    expect(rig.phone.callView).toMatchObject({ id, state: 'ringing', autoAnswer: true });
    expect(rig.pbx.statusesIn(pbxCall)).toEqual([100, 180]);
    await advance(AUTO_ANSWER_DELAY_MS - 1);
    expect(rig.pbx.statusesIn(pbxCall)).toEqual([100, 180]);

    await advance(1);

    expect(rig.pbx.statusesIn(pbxCall)).toEqual([100, 180, 200]);
    const [ok] = rig.pbx.responsesIn(pbxCall).filter((r) => r.status === 200);
    expect(ok && headerIn(ok, 'Content-Type')).toBe('application/sdp');
    expect(rig.phone.callView).toMatchObject({ id, state: 'established', autoAnswer: true });
    expect(rig.phone.callView?.connectedAt).toBeTypeOf('number');
  });

  it.each([
    ['autoAnswer: false', { autoAnswer: false }],
    ['autoAnswer not set', {}],
  ])('with %s, a call asking for auto-answer rings', async (_label, options) => {
    const rig = await startCallRig(options);

    const { pbxCall, id } = await ringIn(rig, { headers: [AUTO_ANSWER] });
    await advance(5_000);

    expect(rig.phone.callView).toMatchObject({ id, state: 'ringing', autoAnswer: false });
    expect(rig.pbx.statusesIn(pbxCall)).toEqual([100, 180]);
  });

  it.each([
    ['no header', []],
    ['P-Auto-Answer: abnormal', ['P-Auto-Answer: abnormal']],
    ['Call-Info with answer-after=5', ['Call-Info: <sip:pbx.test>;answer-after=5']],
    ['Alert-Info for a ring tone', ['Alert-Info: <http://pbx.test/ring.wav>']],
  ])('a call with %s rings even with autoAnswer on', async (_label, headers) => {
    const rig = await startCallRig({ autoAnswer: true });

    const { pbxCall } = await ringIn(rig, { headers });
    await advance(5_000);

    expect(rig.phone.callView).toMatchObject({ state: 'ringing', autoAnswer: false });
    expect(rig.pbx.statusesIn(pbxCall)).toEqual([100, 180]);
  });

  it('setAutoAnswer() applies to the next call', async () => {
    const rig = await startCallRig({ autoAnswer: true });
    rig.phone.setAutoAnswer(false);

    const first = await ringIn(rig, { headers: [AUTO_ANSWER] });
    await advance(1_000);
    expect(rig.pbx.statusesIn(first.pbxCall)).toEqual([100, 180]);
    await rig.phone.decline(486, first.id);
    await settle();

    rig.phone.setAutoAnswer(true);
    const second = await ringIn(rig, { headers: [AUTO_ANSWER] });
    await advance(AUTO_ANSWER_DELAY_MS);
    expect(rig.pbx.statusesIn(second.pbxCall)).toEqual([100, 180, 200]);
  });

  it('while another call is live, a call asking for auto-answer rings instead', async () => {
    const rig = await startCallRig({ autoAnswer: true });
    const first = await establishedCall(rig);

    const second = await ringIn(rig, { headers: [AUTO_ANSWER], number: '1998' });
    await advance(5_000);

    expect(rig.phone.otherCallViews).toEqual([
      expect.objectContaining({ id: second.id, state: 'ringing', autoAnswer: false }),
    ]);
    expect(rig.pbx.statusesIn(second.pbxCall)).toEqual([100, 180]);
    expect(rig.phone.callView).toMatchObject({ id: first.id, state: 'established', held: false });
    expect(rig.pbx.requestsIn(first.pbxCall, 'INVITE')).toEqual([]);
  });

  it('a caller who hangs up within the 400 ms is not answered, and is reported once', async () => {
    const rig = await startCallRig({ autoAnswer: true });
    const { pbxCall, id } = await ringIn(rig, { headers: [AUTO_ANSWER] });

    rig.pbx.cancel(pbxCall);
    await advance(AUTO_ANSWER_DELAY_MS * 2);

    expect(rig.pbx.statusesIn(pbxCall)).toEqual([100, 180, 487]);
    expect(rig.phone.callView).toMatchObject({ id, state: 'failed' });
    expect(endedIds(rig)).toEqual([id]);
  });
});

describe('incoming call, one at a time', () => {
  it('answer() sends 200 OK with SDP; the call is established', async () => {
    const rig = await startCallRig();
    const { pbxCall, id } = await ringIn(rig, { number: '+59824001234', name: 'Grace' });

    expect(rig.phone.callView).toMatchObject({
      id,
      direction: 'incoming',
      number: '+59824001234',
      name: 'Grace',
      state: 'ringing',
    });
    await rig.phone.answer();
    await settle();

    expect(rig.pbx.statusesIn(pbxCall)).toEqual([100, 180, 200]);
    expect(rig.phone.callView).toMatchObject({ id, state: 'established' });
    expect(rig.ended).toEqual([]);
  });

  it.each([486, 603] as const)('decline(%s) answers the INVITE with that status', async (code) => {
    const rig = await startCallRig();
    const { pbxCall, id } = await ringIn(rig);

    await rig.phone.decline(code);
    await settle();

    expect(rig.pbx.statusesIn(pbxCall)).toEqual([100, 180, code]);
    expect(rig.phone.callView).toMatchObject({ id, state: 'ended', declined: true });
    expect(rig.phone.callView?.error).toBeUndefined();
    expect(endedIds(rig)).toEqual([id]);
  });

  it('a caller hanging up an answered call ends it, reported once', async () => {
    const rig = await startCallRig();
    const { pbxCall, id } = await establishedCall(rig);

    rig.pbx.hangUp(pbxCall);
    await settle();

    expect(rig.pbx.statusesIn(pbxCall, 'BYE')).toEqual([200]);
    expect(rig.phone.callView).toMatchObject({ id, state: 'ended' });
    expect(rig.ended).toEqual([expect.objectContaining({ id, state: 'ended' })]);
    await advance(60_000);
    expect(endedIds(rig)).toEqual([id]);
  });

  it('hangup() of an answered call sends BYE, reported once', async () => {
    const rig = await startCallRig();
    const { pbxCall, id } = await establishedCall(rig);

    await rig.phone.hangup();
    await settle();

    expect(rig.pbx.requestsIn(pbxCall, 'BYE')).toHaveLength(1);
    expect(rig.phone.callView).toMatchObject({ id, state: 'ended' });
    expect(endedIds(rig)).toEqual([id]);
  });
});

describe("the caller's name and number are data", () => {
  it.each([
    [
      'escaped quotes, a backslash and a bidi override in the display name',
      { number: '2000', name: 'Ada \\"Boss\\" \\\\ \u202Egpj.exe' },
      { number: '2000', name: 'Ada Boss gpj.exe' },
    ],
    [
      'CR/LF, NUL and a quote hex-escaped into the user part',
      { number: '2000%0D%0AX-Evil:%201%00%22', name: '' },
      { number: '2000 X-Evil: 1', name: '' },
    ],
    [
      'bidi isolates and zero-width characters around the number',
      { number: '%E2%81%A6%E2%80%8B%2B59824001234%E2%81%A9', name: 'Grace' },
      { number: '+59824001234', name: 'Grace' },
    ],
  ])('%s: the call shows them cleaned', async (_label, ring, shown) => {
    const rig = await startCallRig();

    await ringIn(rig, ring);

    expect(rig.phone.callView).toMatchObject({ direction: 'incoming', ...shown });
  });

  it('an over-long display name and number are bounded', async () => {
    const rig = await startCallRig();

    await ringIn(rig, { number: '5'.repeat(300), name: 'N'.repeat(500) });

    expect(rig.phone.callView?.name).toHaveLength(64);
    expect(rig.phone.callView?.number).toHaveLength(32);
  });

  it('accents, CJK and emoji in the display name survive untouched', async () => {
    const rig = await startCallRig();

    await ringIn(rig, { number: '2000', name: 'María Gómez 王小明 👋🏽' });

    expect(rig.phone.callView?.name).toBe('María Gómez 王小明 👋🏽');
  });

  it("the agent's full name reaches the From header without quotes, line breaks or overrides", async () => {
    const rig = await startCallRig({ displayName: 'Ada "x"\r\nVia: evil\u202E' });
    rig.pbx.onRequest = undefined;

    await rig.phone.dial('1998');
    await settle();

    const invite = rig.pbx.requests.find((request) => request.method === 'INVITE');
    expect(invite && headerOf(invite, 'From')).toMatch(
      /^"Ada x Via: evil" <sip:1997@pbx\.test>;tag=/,
    );
  });

  it('the number a page showed, as the name of an outgoing call, is cleaned too', async () => {
    const rig = await startCallRig();
    rig.pbx.onRequest = undefined;

    const call = await rig.phone.dial('+14155550123', '\u202E(415) 555-0123\r\n');

    expect(call.name).toBe('(415) 555-0123');
  });
});

describe('call waiting', () => {
  it('a second call while one is established is kept ringing, not rejected', async () => {
    const rig = await startCallRig();
    const first = await establishedCall(rig);

    const second = await ringIn(rig, { number: '1998', name: '' });

    expect(rig.pbx.statusesIn(second.pbxCall)).toEqual([100, 180]);
    expect(rig.phone.callView).toMatchObject({ id: first.id, state: 'established' });
    expect(rig.phone.otherCallViews).toEqual([
      expect.objectContaining({ id: second.id, number: '1998', state: 'ringing' }),
    ]);
    expect(rig.ended).toEqual([]);
  });

  it('a third call is rejected 486 Busy Here and never shown', async () => {
    const rig = await startCallRig();
    const first = await establishedCall(rig);
    const second = await ringIn(rig, { number: '1998' });
    const changes = rig.changes.length;

    const third = rig.pbx.ring({ number: '1999' });
    await settle();

    expect(finalStatuses(rig, third)).toEqual([486]);
    expect(rig.phone.callView?.id).toBe(first.id);
    expect(rig.phone.otherCallViews.map((c) => c.id)).toEqual([second.id]);
    expect(rig.changes).toHaveLength(changes);
    expect(rig.ended).toEqual([]);
  });

  it('a third call is rejected 486 while one call is held and one established', async () => {
    const rig = await startCallRig();
    await establishedCall(rig);
    const second = await ringIn(rig, { number: '1998' });
    await rig.phone.answer(second.id);
    await settle();

    const third = rig.pbx.ring({ number: '1999' });
    await settle();

    expect(finalStatuses(rig, third)).toEqual([486]);
  });

  it('a second call while the first still rings is rejected 486', async () => {
    const rig = await startCallRig();
    const first = await ringIn(rig);

    const second = rig.pbx.ring({ number: '1998' });
    await settle();

    expect(finalStatuses(rig, second)).toEqual([486]);
    expect(rig.phone.callView?.id).toBe(first.id);
    expect(rig.phone.otherCallViews).toEqual([]);
  });

  it('answer(second) holds the first by re-INVITE (sendonly), then answers the second', async () => {
    const rig = await startCallRig();
    const first = await establishedCall(rig);
    const second = await ringIn(rig, { number: '1998' });
    const getDescription = vi.spyOn(StubSessionDescriptionHandler.prototype, 'getDescription');

    await rig.phone.answer(second.id);
    await settle();

    const [reinvite, ...more] = rig.pbx.requestsIn(first.pbxCall, 'INVITE');
    expect(more).toEqual([]);
    // The phone asked its media layer for a hold offer, and that offer went out.
    expect(getDescription.mock.calls[0]?.[0]).toMatchObject({ hold: true });
    expect(reinvite?.body).toMatch(/^a=(sendonly|inactive)\r?$/m);
    expect(reinvite?.body).not.toMatch(/^a=sendrecv/m);
    // In the first call's dialog.
    expect(reinvite && headerOf(reinvite, 'To')).toMatch(/;tag=pbx-tag-1/);
    expect(rig.pbx.statusesIn(second.pbxCall)).toEqual([100, 180, 200]);
    // The second is in front; the first waits on hold.
    expect(rig.phone.callView).toMatchObject({ id: second.id, state: 'established' });
    expect(rig.phone.otherCallViews).toEqual([
      expect.objectContaining({ id: first.id, state: 'held', held: true }),
    ]);
    expect(rig.ended).toEqual([]);
  });

  it('the re-INVITE to hold goes out before the 200 OK that answers the second call', async () => {
    const rig = await startCallRig();
    const first = await establishedCall(rig);
    const second = await ringIn(rig, { number: '1998' });
    rig.pbx.reinviteAnswer = 'hold'; // the PBX sits on the re-INVITE for now
    const answering = rig.phone.answer(second.id);
    await settle();

    const [reinvite] = rig.pbx.requestsIn(first.pbxCall, 'INVITE');
    expect(reinvite).toBeDefined();
    expect(rig.pbx.statusesIn(second.pbxCall)).toEqual([100, 180]);
    expect(rig.phone.otherCallViews.map((c) => c.state)).toEqual(['ringing']);

    rig.pbx.answerHeld(reinvite!, 200);
    await settle();
    await answering;

    expect(rig.pbx.statusesIn(second.pbxCall)).toEqual([100, 180, 200]);
    expect(rig.phone.callView).toMatchObject({ id: second.id, state: 'established' });
  });

  it('when the first cannot be held (488), the second keeps ringing and the first stays in front', async () => {
    const rig = await startCallRig();
    const first = await establishedCall(rig);
    const second = await ringIn(rig, { number: '1998' });
    rig.pbx.reinviteAnswer = 488;

    const error = await appErrorOf(() => rig.phone.answer(second.id));
    await settle();

    expect(error.key).toBe('errorHoldFailed');
    expect(rig.pbx.statusesIn(second.pbxCall)).toEqual([100, 180]);
    expect(rig.phone.callView).toMatchObject({ id: first.id, state: 'established', held: false });
    expect(rig.phone.otherCallViews).toEqual([
      expect.objectContaining({ id: second.id, state: 'ringing' }),
    ]);
  });

  it('when the call in front ends, the held one comes to the front', async () => {
    const rig = await startCallRig();
    const first = await establishedCall(rig);
    const second = await ringIn(rig, { number: '1998' });
    await rig.phone.answer(second.id);
    await settle();

    rig.pbx.hangUp(second.pbxCall);
    await settle();

    expect(rig.phone.callView).toMatchObject({ id: first.id, state: 'held', held: true });
    expect(rig.phone.otherCallViews).toEqual([]);
    expect(rig.ended).toEqual([expect.objectContaining({ id: second.id, state: 'ended' })]);

    // The agent resumes it: a re-INVITE back to sendrecv.
    await rig.phone.setHeld(false);
    await settle();
    const [, resume] = rig.pbx.requestsIn(first.pbxCall, 'INVITE');
    expect(resume?.body).toMatch(/^a=sendrecv\r?$/m);
    expect(rig.phone.callView).toMatchObject({ id: first.id, state: 'established', held: false });
  });

  it('when the agent hangs up the call in front, the held one comes to the front', async () => {
    const rig = await startCallRig();
    const first = await establishedCall(rig);
    const second = await ringIn(rig, { number: '1998' });
    await rig.phone.answer(second.id);
    await settle();

    await rig.phone.hangup();
    await settle();

    expect(rig.pbx.requestsIn(second.pbxCall, 'BYE')).toHaveLength(1);
    expect(rig.pbx.requestsIn(first.pbxCall, 'BYE')).toEqual([]);
    expect(rig.phone.callView).toMatchObject({ id: first.id, state: 'held' });
    expect(endedIds(rig)).toEqual([second.id]);
  });

  it('when the established call ends while a second rings, the ringing one comes to the front', async () => {
    const rig = await startCallRig();
    const first = await establishedCall(rig);
    const second = await ringIn(rig, { number: '1998' });

    rig.pbx.hangUp(first.pbxCall);
    await settle();

    expect(rig.phone.callView).toMatchObject({ id: second.id, state: 'ringing' });
    expect(rig.phone.otherCallViews).toEqual([]);
    expect(endedIds(rig)).toEqual([first.id]);
    await rig.phone.answer();
    await settle();
    expect(rig.pbx.statusesIn(second.pbxCall)).toEqual([100, 180, 200]);
    // Nothing to hold: the first call is gone.
    expect(rig.pbx.requestsIn(first.pbxCall, 'INVITE')).toEqual([]);
  });

  it('when the waiting call rings out, the first call is unaffected', async () => {
    const rig = await startCallRig();
    const first = await establishedCall(rig);
    const second = await ringIn(rig, { number: '1998' });

    rig.pbx.cancel(second.pbxCall);
    await settle();

    expect(rig.phone.callView).toMatchObject({ id: first.id, state: 'established' });
    expect(rig.phone.otherCallViews).toEqual([]);
    expect(rig.ended).toEqual([expect.objectContaining({ id: second.id, state: 'failed' })]);
  });

  it('decline(603, second) answers it 603 Decline and leaves the first call alone', async () => {
    const rig = await startCallRig();
    const first = await establishedCall(rig);
    const second = await ringIn(rig, { number: '1998' });

    await rig.phone.decline(603, second.id);
    await settle();

    expect(rig.pbx.statusesIn(second.pbxCall)).toEqual([100, 180, 603]);
    expect(rig.pbx.requestsIn(first.pbxCall)).toEqual([]);
    expect(rig.phone.callView).toMatchObject({ id: first.id, state: 'established', held: false });
    expect(rig.phone.otherCallViews).toEqual([]);
    expect(rig.ended).toEqual([
      expect.objectContaining({ id: second.id, state: 'ended', declined: true }),
    ]);
  });

  it('decline() without an id declines the waiting call, not the established one', async () => {
    const rig = await startCallRig();
    const first = await establishedCall(rig);
    const second = await ringIn(rig, { number: '1998' });

    await rig.phone.decline();
    await settle();

    expect(rig.pbx.statusesIn(second.pbxCall)).toEqual([100, 180, 486]);
    expect(rig.phone.callView?.id).toBe(first.id);
  });

  it('onCallEnded is called once per call through a whole call-waiting session', async () => {
    const rig = await startCallRig();
    const first = await establishedCall(rig);
    const second = await ringIn(rig, { number: '1998' });
    await rig.phone.answer(second.id);
    await settle();
    rig.pbx.hangUp(second.pbxCall);
    await settle();
    await rig.phone.setHeld(false);
    await settle();
    const third = await ringIn(rig, { number: '1999' });
    await rig.phone.decline(603, third.id);
    await settle();
    rig.pbx.hangUp(first.pbxCall);
    await advance(60_000);

    expect(endedIds(rig)).toEqual([second.id, third.id, first.id]);
    expect(rig.phone.callView).toMatchObject({ id: first.id, state: 'ended' });
    expect(rig.phone.otherCallViews).toEqual([]);
  });

  it('stop() with a held and an active call ends both, each reported once', async () => {
    const rig = await startCallRig();
    const first = await establishedCall(rig);
    const second = await ringIn(rig, { number: '1998' });
    await rig.phone.answer(second.id);
    await settle();

    await rig.phone.stop();
    await advance(5_000);

    expect(rig.pbx.requestsIn(first.pbxCall, 'BYE')).toHaveLength(1);
    expect(rig.pbx.requestsIn(second.pbxCall, 'BYE')).toHaveLength(1);
    expect(endedIds(rig).sort()).toEqual([first.id, second.id].sort());
  });
});

describe('blind transfer', () => {
  it("'refer' sends REFER to sip:<target>@<domain>, and BYE only after 202", async () => {
    const rig = await startCallRig();
    const { pbxCall, id } = await establishedCall(rig);
    rig.pbx.referAnswer = 'hold';

    const transferring = rig.phone.transfer('1998', 'refer');
    await settle();

    const [refer, ...more] = rig.pbx.requestsIn(pbxCall, 'REFER');
    expect(more).toEqual([]);
    expect(refer && headerOf(refer, 'Refer-To')).toMatch(
      new RegExp(`^<?sip:1998@${DOMAIN.replace('.', '\\.')}>?$`),
    );
    expect(rig.pbx.requestsIn(pbxCall, 'BYE')).toEqual([]);
    expect(rig.phone.callView).toMatchObject({ id, state: 'established' });

    rig.pbx.answerHeld(refer!, 202);
    await transferring;
    await settle();

    expect(rig.pbx.requestsIn(pbxCall, 'BYE')).toHaveLength(1);
    expect(rig.phone.callView).toMatchObject({ id, state: 'ended', transferredTo: '1998' });
    expect(rig.ended).toEqual([expect.objectContaining({ id, transferredTo: '1998' })]);
  });

  it("'refer' to an E.164 number keeps the plus", async () => {
    const rig = await startCallRig();
    const { pbxCall } = await establishedCall(rig);

    await rig.phone.transfer('+14155550199', 'refer');
    await settle();

    const [refer] = rig.pbx.requestsIn(pbxCall, 'REFER');
    expect(refer && headerOf(refer, 'Refer-To')).toContain(`sip:+14155550199@${DOMAIN}`);
  });

  it('a refused REFER fails with errorTransferFailed and keeps the call (no BYE)', async () => {
    const rig = await startCallRig();
    const { pbxCall, id } = await establishedCall(rig);
    rig.pbx.referAnswer = 403;

    const error = await appErrorOf(() => rig.phone.transfer('1998', 'refer'));
    await settle();

    expect(error).toMatchObject({ key: 'errorTransferFailed', substitutions: ['403 Forbidden'] });
    expect(rig.pbx.requestsIn(pbxCall, 'BYE')).toEqual([]);
    expect(rig.phone.callView).toMatchObject({ id, state: 'established' });
    expect(rig.phone.callView?.transferredTo).toBeUndefined();
    expect(rig.ended).toEqual([]);
  });

  it("'dtmf' keys ##<target> as RFC 2833 tones; the PBX ends the leg itself", async () => {
    const rig = await startCallRig();
    const { pbxCall, id } = await establishedCall(rig);
    const sendDtmf = vi.spyOn(StubSessionDescriptionHandler.prototype, 'sendDtmf');

    await rig.phone.transfer('1998', 'dtmf');
    await settle();

    expect(sendDtmf).toHaveBeenCalledOnce();
    expect(sendDtmf.mock.calls[0]?.[0]).toBe('##1998');
    expect(rig.pbx.requestsIn(pbxCall, 'REFER')).toEqual([]);
    expect(rig.pbx.requestsIn(pbxCall, 'BYE')).toEqual([]);
    expect(rig.phone.callView).toMatchObject({ id, transferredTo: '1998', state: 'established' });

    rig.pbx.hangUp(pbxCall);
    await settle();
    expect(rig.ended).toEqual([expect.objectContaining({ id, transferredTo: '1998' })]);
  });

  it("'dtmf' with dtmfMode 'info' sends one SIP INFO per symbol: #, #, 1, 9, 9, 8", async () => {
    const rig = await startCallRig({ dtmfMode: 'info' });
    const { pbxCall } = await establishedCall(rig);
    const sendDtmf = vi.spyOn(StubSessionDescriptionHandler.prototype, 'sendDtmf');

    await rig.phone.transfer('1998', 'dtmf');
    await settle();

    const infos = rig.pbx.requestsIn(pbxCall, 'INFO');
    expect(infos.map((info) => info.body)).toEqual(
      ['#', '#', '1', '9', '9', '8'].map((digit) => `Signal=${digit}\r\nDuration=160`),
    );
    expect(infos.map((info) => headerOf(info, 'Content-Type'))).toEqual(
      Array(6).fill('application/dtmf-relay'),
    );
    expect(sendDtmf).not.toHaveBeenCalled();
    expect(rig.phone.callView?.transferredTo).toBe('1998');
  });

  it.each([
    ['1998@evil.example'],
    ['sip:1998'],
    ['1998;transport=tcp'],
    ['19 98'],
    [''],
    ['<1998>'],
    ['1'.repeat(33)],
  ])('%j is refused with errorDialInvalid in both modes, sending nothing', async (target) => {
    const rig = await startCallRig({ dtmfMode: 'info' });
    const { id } = await establishedCall(rig);
    const sent = rig.pbx.requests.length;
    const sendDtmf = vi.spyOn(StubSessionDescriptionHandler.prototype, 'sendDtmf');

    for (const mode of ['refer', 'dtmf'] as const) {
      expect((await appErrorOf(() => rig.phone.transfer(target, mode))).key).toBe(
        'errorDialInvalid',
      );
    }
    await settle();

    expect(rig.pbx.requests).toHaveLength(sent);
    expect(sendDtmf).not.toHaveBeenCalled();
    expect(rig.phone.callView).toMatchObject({ id, state: 'established' });
    expect(rig.phone.callView?.transferredTo).toBeUndefined();
  });

  it.each(['refer', 'dtmf'] as const)(
    "'%s' with no call in front fails with errorNoCall",
    async (mode) => {
      const rig = createCallRig();
      expect((await appErrorOf(() => rig.phone.transfer('1998', mode))).key).toBe('errorNoCall');
    },
  );

  it("'refer' of a call still ringing fails with errorNoCall and sends nothing", async () => {
    const rig = await startCallRig();
    const { pbxCall } = await ringIn(rig);

    expect((await appErrorOf(() => rig.phone.transfer('1998', 'refer'))).key).toBe('errorNoCall');
    await settle();

    expect(rig.pbx.requestsIn(pbxCall)).toEqual([]);
  });
});

describe('an outgoing call whose microphone is refused', () => {
  it('fails with the microphone message (not "not answered"), once, and frees the line', async () => {
    const rig = await startCallRig();
    const refused = vi
      .spyOn(StubSessionDescriptionHandler.prototype, 'getDescription')
      .mockRejectedValueOnce(
        Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' }),
      );
    const call = await rig.phone.dial('+14155550123');
    await settle();
    await advance(10);
    expect(refused).toHaveBeenCalled();
    expect(rig.phone.callView).toMatchObject({
      id: call.id,
      state: 'failed',
      error: { key: 'errorMicrophone', substitutions: [] },
    });
    expect(rig.ended.filter((ended) => ended.id === call.id)).toHaveLength(1);
    expect(rig.pbx.requests.some((request) => request.method === 'INVITE')).toBe(false);
    await expect(rig.phone.dial('+14155550199')).resolves.toMatchObject({ state: 'dialing' });
  });
});

describe('a campaign call: uContact rings the agent first (Agents/AgentCall)', () => {
  const LEG = {
    id: 'req-1',
    campaign: 'Ventas->',
    number: '+14155550123',
    display: '(415) 555-0123',
  };

  it.each([
    ['auto-answer off', { autoAnswer: false }],
    ['auto-answer on', { autoAnswer: true }],
  ])(
    'with %s, the expected first leg is answered at once and shown as the outgoing call',
    async (_label, options) => {
      const rig = await startCallRig(options);
      rig.phone.expectCampaignLeg(LEG);

      const { pbxCall, id } = await ringIn(rig, {
        number: '8000',
        name: 'Ventas',
        headers: [AUTO_ANSWER],
      });

      expect(rig.pbx.statusesIn(pbxCall)).toEqual([100, 180, 200]);
      expect(rig.phone.callView).toMatchObject({
        id,
        direction: 'outgoing',
        number: '+14155550123',
        name: '(415) 555-0123',
        state: 'established',
        campaign: LEG,
      });
    },
  );

  it('only the first leg: the next call asking for auto-answer follows the setting again', async () => {
    const rig = await startCallRig({ autoAnswer: false });
    rig.phone.expectCampaignLeg(LEG);
    const first = await ringIn(rig, { headers: [AUTO_ANSWER] });
    await rig.phone.hangup(first.id);
    await settle();

    const { pbxCall } = await ringIn(rig, { headers: [AUTO_ANSWER] });
    await advance(5_000);

    expect(rig.pbx.statusesIn(pbxCall)).toEqual([100, 180]);
    expect(rig.phone.callView).toMatchObject({ direction: 'incoming', state: 'ringing' });
    expect(rig.phone.callView?.campaign).toBeUndefined();
  });

  it('a call without the auto-answer header is not taken for the first leg', async () => {
    const rig = await startCallRig({ autoAnswer: false });
    rig.phone.expectCampaignLeg(LEG);

    const { pbxCall } = await ringIn(rig, { number: '5551234' });
    await advance(5_000);

    expect(rig.pbx.statusesIn(pbxCall)).toEqual([100, 180]);
    expect(rig.phone.callView).toMatchObject({ direction: 'incoming', number: '5551234' });
  });

  it('expectCampaignLeg(null) withdraws it: a late first leg rings like any other call', async () => {
    const rig = await startCallRig({ autoAnswer: false });
    rig.phone.expectCampaignLeg(LEG);
    rig.phone.expectCampaignLeg(null);

    const { pbxCall } = await ringIn(rig, { headers: [AUTO_ANSWER] });
    await advance(5_000);

    expect(rig.pbx.statusesIn(pbxCall)).toEqual([100, 180]);
    expect(rig.phone.callView).toMatchObject({ direction: 'incoming', state: 'ringing' });
  });

  it('the first leg hung up by the far end ends the campaign call, reported once with its leg', async () => {
    const rig = await startCallRig({ autoAnswer: false });
    rig.phone.expectCampaignLeg(LEG);
    const { pbxCall, id } = await ringIn(rig, { headers: [AUTO_ANSWER] });

    rig.pbx.hangUp(pbxCall);
    await settle();

    expect(endedIds(rig)).toEqual([id]);
    expect(rig.ended[0]).toMatchObject({ direction: 'outgoing', state: 'ended', campaign: LEG });
  });
});
