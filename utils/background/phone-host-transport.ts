import {
  requestPhoneHost,
  type PhoneHostHandlers,
  type PhoneHostRequests,
  type PhoneHostRequestType,
} from '../messages';
import { ensureOffscreenDocument } from './offscreen-document';

/** How the background reaches the phone host, wherever it runs. */
export interface PhoneHostTransport {
  /** Makes sure the host exists; true when it had to be created (so its phone is not running). */
  ensure(): Promise<boolean>;
  /** Sends one request; rejects (or resolves undefined) when no host answered. */
  request<K extends PhoneHostRequestType>(
    type: K,
    payload: PhoneHostRequests[K]['payload'],
  ): Promise<PhoneHostRequests[K]['reply']>;
}

/** Chrome: the host is the offscreen document, reached by runtime messages. */
export function offscreenTransport(): PhoneHostTransport {
  return { ensure: ensureOffscreenDocument, request: requestPhoneHost };
}

/** Firefox: the host runs in the background page itself. */
export function localTransport(host: PhoneHostHandlers): PhoneHostTransport {
  return {
    ensure: async () => false,
    request(type, payload) {
      const handler = host[type] as (payload: unknown) => Promise<never>;
      return handler(payload);
    },
  };
}
