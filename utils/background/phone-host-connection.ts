import { onEvent, type EndedCall } from '../messages';
import { createPhoneHost } from '../phone-host/phone-host';
import { createTonePlayer } from '../phone-host/tones';
import type { Settings } from '../settings/settings';
import { microphoneConstraints } from '../sip/microphone-constraints';
import type { PhoneSnapshot } from '../sip/phone-state';
import { createFirefoxMicrophoneTab } from './firefox-microphone-tab';
import { openMicrophoneSetupIfNeeded } from './microphone-setup';
import {
  localTransport,
  offscreenTransport,
  type PhoneHostTransport,
} from './phone-host-transport';

/** The phone host's events; the sender is checked here, the session they belong to by the caller. */
export interface PhoneHostEvents {
  onSnapshot(snapshot: PhoneSnapshot): void;
  onCallEnded(ended: EndedCall): void;
}

export interface PhoneHostConnection {
  transport: PhoneHostTransport;
  /** After login: make sure calls will have a microphone (Chrome asks once in the options page). */
  prepareMicrophone(settings: Settings): Promise<unknown>;
  /** At logout: Firefox closes the microphone tab and its capture. */
  releaseMicrophone(): Promise<void>;
}

/**
 * Where the phone host is, per browser. Chrome: the offscreen document, reached by messages, its
 * events broadcast. Firefox: the background page itself hosts the phone, and its microphone comes
 * from a pinned extension tab (background pages may not capture).
 */
export function connectPhoneHost(
  events: PhoneHostEvents,
  log: (...args: unknown[]) => void,
): PhoneHostConnection {
  if (!import.meta.env.FIREFOX) {
    // Only from the offscreen document (`onEvent` drops what any other sender says).
    onEvent('phone.changed', events.onSnapshot);
    onEvent('phone.callEnded', events.onCallEnded);
    const transport = offscreenTransport();
    return {
      transport,
      prepareMicrophone: () => openMicrophoneSetupIfNeeded(transport),
      releaseMicrophone: async () => undefined,
    };
  }
  const microphoneTab = createFirefoxMicrophoneTab(() => host.microphoneGone(), log);
  const host = createPhoneHost({
    remoteAudio: document.body.appendChild(document.createElement('audio')),
    tones: createTonePlayer(),
    captureMicrophone: microphoneTab.capture,
    onSnapshot: events.onSnapshot,
    onCallEnded: events.onCallEnded,
  });
  return {
    transport: localTransport(host),
    prepareMicrophone: (settings) => microphoneTab.open({ audio: microphoneConstraints(settings) }),
    releaseMicrophone: () => microphoneTab.close(),
  };
}
