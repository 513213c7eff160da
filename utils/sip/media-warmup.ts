/**
 * Media made ready before the agent dials: the microphone captured and a peer connection whose
 * candidate pool is already gathered, so a click's INVITE waits for neither. Prepared only on the
 * agent's intent (pointer on a call button, the dial pad, a ringing call) and dropped after
 * `idleMs` without a call, so the microphone is not held open (nor its indicator lit) all shift.
 */
export interface MediaWarmupOptions {
  /** Captures the microphone as a call would (same constraints, same source). */
  capture(constraints: MediaStreamConstraints): Promise<MediaStream>;
  /**
   * A new peer connection with `iceCandidatePoolSize`, so it gathers before any offer exists;
   * undefined where there is no WebRTC.
   */
  createPeerConnection(): RTCPeerConnection | undefined;
  /** How long prepared media waits for a call before it is released. */
  idleMs: number;
  log?: (message: string) => void;
}

/** Long enough to move from a call button to the click, short enough to be no open microphone. */
export const WARM_IDLE_MS = 10_000;

interface Prepared {
  constraintsKey: string;
  stream: Promise<MediaStream>;
  /** Set once capture succeeded: stopped on release unless a call took it. */
  captured?: MediaStream;
  /** Undefined once a call took it. */
  peerConnection: RTCPeerConnection | undefined;
  /** When it was made (`performance.now()`): its candidate pool has been gathering since. */
  madeAt: number;
}

/** A prepared peer connection, and since when its candidate pool has been gathering. */
export interface PreparedPeerConnection {
  peerConnection: RTCPeerConnection;
  gatheringSince: number;
}

export class MediaWarmup {
  private prepared: Prepared | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Streams a call took: theirs to stop, even when capture finishes after the hand-over. */
  private readonly taken = new WeakSet<Prepared>();

  constructor(private readonly options: MediaWarmupOptions) {}

  /** Whether a microphone track or a peer connection is being held for a call that may come. */
  get holding(): boolean {
    return this.prepared !== undefined;
  }

  /** Prepares media for `constraints` (again if they changed) and restarts the idle countdown. */
  prepare(constraints: MediaStreamConstraints): void {
    const constraintsKey = JSON.stringify(constraints);
    if (this.prepared && this.prepared.constraintsKey !== constraintsKey) this.release();
    if (!this.prepared) {
      const prepared: Prepared = {
        constraintsKey,
        stream: captureSafely(() => this.options.capture(constraints)),
        peerConnection: this.options.createPeerConnection(),
        madeAt: performance.now(),
      };
      this.prepared = prepared;
      prepared.stream.then(
        (stream) => {
          if (this.prepared === prepared) prepared.captured = stream;
          // Released while capturing: a stream nobody holds must not stay live.
          else if (!this.taken.has(prepared)) stopTracks(stream);
        },
        (error: unknown) => {
          this.options.log?.(`microphone not prepared: ${String(error)}`);
          if (this.prepared === prepared) this.release();
        },
      );
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.release(), this.options.idleMs);
  }

  /** The prepared peer connection, its candidates pooled; ownership passes to the call. */
  takePeerConnection(): PreparedPeerConnection | undefined {
    const peerConnection = this.prepared?.peerConnection;
    if (!this.prepared || !peerConnection) return undefined;
    this.prepared.peerConnection = undefined;
    // The stream stays prepared until the call asks for it (sip.js does right after).
    if (peerConnection.signalingState === 'closed') return undefined;
    return { peerConnection, gatheringSince: this.prepared.madeAt };
  }

  /**
   * The prepared microphone for a call asking for `constraints`: ownership passes to the call
   * (which stops it when it ends). Undefined when nothing is prepared for those constraints.
   */
  takeStream(constraints: MediaStreamConstraints): Promise<MediaStream> | undefined {
    const prepared = this.prepared;
    if (!prepared || prepared.constraintsKey !== JSON.stringify(constraints)) return undefined;
    this.taken.add(prepared);
    prepared.captured = undefined;
    this.release();
    return prepared.stream;
  }

  /** Drops whatever is prepared: the microphone track stops, the peer connection closes. */
  release(): void {
    const prepared = this.prepared;
    this.prepared = undefined;
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (!prepared) return;
    if (prepared.captured) stopTracks(prepared.captured);
    prepared.peerConnection?.close();
  }
}

/** A capture that throws at once (no media devices) fails like one that rejects. */
function captureSafely(capture: () => Promise<MediaStream>): Promise<MediaStream> {
  try {
    return capture();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
