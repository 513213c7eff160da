import { AppError } from '../errors';
import { isLoopbackHost } from '../ucontact/instance';

/** uContact's WebSocket SIP endpoint on every instance (its own web phone uses it). */
export function defaultSipServer(sipHost: string): string {
  return `wss://${sipHost}:8089/ws`;
}

/**
 * Validates a SIP server (the login form's Advanced field, the options page, policy): empty, or a
 * `wss://` URL; `ws://` only to this computer (`isLoopbackHost`, as for `http://` instances), since
 * the SIP digest exchange, the caller numbers and the SDP would otherwise cross the network in
 * clear text.
 */
export function parseSipServer(input: string): string {
  const text = input.trim();
  if (!text) return '';
  let url: URL;
  try {
    url = new URL(text);
  } catch (cause) {
    throw new AppError('errorSipServerInvalid', [], { cause });
  }
  if ((url.protocol !== 'wss:' && url.protocol !== 'ws:') || url.username || url.password) {
    throw new AppError('errorSipServerInvalid');
  }
  if (url.protocol === 'ws:' && !isLoopbackHost(url.hostname)) {
    throw new AppError('errorSipServerInsecure', [url.host]);
  }
  return url.href;
}
