import { describe, expect, it } from 'vitest';
import {
  candidateType,
  GatheringBound,
  iceServerKinds,
  SETTLE_MS,
  STUN_WAIT_MS,
  TURN_WAIT_MS,
  type GatheringClock,
} from '@/utils/sip/ice-gathering';

/** A clock the test moves by hand. */
function manualClock() {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: GatheringClock & { advance(ms: number): void } = {
    now: () => now,
    setTimeout(run, ms) {
      const id = next++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout(id) {
      timers.delete(id as number);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= end)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = end;
    },
  };
  return clock;
}

function watch(servers: { stun: boolean; turn: boolean }) {
  const clock = manualClock();
  let readyAt: number | null = null;
  const bound = new GatheringBound(
    { servers },
    () => {
      expect(readyAt).toBeNull();
      readyAt = clock.now();
    },
    clock,
  );
  return { clock, bound, readyAt: () => readyAt };
}

describe('ICE gathering bound (the INVITE waits only for useful candidates)', () => {
  it('with no ICE servers, leaves once the host candidates are in and quiet', () => {
    const { clock, bound, readyAt } = watch({ stun: false, turn: false });
    bound.start();
    clock.advance(2);
    bound.candidate('host');
    clock.advance(3);
    bound.candidate('host');
    clock.advance(SETTLE_MS - 1);
    expect(readyAt()).toBeNull();
    clock.advance(1);
    expect(readyAt()).toBe(5 + SETTLE_MS);
  });

  it('with candidates pooled ahead (already in at the offer), leaves after the quiet period', () => {
    const { clock, bound, readyAt } = watch({ stun: true, turn: false });
    bound.candidate('host');
    bound.candidate('srflx');
    bound.start();
    clock.advance(SETTLE_MS);
    expect(readyAt()).toBe(SETTLE_MS);
  });

  it('with a STUN server that answers, waits for its server-reflexive candidate', () => {
    const { clock, bound, readyAt } = watch({ stun: true, turn: false });
    bound.start();
    bound.candidate('host');
    clock.advance(60);
    expect(readyAt()).toBeNull();
    bound.candidate('srflx');
    clock.advance(SETTLE_MS);
    expect(readyAt()).toBe(60 + SETTLE_MS);
  });

  it('with a STUN server that never answers (UDP blocked), leaves with the host candidates in time', () => {
    const { clock, bound, readyAt } = watch({ stun: true, turn: false });
    bound.start();
    clock.advance(1);
    bound.candidate('host');
    clock.advance(5_000);
    expect(readyAt()).toBe(STUN_WAIT_MS);
    expect(STUN_WAIT_MS).toBeLessThan(300);
  });

  it('with a pooled peer connection, counts the STUN wait from when its pool started gathering', () => {
    const { clock, bound, readyAt } = watch({ stun: true, turn: false });
    clock.advance(1_000);
    // Made 300 ms before the offer; its host candidates are in, the STUN server never answered.
    bound.candidate('host');
    bound.start(700);
    clock.advance(0);
    expect(readyAt()).toBe(1_000);
  });

  it('with TURN, waits for a relay candidate (the only path through such a firewall), not forever', () => {
    const answered = watch({ stun: false, turn: true });
    answered.bound.start();
    answered.bound.candidate('host');
    answered.bound.candidate('srflx');
    answered.clock.advance(STUN_WAIT_MS + 50);
    expect(answered.readyAt()).toBeNull();
    answered.bound.candidate('relay');
    answered.clock.advance(SETTLE_MS);
    expect(answered.readyAt()).toBe(STUN_WAIT_MS + 50 + SETTLE_MS);

    const silent = watch({ stun: false, turn: true });
    silent.bound.start();
    silent.bound.candidate('host');
    silent.clock.advance(10_000);
    expect(silent.readyAt()).toBe(TURN_WAIT_MS);
  });

  it('waits for the browser while there is no host candidate at all, and stops when told', () => {
    const none = watch({ stun: false, turn: false });
    none.bound.start();
    none.clock.advance(10_000);
    expect(none.readyAt()).toBeNull();
    none.bound.complete();
    expect(none.readyAt()).toBe(10_000);

    const cancelled = watch({ stun: false, turn: false });
    cancelled.bound.start();
    cancelled.bound.candidate('host');
    cancelled.bound.cancel();
    cancelled.clock.advance(1_000);
    cancelled.bound.complete();
    expect(cancelled.readyAt()).toBeNull();
  });

  it('reads candidate types and what the configured servers are', () => {
    expect(
      candidateType('candidate:1 1 udp 2122260223 192.168.1.2 54321 typ host generation 0'),
    ).toBe('host');
    expect(
      candidateType(
        'candidate:2 1 udp 1686052607 203.0.113.7 3478 typ srflx raddr 0.0.0.0 rport 0',
      ),
    ).toBe('srflx');
    expect(candidateType('candidate:3 1 udp 41885439 198.51.100.1 3478 typ relay')).toBe('relay');
    expect(candidateType('')).toBeNull();
    expect(iceServerKinds([{ urls: 'stun:stun.ucontactcloud.com' }])).toEqual({
      stun: true,
      turn: false,
    });
    expect(iceServerKinds([{ urls: ['turns:turn.example.com:443', 'stun:x'] }])).toEqual({
      stun: true,
      turn: true,
    });
    expect(iceServerKinds([])).toEqual({ stun: false, turn: false });
    expect(iceServerKinds(undefined)).toEqual({ stun: false, turn: false });
  });
});
