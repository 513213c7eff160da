import {
  requestPhoneHost,
  type PhoneHostHandlers,
  type PhoneHostRequests,
  type PhoneHostRequestType,
} from '../messages';
import { ensureOffscreenDocument } from './offscreen-document';

/** How the background reaches the phone host, wherever it runs. */
export interface PhoneHostClient {
  /** Makes sure the host exists; true when it had to be created (so its phone is not running). */
  ensure(): Promise<boolean>;
  request<K extends PhoneHostRequestType>(
    type: K,
    payload: PhoneHostRequests[K]['payload'],
  ): Promise<PhoneHostRequests[K]['reply']>;
}

/** Chrome: the host is the offscreen document, reached by runtime messages. */
export function createOffscreenClient(): PhoneHostClient {
  return {
    ensure: ensureOffscreenDocument,
    async request(type, payload) {
      await ensureOffscreenDocument();
      return requestPhoneHost(type, payload);
    },
  };
}

/** Firefox: the host runs in the background page itself. */
export function createLocalClient(host: PhoneHostHandlers): PhoneHostClient {
  return {
    ensure: async () => false,
    request(type, payload) {
      const handler = host[type] as (payload: unknown) => Promise<never>;
      return handler(payload);
    },
  };
}
