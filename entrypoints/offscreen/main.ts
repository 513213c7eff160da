import { broadcast, handlePhoneHostRequests } from '@/utils/messages';
import { createPhoneHost } from '@/utils/phone-host/phone-host';
import { createTonePlayer } from '@/utils/phone-host/tones';

// Chrome's phone host: the one place with WebRTC that outlives popups, tabs and the service worker.
const host = createPhoneHost({
  remoteAudio: document.getElementById('remote-audio') as HTMLAudioElement,
  tones: createTonePlayer(),
  onSnapshot: (snapshot) => broadcast('phone.changed', snapshot),
  onCallEnded: (call) => broadcast('phone.callEnded', call),
});
handlePhoneHostRequests(host);
