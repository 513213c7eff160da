import { AppError } from '../errors';

/** A site the agent (or a policy) enables for click-to-call: its http(s) origin, or a readable error. */
export function parseSiteOrigin(input: string): string {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch (cause) {
    throw new AppError('errorSiteInvalid', [text], { cause });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('errorSiteInvalid', [text]);
  }
  return url.origin;
}
