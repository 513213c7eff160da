import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EndedCall, PhoneConfig } from '@/utils/messages';
import { createPhoneHost } from '@/utils/phone-host/phone-host';
import type { Tone, TonePlayer } from '@/utils/phone-host/tones';
import { DEFAULT_SETTINGS, phoneSettings, type PhoneSettings } from '@/utils/settings/settings';
import type { PhoneSnapshot } from '@/utils/sip/phone-state';
import { advance, EXTENSION, HA1, REALM, rigPhoneOptions, settle } from '../sip/helpers/phone-rig';
import { ScriptedPbx, type RingOptions } from '../sip/helpers/scripted-pbx';

// Real sip.js against the scripted PBX; only the media (WebRTC) is stubbed.
vi.mock('sip.js', async (importOriginal) => {
  const { withStubMedia } = await import('../sip/helpers/stub-media');
  return withStubMedia(await importOriginal<typeof import('sip.js')>());
});

const AUTO_ANSWER = 'P-Auto-Answer: normal';
/** utils/sip/phone.ts AUTO_ANSWER_DELAY_MS */
const AUTO_ANSWER_DELAY_MS = 400;

/** Records what the host asks of its speaker: looping tones and one-shot beeps. */
function fakeTones() {
  const log: string[] = [];
  let playing: Tone | null = null;
  const tones: TonePlayer = {
    get playing() {
      return playing;
    },
    play(tone) {
      if (playing !== tone) log.push(`play ${tone}`);
      playing = tone;
    },
    once(tone) {
      log.push(`once ${tone}`);
    },
    stop() {
      if (playing) log.push('stop');
      playing = null;
    },
  };
  return { tones, log, beeps: () => log.filter((entry) => entry.startsWith('once')) };
}

async function startHost(settings: Partial<PhoneSettings> = {}, sessionId = 'session-1') {
  const pbx = new ScriptedPbx({ realm: REALM, username: EXTENSION, ha1: HA1 });
  const { tones, log, beeps } = fakeTones();
  const snapshots: PhoneSnapshot[] = [];
  const ended: EndedCall[] = [];
  const host = createPhoneHost({
    remoteAudio: document.createElement('audio'),
    tones,
    onSnapshot: (snapshot) => snapshots.push(snapshot),
    onCallEnded: (call) => ended.push(call),
  });
  const config = (id: string): PhoneConfig => ({
    sessionId: id,
    account: rigPhoneOptions(pbx.Transport, []),
    settings: { ...phoneSettings(DEFAULT_SETTINGS), ...settings },
  });
  expect(await host['phone.start'](config(sessionId))).toMatchObject({ ok: true });
  await settle();
  expect(host.snapshot().registration.state).toBe('registered');
  const ring = async (options: RingOptions = {}) => {
    const pbxCall = pbx.ring(options);
    await settle();
    return pbxCall;
  };
  return { host, pbx, log, beeps, snapshots, ended, ring, config };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('phone host: a call answered without a click is never silent', () => {
  it.each([
    ['sounds on', { soundsMuted: false }],
    ['sounds muted', { soundsMuted: true }],
  ])('with %s, an auto-answered call beeps once, instead of ringing', async (_label, sounds) => {
    const rig = await startHost({ autoAnswer: true, ...sounds });

    await rig.ring({ headers: [AUTO_ANSWER] });
    await advance(AUTO_ANSWER_DELAY_MS);

    expect(rig.host.snapshot().call).toMatchObject({ state: 'established', autoAnswer: true });
    expect(rig.beeps()).toEqual(['once autoAnswer']);
    expect(rig.log).not.toContain('play ringtone');
  });

  it.each([
    ['sounds on', { soundsMuted: false }],
    ['sounds muted', { soundsMuted: true }],
  ])("with %s, uContact's campaign first leg beeps once too", async (_label, sounds) => {
    const rig = await startHost({ autoAnswer: false, ...sounds });
    await rig.host['phone.expectCampaignLeg']({
      id: 'r1',
      campaign: 'Ventas->',
      number: '+14155550123',
      display: '(415) 555-0123',
    });

    await rig.ring({ number: '8000', headers: [AUTO_ANSWER] });
    await settle();

    expect(rig.host.snapshot().call).toMatchObject({
      direction: 'outgoing',
      state: 'established',
      autoAnswer: true,
    });
    expect(rig.beeps()).toEqual(['once autoAnswer']);
  });

  it('a call that rings for a click does not beep: it rings (unless sounds are muted)', async () => {
    const rig = await startHost({ autoAnswer: false });

    await rig.ring({ headers: [AUTO_ANSWER] });

    expect(rig.host.snapshot().call).toMatchObject({ state: 'ringing', autoAnswer: false });
    expect(rig.log).toEqual(['play ringtone']);

    const muted = await startHost({ soundsMuted: true });
    await muted.ring();
    expect(muted.log).toEqual([]);
  });

  it('one beep per call, not one per change of it (hold, settings, hang-up)', async () => {
    const rig = await startHost({ autoAnswer: true });
    await rig.ring({ headers: [AUTO_ANSWER] });
    await advance(AUTO_ANSWER_DELAY_MS);

    await rig.host['call.hold']({ held: true });
    await rig.host['phone.configure']({ ...phoneSettings(DEFAULT_SETTINGS), soundsMuted: true });
    await rig.host['call.hangup']({});
    await settle();

    expect(rig.beeps()).toEqual(['once autoAnswer']);

    // The next auto-answered call has its own.
    await rig.ring({ headers: [AUTO_ANSWER] });
    expect(rig.beeps()).toEqual(['once autoAnswer', 'once autoAnswer']);
  });
});

describe("phone host: every ended call says which login's phone it was on", () => {
  it('phone.callEnded carries the session id the phone was started with', async () => {
    const rig = await startHost({}, 'session-1');
    await rig.ring();
    await rig.host['call.decline']({});
    await settle();

    expect(rig.ended).toEqual([
      { sessionId: 'session-1', call: expect.objectContaining({ declined: true }) },
    ]);
  });

  it('a call the old phone ends while a new login starts is reported with the old session id', async () => {
    const rig = await startHost({ autoAnswer: true }, 'session-1');
    await rig.ring({ headers: [AUTO_ANSWER] });
    await advance(AUTO_ANSWER_DELAY_MS);

    // A new login replaces the phone: the old one hangs up its call while it stops.
    await rig.host['phone.start'](rig.config('session-2'));
    await settle();

    expect(rig.ended.map(({ sessionId }) => sessionId)).toEqual(['session-1']);
    expect(rig.host.snapshot().sessionId).toBe('session-2');
  });
});
