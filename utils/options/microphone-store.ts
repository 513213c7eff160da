import { createSignal, onCleanup } from 'solid-js';

/** `once`: allowed for this page only (Firefox without "Remember this decision"). */
export type MicrophoneState = PermissionState | 'once' | 'unsupported' | 'unavailable';

/** Shows the browser's prompt; the stream is closed at once, only the grant matters. */
export async function askMicrophoneOnce(): Promise<void> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  stream.getTracks().forEach((track) => track.stop());
}

/**
 * Microphone permission for the extension's origin. Asked for here, in a tab, because the
 * offscreen document and the popup cannot show the browser's prompt; the grant then applies to
 * every extension page, the phone host included.
 *
 * @param request What "Allow microphone" does: by default a capture closed at once; Firefox's
 *   microphone page keeps its capture instead.
 */
export function createMicrophoneStore(request: () => Promise<void> = askMicrophoneOnce) {
  const [state, setState] = createSignal<MicrophoneState>('prompt');
  const [devices, setDevices] = createSignal<MediaDeviceInfo[]>([]);
  const [asking, setAsking] = createSignal(false);

  async function refreshDevices(): Promise<void> {
    const all = await navigator.mediaDevices?.enumerateDevices().catch(() => []);
    setDevices(all ?? []);
  }

  void (async () => {
    try {
      const status = await navigator.permissions.query({ name: 'microphone' as PermissionName });
      setState(status.state);
      status.addEventListener('change', () => {
        setState(status.state);
        void refreshDevices();
      });
    } catch {
      setState('unsupported');
    }
    await refreshDevices();
  })();
  const onDeviceChange = () => void refreshDevices();
  navigator.mediaDevices?.addEventListener('devicechange', onDeviceChange);
  onCleanup(() => navigator.mediaDevices?.removeEventListener('devicechange', onDeviceChange));

  async function ask(): Promise<void> {
    setAsking(true);
    try {
      await request();
      // Firefox's one-shot grant leaves the permission at `prompt`: it held for this page only,
      // never for the phone host.
      const status = await navigator.permissions
        .query({ name: 'microphone' as PermissionName })
        .catch(() => null);
      setState(status?.state === 'prompt' ? 'once' : 'granted');
    } catch (error) {
      const name = (error as DOMException | undefined)?.name;
      setState(name === 'NotFoundError' ? 'unavailable' : 'denied');
    } finally {
      setAsking(false);
      await refreshDevices();
    }
  }

  return { state, devices, asking, ask };
}

export type MicrophoneStore = ReturnType<typeof createMicrophoneStore>;
