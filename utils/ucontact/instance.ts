import { AppError } from '../errors';

/** Where an agent's uContact instance lives. */
export interface InstanceAddress {
  /** Origin without trailing slash, e.g. `https://acme.ucontactcloud.com`. */
  origin: string;
  /** True for `*.ucontactcloud.com`, which the manifest's host permission covers. */
  isCloud: boolean;
}

export const CLOUD_DOMAIN = 'ucontactcloud.com';

const BARE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const LOOPBACK_NAMES = new Set(['localhost', '[::1]']);
/** 127.0.0.0/8, as the URL parser writes it (it turns `127.1` or `0x7f.1` into `127.0.0.1`). */
const LOOPBACK_IPV4 = /^127(?:\.\d{1,3}){3}$/;

/**
 * A URL hostname (as `new URL()` gives it) that names this computer: `localhost`, `[::1]` or
 * 127.0.0.0/8. The one place that decides where clear-text `http://` and `ws://` may go: nothing
 * that crosses a network. `127.0.0.1.evil.example` is a name like any other, not loopback.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return LOOPBACK_NAMES.has(host) || LOOPBACK_IPV4.test(host);
}

/**
 * Turns what the agent typed into an instance origin:
 * `acme` → `https://acme.ucontactcloud.com`; `pbx.example.com` → `https://pbx.example.com`;
 * `https://pbx.example.com:8443` stays as it is. Anything else is refused with a message.
 */
export function parseInstance(input: string): InstanceAddress {
  const text = input.trim();
  if (!text) throw new AppError('errorInstanceEmpty');
  if (BARE_NAME.test(text)) return cloud(`${text.toLowerCase()}.${CLOUD_DOMAIN}`);

  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch (cause) {
    throw new AppError('errorInstanceInvalid', [text], { cause });
  }
  const hasExtra =
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    (url.pathname !== '/' && url.pathname !== '');
  if (hasExtra || !isHostname(url.hostname)) throw new AppError('errorInstanceInvalid', [text]);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    // The agent's password travels in this request: never in clear text over a network.
    throw new AppError('errorInstanceInsecure', [text]);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('errorInstanceInvalid', [text]);
  }
  const host = url.hostname.toLowerCase();
  if (url.protocol === 'https:' && !url.port && host.endsWith(`.${CLOUD_DOMAIN}`))
    return cloud(host);
  return { origin: url.origin, isCloud: false };
}

function cloud(host: string): InstanceAddress {
  return { origin: `https://${host}`, isCloud: true };
}

function isHostname(hostname: string): boolean {
  if (isLoopbackHost(hostname)) return true;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(hostname)) return true;
  const labels = hostname.split('.');
  return labels.length >= 2 && labels.every((label) => HOST_LABEL.test(label));
}
