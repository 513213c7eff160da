import type {
  SessionDescriptionHandler,
  SessionDescriptionHandlerOptions,
  UserAgentOptions,
} from 'sip.js';

/** A minimal audio SDP; `direction` is what hold changes (RFC 3264 §8.4). */
export function stubSdp(direction: 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive'): string {
  return [
    'v=0',
    'o=- 1 1 IN IP4 0.0.0.0',
    's=-',
    't=0 0',
    'c=IN IP4 0.0.0.0',
    'm=audio 9 UDP/TLS/RTP/SAVPF 0',
    'a=rtpmap:0 PCMU/8000',
    `a=${direction}`,
    '',
  ].join('\r\n');
}

/**
 * happy-dom has no WebRTC. sip.js asks its session-description handler for every offer and answer,
 * so this stub lets calls be placed, answered, held and transferred on the wire without media.
 * Like sip.js's Web handler, `{ hold: true }` in the options makes the offer `sendonly`.
 */
export class StubSessionDescriptionHandler implements SessionDescriptionHandler {
  /** Remote descriptions received, in order. */
  readonly remote: string[] = [];

  async getDescription(options?: SessionDescriptionHandlerOptions) {
    const hold = (options as { hold?: boolean } | undefined)?.hold === true;
    return { body: stubSdp(hold ? 'sendonly' : 'sendrecv'), contentType: 'application/sdp' };
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  async setDescription(sdp: string): Promise<void> {
    this.remote.push(sdp);
  }

  close(): void {}

  /** RFC 2833 DTMF "sent"; spy on the prototype to see the tones. */
  sendDtmf(_tones: string, _options?: unknown): boolean {
    return true;
  }
}

/**
 * sip.js with the stub handler: use as
 * `vi.mock('sip.js', async (original) => (await import('./helpers/stub-media')).withStubMedia(await original()))`.
 */
export function withStubMedia<T extends typeof import('sip.js')>(actual: T): T {
  class UserAgent extends actual.UserAgent {
    constructor(options: UserAgentOptions = {}) {
      super({
        ...options,
        sessionDescriptionHandlerFactory: () => new StubSessionDescriptionHandler(),
      });
    }
  }
  return { ...actual, UserAgent };
}
