import { findMicrophoneRegistry, type MicrophoneSource } from '../microphone-registry';

/** How often the page looks whether calls still hold clones (to say "in a call"). */
const IN_USE_POLL_MS = 1_000;

export interface MicrophonePageConnection {
  /** The background page took this page as its microphone. */
  connected: boolean;
  /** The page holds a capture, so calls can start without bringing it to the front. */
  prepared: boolean;
  /** A call is using the microphone. */
  inUse: boolean;
}

/**
 * The microphone page's side (Firefox): checks in with the background page as its microphone and
 * keeps one capture, muted, for the session. Calls get clones of it; Firefox lets a page clone
 * from the background, while a new capture waits until the tab is in front.
 */
export interface MicrophonePageHandle {
  /** Captures (again) for what the phone last asked: the page's "Allow microphone". */
  prepare(): Promise<void>;
  disconnect(): void;
}

/** Undefined when there is no phone to serve (the page opened by hand, say). */
export async function connectMicrophonePage(
  onChange: (connection: MicrophonePageConnection) => void,
): Promise<MicrophonePageHandle | undefined> {
  const registry = findMicrophoneRegistry(await browser.runtime.getBackgroundPage());
  const tab = await browser.tabs.getCurrent();
  if (!registry || tab?.id === undefined) {
    onChange({ connected: false, prepared: false, inUse: false });
    return undefined;
  }
  /** What the phone last asked for (its device choice). */
  let wanted: MediaStreamConstraints = { audio: true, video: false };

  let kept: { key: string; track: MediaStreamTrack } | undefined;
  let preparing: { key: string; done: Promise<MediaStreamTrack> } | undefined;
  const clones = new Set<MediaStreamTrack>();
  let poll: ReturnType<typeof setInterval> | undefined;

  const report = () => {
    // Calls stop their clones from the background page, which fires no event here.
    for (const clone of clones) if (clone.readyState === 'ended') clones.delete(clone);
    if (clones.size === 0 && poll !== undefined) {
      clearInterval(poll);
      poll = undefined;
    }
    onChange({
      connected: true,
      prepared: kept?.track.readyState === 'live',
      inUse: clones.size > 0,
    });
  };

  const isPrepared = (constraints: MediaStreamConstraints) =>
    kept?.key === JSON.stringify(constraints.audio ?? true) && kept.track.readyState === 'live';

  async function prepare(constraints: MediaStreamConstraints): Promise<MediaStreamTrack> {
    wanted = constraints;
    const key = JSON.stringify(constraints.audio ?? true);
    if (kept && isPrepared(constraints)) return kept.track;
    if (preparing?.key !== key) {
      const done = navigator.mediaDevices
        .getUserMedia({ audio: constraints.audio ?? true, video: false })
        .then((stream) => {
          const [track] = stream.getAudioTracks();
          if (!track) throw new DOMException('No audio track', 'NotFoundError');
          // Kept muted: only the clones calls get carry sound.
          track.enabled = false;
          kept?.track.stop();
          kept = { key, track };
          report();
          return track;
        })
        .finally(() => {
          if (preparing?.done === done) preparing = undefined;
        });
      preparing = { key, done };
    }
    return preparing.done;
  }

  const source: MicrophoneSource = {
    tabId: tab.id,
    isPrepared,
    async prepare(constraints) {
      await prepare(constraints);
    },
    async capture(constraints) {
      const clone = (await prepare(constraints)).clone();
      clone.enabled = true;
      clones.add(clone);
      poll ??= setInterval(report, IN_USE_POLL_MS);
      report();
      return new MediaStream([clone]);
    },
  };

  registry.register(source);
  const leave = () => registry.unregister(source);
  addEventListener('pagehide', leave);
  report();
  return {
    async prepare() {
      await prepare(wanted);
    },
    disconnect() {
      removeEventListener('pagehide', leave);
      if (poll !== undefined) clearInterval(poll);
      leave();
    },
  };
}
