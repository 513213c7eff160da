import { AppError } from '../errors';

/** Reads a response body as UTF-8 text, refusing bodies larger than `maxBytes`. */
export async function readTextCapped(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body.cancel();
    throw new AppError('errorUnexpectedReply');
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new AppError('errorUnexpectedReply');
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
