import { Md5 } from 'sip.js/lib/core/messages/md5.js';
import type { AgentProfile } from '../../ucontact/agent-profile';
import type { Credentials } from '../../session-storage';

/** uContact's Asterisk digest realm. */
export const SIP_REALM = 'asterisk';

/**
 * The digest credential to register with: AgentLogin's HA1 when present, else its SIP secret,
 * else an HA1 derived from the agent password so that the password itself is never stored.
 */
export function sipCredential(
  profile: AgentProfile,
  agentPassword: string,
): Credentials['sipAuth'] {
  if (profile.md5secret) return { kind: 'ha1', value: profile.md5secret };
  if (profile.secret) return { kind: 'password', value: profile.secret };
  return {
    kind: 'ha1',
    value: Md5.hashStr(`${profile.extension}:${SIP_REALM}:${agentPassword}`),
  };
}
