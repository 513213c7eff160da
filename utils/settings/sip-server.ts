import { AppError } from '../errors';

/** uContact's WebSocket SIP endpoint on every instance (its own web phone uses it). */
export function defaultSipServer(sipHost: string): string {
  return `wss://${sipHost}:8089/ws`;
}

/** Validates the Advanced → SIP server field: empty, or a `wss://`/`ws://` URL. */
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
  return url.href;
}
