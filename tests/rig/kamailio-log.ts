/** One request as the rig's Kamailio config logs it (`UCT-SIP key=value ...`). */
export interface SipRequestLine {
  method: string;
  /** Request-URI user as received, before any dial-plan rewrite. */
  ruser: string;
  tuser: string;
  fuser: string;
  inDialog: boolean;
  /** Carries credentials (the retry after a 401/407 challenge), so each call or registration logs twice. */
  withCredentials: boolean;
  /** REGISTER with Expires 0 (header, Contact param, or `Contact: *`). */
  unregister: boolean;
  expires: string;
  callId: string;
  proto: string;
  /** When Kamailio received it, epoch milliseconds. */
  at: number;
}

/** A reply the config logs before sending it (only the 403s of the auth route today). */
export interface SipReplyLine {
  method: string;
  user: string;
  code: number;
}

function fields(line: string, marker: string): Record<string, string> | undefined {
  const at = line.indexOf(`${marker} `);
  if (at < 0) return undefined;
  const pairs = line
    .slice(at + marker.length + 1)
    .trim()
    .split(/\s+/)
    .map((pair) => {
      const eq = pair.indexOf('=');
      return [pair.slice(0, eq), pair.slice(eq + 1)] as const;
    });
  return Object.fromEntries(pairs);
}

// Kamailio prints unset pseudo-variables as "<null>".
const value = (v: string | undefined): string => (v === undefined || v === '<null>' ? '' : v);

export function parseSipRequests(log: string): SipRequestLine[] {
  return log.split('\n').flatMap((line) => {
    const f = fields(line, 'UCT-SIP');
    if (!f) return [];
    return [
      {
        method: value(f.method),
        ruser: value(f.ruser),
        tuser: value(f.tuser),
        fuser: value(f.fuser),
        inDialog: f.dialog === 'in',
        withCredentials: f.auth === '1',
        unregister: f.unregister === '1',
        expires: value(f.expires),
        callId: value(f.callid),
        proto: value(f.proto),
        at: Math.round(Number(value(f.at)) * 1000),
      },
    ];
  });
}

export function parseSipReplies(log: string): SipReplyLine[] {
  return log.split('\n').flatMap((line) => {
    const f = fields(line, 'UCT-SIP-REPLY');
    return f ? [{ method: value(f.method), user: value(f.user), code: Number(f.code) }] : [];
  });
}
