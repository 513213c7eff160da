import { Web, type Core, type Session, type SessionDescriptionHandlerFactory } from 'sip.js';
import { candidateType, GatheringBound, iceServerKinds } from './ice-gathering';
import type { MediaWarmup, PreparedPeerConnection } from './media-warmup';

export interface WarmMediaOptions {
  warmup: MediaWarmup;
  /** The microphone when nothing is prepared (or it was prepared for another device). */
  capture(constraints: MediaStreamConstraints): Promise<MediaStream>;
  /** The peer connection's configuration (sip.js's defaults with our ICE servers). */
  configuration: RTCConfiguration;
  /** The outer bound on ICE gathering, whatever the candidates (no host candidate at all). */
  iceGatheringTimeout: number;
}

/**
 * sip.js's Web handler with two changes: it takes a peer connection prepared ahead (its candidates
 * pooled) and a microphone captured ahead when the warm-up has them, and it sends the SDP once
 * the useful candidates are in instead of when the browser ends gathering (`GatheringBound`).
 */
class WarmSessionDescriptionHandler extends Web.SessionDescriptionHandler {
  /** Candidate types since the last local description: what the current gathering has found. */
  private phase: Set<string> = new Set();
  private bound: GatheringBound | undefined;
  /** When a prepared peer connection's pool started gathering; undefined for sip.js's own. */
  private readonly gatheringSince: number | undefined;

  constructor(
    logger: Core.Logger,
    mediaStreamFactory: Web.MediaStreamFactory,
    configuration: Web.SessionDescriptionHandlerConfiguration,
    prepared: PreparedPeerConnection | undefined,
  ) {
    // sip.js makes its peer connection in its constructor (`new RTCPeerConnection(…)`, ~5 ms in
    // the phone host) with no way to pass one in: for that one synchronous call, the constructor
    // hands back the prepared one, so sip.js hooks its handlers onto it and none is made for nothing.
    const Native = globalThis.RTCPeerConnection;
    if (prepared) {
      globalThis.RTCPeerConnection = function preparedPeerConnection() {
        return prepared.peerConnection;
      } as unknown as typeof RTCPeerConnection;
    }
    try {
      super(logger, mediaStreamFactory, configuration);
    } finally {
      globalThis.RTCPeerConnection = Native;
    }
    this.gatheringSince = prepared?.gatheringSince;
    this._peerConnection?.addEventListener('icecandidate', (event) => {
      const type = event.candidate?.candidate ? candidateType(event.candidate.candidate) : null;
      if (!type) return;
      this.phase.add(type);
      this.bound?.candidate(type);
    });
  }

  protected override setLocalSessionDescription(
    description: RTCSessionDescriptionInit,
  ): Promise<void> {
    this.phase = new Set();
    return super.setLocalSessionDescription(description);
  }

  protected override waitForIceGatheringComplete(restart = false, timeout = 0): Promise<void> {
    const waiting = super.waitForIceGatheringComplete(restart, timeout);
    const peerConnection = this._peerConnection;
    if (!peerConnection || (!restart && peerConnection.iceGatheringState === 'complete')) {
      return waiting;
    }
    this.bound?.cancel();
    const servers = iceServerKinds(peerConnection.getConfiguration().iceServers);
    const bound = new GatheringBound({ servers }, () => this.iceGatheringComplete());
    this.bound = bound;
    for (const type of this.phase) bound.candidate(type as Parameters<typeof bound.candidate>[0]);
    // Only the first offer uses the pool; a later gathering (ICE restart) starts from now.
    bound.start(restart ? undefined : this.gatheringSince);
    // Settled either way (complete, bounded, superseded or closed): nothing left to watch.
    void waiting.then(
      () => bound.cancel(),
      () => bound.cancel(),
    );
    return waiting;
  }

  override close(): void {
    this.bound?.cancel();
    super.close();
  }
}

/** The phone's handler factory: prepared media when there is some, bounded ICE gathering always. */
export function warmSessionDescriptionHandlerFactory(
  options: WarmMediaOptions,
): SessionDescriptionHandlerFactory {
  return (session: Session) => {
    const logger = session.userAgent.getLogger('sip.SessionDescriptionHandler');
    const mediaStreamFactory: Web.MediaStreamFactory = (constraints) =>
      // sip.js asks for "no media" with neither kind; that needs no capture at all.
      constraints.audio || constraints.video
        ? (options.warmup.takeStream(constraints) ?? options.capture(constraints))
        : Promise.resolve(new MediaStream());
    return new WarmSessionDescriptionHandler(
      logger,
      mediaStreamFactory,
      {
        iceGatheringTimeout: options.iceGatheringTimeout,
        peerConnectionConfiguration: options.configuration,
      },
      options.warmup.takePeerConnection(),
    );
  };
}
