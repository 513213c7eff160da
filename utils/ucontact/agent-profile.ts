import { AppError } from '../errors';
import { untrustedName } from '../untrusted-text';
import { isRefusal } from './request';

/** What AgentLogin tells us about the agent, typed. The only place that reads its raw JSON. */
export interface AgentProfile {
  /** SIP extension and digest user, e.g. `1997`. */
  extension: string;
  /** SIP domain and default WebSocket host, e.g. `acme.ucontactcloud.com`. */
  sipHost: string;
  transport: string;
  /** The agent's name as AgentLogin gave it, cleaned (`untrustedName`); the extension without one. */
  fullName: string;
  callerId: string;
  /** Asterisk HA1 = MD5(extension:asterisk:password); may be empty on some instances. */
  md5secret: string;
  /** Plain SIP secret, used only when `md5secret` is empty. */
  secret: string;
  /** Base64 of `user:uuid`, sent as `Authorization: Basic` on other Integra calls. */
  token: string;
  codecs: string[];
  dtmfMode: string;
  /** The Asterisk dialplan context of the agent's calls (AgentCall's default `context`). */
  context: string;
}

const SIP_USER = /^[A-Za-z0-9_.!~*'()&=+$-]{1,64}$/;
const HOSTNAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const HA1 = /^[0-9a-f]{32}$/i;

/**
 * Parses AgentLogin's text body. uContact answers failures with HTTP 200 and a body of `0` or
 * `Error`, so anything that is not a JSON object with a usable `name` and `host` is a failure.
 */
export function parseAgentLogin(body: string): AgentProfile {
  const text = body.replace(/^\uFEFF/, '').trim();
  if (!text) throw new AppError('errorEmptyReply');
  if (isRefusal(text)) throw new AppError('errorBadCredentials');

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new AppError('errorUnexpectedReply', [], { cause });
  }
  if (!isRecord(data)) throw new AppError('errorUnexpectedReply');

  const extension = idString(data.name);
  if (!extension || !SIP_USER.test(extension)) throw new AppError('errorProfileIncomplete');
  const sipHost = optionalString(data.host);
  if (!sipHost || !HOSTNAME.test(sipHost)) throw new AppError('errorProfileIncomplete');
  const md5secret = optionalString(data.md5secret);
  if (md5secret && !HA1.test(md5secret)) throw new AppError('errorProfileIncomplete');

  // Shown in the popup and sent as the SIP From display name: cleaned of what could break either.
  const fullName = untrustedName(data.fullname);
  return {
    extension,
    sipHost,
    transport: optionalString(data.transport) || 'wss',
    fullName: fullName || extension,
    callerId: optionalString(data.callerid),
    md5secret: md5secret.toLowerCase(),
    secret: optionalString(data.secret),
    token: optionalString(data.token),
    codecs: optionalString(data.allow)
      .split(/[;,]/)
      .map((codec) => codec.trim())
      .filter(Boolean),
    dtmfMode: optionalString(data.dtmfmode) || 'rfc2833',
    context: optionalString(data.context),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Extensions are digits, and some instances send them as JSON numbers. */
function idString(value: unknown): string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return typeof value === 'string' ? value.trim() : '';
}

/** Wrong-typed optional fields count as absent rather than leaking `[object Object]` into the UI. */
function optionalString(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
