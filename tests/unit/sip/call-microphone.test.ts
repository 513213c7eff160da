import { describe, expect, it, vi } from 'vitest';
import type { Session } from 'sip.js';
import { Call, type CallContext } from '@/utils/sip/call';

/**
 * Microphone tracks of a live call, on a fake peer connection (happy-dom has no WebRTC) that
 * behaves like the spec's for the parts used: removeTrack empties the sender at once and turns the
 * transceiver to recvonly; replaceTrack swaps the sender's track.
 */
function fakeTrack(id: string) {
  return { id, kind: 'audio', enabled: true, stop: vi.fn() } as unknown as MediaStreamTrack & {
    stop: ReturnType<typeof vi.fn>;
  };
}

function fakeCall(initialTrack: MediaStreamTrack, captured: MediaStreamTrack) {
  const sender = {
    track: initialTrack as MediaStreamTrack | null,
    replaceTrack: vi.fn(async (track: MediaStreamTrack | null) => {
      sender.track = track;
    }),
  };
  const transceiver = {
    sender,
    receiver: { track: { kind: 'audio' } },
    direction: 'sendrecv' as RTCRtpTransceiverDirection,
  };
  const peerConnection = {
    getTransceivers: () => [transceiver],
    getSenders: () => [sender],
    removeTrack: vi.fn((removed: typeof sender) => {
      removed.track = null;
      transceiver.direction = 'recvonly';
    }),
  };
  const local = new Set<MediaStreamTrack>([initialTrack]);
  const localMediaStream = {
    addTrack: (track: MediaStreamTrack) => local.add(track),
    removeTrack: (track: MediaStreamTrack) => local.delete(track),
  };
  const session = {
    stateChange: { addListener: () => undefined },
    sessionDescriptionHandler: { peerConnection, localMediaStream },
  } as unknown as Session;
  const context: CallContext = {
    domain: 'acme.ucontactcloud.com',
    dtmfMode: 'rfc2833',
    mediaConstraints: () => ({ audio: true, video: false }),
    captureMicrophone: vi.fn(async () => ({ getAudioTracks: () => [captured] }) as MediaStream),
    log: () => undefined,
    onChange: () => undefined,
  };
  const call = new Call(
    session,
    { id: 'c1', direction: 'outgoing', number: '+59829012345', name: '' },
    context,
  );
  return { call, sender, transceiver, peerConnection, local, context };
}

describe('a call’s microphone track', () => {
  it('is dropped at once when its source goes away, keeping the negotiated direction', () => {
    const original = fakeTrack('page-1');
    const { call, sender, transceiver, local } = fakeCall(original, fakeTrack('page-2'));
    call.detachMicrophone();
    expect(sender.track).toBeNull();
    // Otherwise sip.js would offer recvonly at the next hold or resume: one-way audio.
    expect(transceiver.direction).toBe('sendrecv');
    expect(local.has(original)).toBe(false);
    // Its objects are dead by now: nothing may touch them.
    expect(original.stop).not.toHaveBeenCalled();
  });

  it('comes back on the same sender, with no renegotiation', async () => {
    const replacement = fakeTrack('page-2');
    const { call, sender, local, context } = fakeCall(fakeTrack('page-1'), replacement);
    call.detachMicrophone();
    await call.replaceMicrophone(true);
    expect(context.captureMicrophone).toHaveBeenCalledWith({ audio: true, video: false });
    expect(sender.track).toBe(replacement);
    expect(local.has(replacement)).toBe(true);
  });

  it('is swapped for another device, and the old one is released', async () => {
    const original = fakeTrack('default');
    const headset = fakeTrack('headset');
    const { call, sender, local } = fakeCall(original, headset);
    await call.replaceMicrophone({ deviceId: { exact: 'headset' } });
    expect(sender.track).toBe(headset);
    expect(original.stop).toHaveBeenCalled();
    expect([...local]).toEqual([headset]);
  });

  it('stays muted when replaced during a muted call', async () => {
    const replacement = fakeTrack('page-2');
    const { call } = fakeCall(fakeTrack('page-1'), replacement);
    call.setMuted(true);
    await call.replaceMicrophone(true);
    expect(replacement.enabled).toBe(false);
  });
});
