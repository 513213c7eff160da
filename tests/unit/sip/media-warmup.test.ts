import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MediaWarmup } from '@/utils/sip/media-warmup';

/** A microphone stream whose tracks say whether they were stopped. */
function fakeStream() {
  const track = { stopped: false, stop: () => (track.stopped = true) };
  return { stream: { getTracks: () => [track] } as unknown as MediaStream, track };
}

function fakePeerConnection() {
  const pc = {
    signalingState: 'stable' as RTCSignalingState,
    close: () => (pc.signalingState = 'closed'),
  };
  return pc as unknown as RTCPeerConnection & { signalingState: RTCSignalingState };
}

const AUDIO: MediaStreamConstraints = { audio: true, video: false };
const HEADSET: MediaStreamConstraints = { audio: { deviceId: { exact: 'headset' } }, video: false };

function rig(idleMs = 10_000) {
  const captured: ReturnType<typeof fakeStream>[] = [];
  const connections: ReturnType<typeof fakePeerConnection>[] = [];
  let failNext = false;
  const warmup = new MediaWarmup({
    capture: async () => {
      if (failNext) {
        failNext = false;
        throw new DOMException('Permission denied', 'NotAllowedError');
      }
      const made = fakeStream();
      captured.push(made);
      return made.stream;
    },
    createPeerConnection: () => {
      const pc = fakePeerConnection();
      connections.push(pc);
      return pc;
    },
    idleMs,
  });
  return { warmup, captured, connections, failNext: () => (failNext = true) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('media prepared on intent', () => {
  it('captures once and makes one pooled peer connection, however often the agent shows intent', async () => {
    const { warmup, captured, connections } = rig();
    warmup.prepare(AUDIO);
    warmup.prepare(AUDIO);
    await vi.advanceTimersByTimeAsync(0);
    expect(captured).toHaveLength(1);
    expect(connections).toHaveLength(1);
    expect(warmup.holding).toBe(true);
  });

  it('releases the microphone and the peer connection after the idle time without a call', async () => {
    const { warmup, captured, connections } = rig(10_000);
    warmup.prepare(AUDIO);
    await vi.advanceTimersByTimeAsync(6_000);
    // More intent restarts the countdown.
    warmup.prepare(AUDIO);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(captured[0]!.track.stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(captured[0]!.track.stopped).toBe(true);
    expect(connections[0]!.signalingState).toBe('closed');
    expect(warmup.holding).toBe(false);
  });

  it('hands both to the call, which then owns them: nothing is stopped when the idle time passes', async () => {
    const { warmup, captured, connections } = rig();
    warmup.prepare(AUDIO);
    expect(warmup.takePeerConnection()?.peerConnection).toBe(connections[0]);
    const stream = await warmup.takeStream(AUDIO);
    expect(stream).toBe(captured[0]!.stream);
    expect(warmup.holding).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(captured[0]!.track.stopped).toBe(false);
    expect(connections[0]!.signalingState).toBe('stable');
    // Taken once: the next call captures its own.
    expect(warmup.takePeerConnection()).toBeUndefined();
    expect(warmup.takeStream(AUDIO)).toBeUndefined();
  });

  it('hands a capture still under way to the call, and never stops it afterwards', async () => {
    const { warmup, captured } = rig();
    warmup.prepare(AUDIO);
    const pending = warmup.takeStream(AUDIO)!;
    await vi.advanceTimersByTimeAsync(20_000);
    await expect(pending).resolves.toBe(captured[0]!.stream);
    expect(captured[0]!.track.stopped).toBe(false);
  });

  it('stops a capture that finishes after its release', async () => {
    const { warmup, captured } = rig();
    warmup.prepare(AUDIO);
    warmup.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(captured[0]!.track.stopped).toBe(true);
  });

  it('gives no stream prepared for another microphone, and prepares again when the choice changed', async () => {
    const { warmup, captured, connections } = rig();
    warmup.prepare(AUDIO);
    await vi.advanceTimersByTimeAsync(0);
    expect(warmup.takeStream(HEADSET)).toBeUndefined();
    warmup.prepare(HEADSET);
    await vi.advanceTimersByTimeAsync(0);
    expect(captured[0]!.track.stopped).toBe(true);
    expect(connections[0]!.signalingState).toBe('closed');
    await expect(warmup.takeStream(HEADSET)).resolves.toBe(captured[1]!.stream);
  });

  it('lets go at once when the microphone is refused, so the call asks again (and says why)', async () => {
    const { warmup, connections, failNext } = rig();
    failNext();
    warmup.prepare(AUDIO);
    await vi.advanceTimersByTimeAsync(0);
    expect(warmup.holding).toBe(false);
    expect(connections[0]!.signalingState).toBe('closed');
    expect(warmup.takeStream(AUDIO)).toBeUndefined();
  });
});
