/**
 * Firefox only: the contract between the background page (which hosts the phone) and the
 * microphone page in its pinned tab (`microphone.html`). They share one process, so the page finds
 * the registry on the background window (`runtime.getBackgroundPage()`) and calls it directly: a
 * media track cannot cross runtime messaging.
 */

export const MICROPHONE_PAGE_PATH = '/microphone.html';

/** What the microphone page offers the background page (same process, called directly). */
export interface MicrophoneSource {
  /** The tab the page lives in. */
  readonly tabId: number;
  /**
   * True when the page holds a capture for these constraints: a clone needs no focus and no
   * prompt (a one-shot grant included). Otherwise the tab must be in front.
   */
  isPrepared(constraints: MediaStreamConstraints): boolean;
  /** Captures for these constraints and keeps it (waits until the tab is in front). */
  prepare(constraints: MediaStreamConstraints): Promise<void>;
  /** A stream for one call: a clone of the kept capture (prepared first if need be). */
  capture(constraints: MediaStreamConstraints): Promise<MediaStream>;
}

export interface MicrophoneRegistry {
  register(source: MicrophoneSource): void;
  /** Called by the page as it goes away, while its objects are still alive. */
  unregister(source: MicrophoneSource): void;
}

/** The background window's property the page finds the registry under. */
const REGISTRY_KEY = 'ucontactMicrophoneRegistry';

export function exposeMicrophoneRegistry(target: object, registry: MicrophoneRegistry): void {
  Object.defineProperty(target, REGISTRY_KEY, { value: registry, configurable: true });
}

export function findMicrophoneRegistry(
  background: object | null | undefined,
): MicrophoneRegistry | undefined {
  return (background as Record<string, MicrophoneRegistry | undefined> | null | undefined)?.[
    REGISTRY_KEY
  ];
}
