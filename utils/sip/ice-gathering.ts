/**
 * When an offer (or answer) has the candidates worth waiting for. Browsers end ICE gathering only
 * after every phase has run or timed out: Chromium's last (TCP) phase comes ~100 ms after the
 * host candidates, and a STUN server that never answers (UDP blocked by a corporate firewall)
 * holds it for seconds. Neither adds a candidate a WebRTC media server can use sooner, so the
 * SIP message leaves as soon as the useful ones are in.
 */
export interface IceGatheringPolicy {
  /** Servers the peer connection asks (stun:/turn:/turns: URLs), which say what can still come. */
  servers: { stun: boolean; turn: boolean };
}

/** Candidates of one kind come in a burst (one per interface): a short quiet ends the burst. */
export const SETTLE_MS = 10;
/** How long a STUN server may take to answer once host candidates are in (loopback ~1 ms, WAN ~50–150 ms). */
export const STUN_WAIT_MS = 200;
/** TURN gives the only path through a firewall that blocks UDP: worth waiting for, but not forever. */
export const TURN_WAIT_MS = 1_000;

export type CandidateType = 'host' | 'srflx' | 'prflx' | 'relay';

export interface GatheringClock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const realClock: GatheringClock = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => performance.now(),
};

/** What the ICE servers of a configuration are: STUN, TURN, both or neither. */
export function iceServerKinds(iceServers: readonly RTCIceServer[] | undefined): {
  stun: boolean;
  turn: boolean;
} {
  const urls = (iceServers ?? []).flatMap((server) =>
    Array.isArray(server.urls) ? server.urls : [server.urls],
  );
  return {
    stun: urls.some((url) => /^stuns?:/i.test(url)),
    // A TURN server answers STUN binding requests too: it gives server-reflexive candidates.
    turn: urls.some((url) => /^turns?:/i.test(url)),
  };
}

/**
 * Watches one gathering phase and calls `ready` once: when the candidates the policy wants are in
 * and have been quiet for `SETTLE_MS`, when a wait for a server runs out with at least a host
 * candidate in hand, or when the browser says gathering is complete.
 */
export class GatheringBound {
  private readonly seen = new Set<CandidateType>();
  /** When `start` was called; null before. */
  private started: number | null = null;
  private settleTimer: unknown;
  private deadlineTimer: unknown;
  private done = false;

  constructor(
    private readonly policy: IceGatheringPolicy,
    private readonly ready: () => void,
    private readonly clock: GatheringClock = realClock,
  ) {}

  /**
   * The local description is set: gathering for it runs from now, or from `since` for a pooled
   * peer connection, whose servers were asked when it was made. Candidates may already be in.
   */
  start(since?: number): void {
    if (this.done) return;
    this.started = Math.min(since ?? Infinity, this.clock.now());
    this.check();
  }

  candidate(type: CandidateType): void {
    if (this.done) return;
    this.seen.add(type);
    if (this.started !== null) this.check();
  }

  /** The browser finished gathering (or the peer connection closed). */
  complete(): void {
    this.finish();
  }

  /** Stops watching without calling `ready` (the session went away). */
  cancel(): void {
    this.done = true;
    this.clearTimers();
  }

  private check(): void {
    if (this.started === null || !this.seen.has('host')) return;
    const { stun, turn } = this.policy.servers;
    const wanted =
      (!turn || this.seen.has('relay')) &&
      (!(stun || turn) || this.seen.has('srflx') || this.seen.has('relay'));
    // Every new candidate restarts the quiet period: the rest of its burst comes with it.
    this.clock.clearTimeout(this.settleTimer);
    if (wanted) {
      this.settleTimer = this.clock.setTimeout(() => this.finish(), SETTLE_MS);
      return;
    }
    if (this.deadlineTimer === undefined) {
      const wait = turn ? TURN_WAIT_MS : STUN_WAIT_MS;
      const left = Math.max(0, this.started + wait - this.clock.now());
      this.deadlineTimer = this.clock.setTimeout(() => this.finish(), left);
    }
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.clearTimers();
    this.ready();
  }

  private clearTimers(): void {
    this.clock.clearTimeout(this.settleTimer);
    this.clock.clearTimeout(this.deadlineTimer);
  }
}

/** The candidate type in an `icecandidate` event's candidate line (`… typ host …`). */
export function candidateType(candidate: string): CandidateType | null {
  const type = / typ (host|srflx|prflx|relay)(?: |$)/.exec(candidate)?.[1];
  return (type as CandidateType | undefined) ?? null;
}
