import { randomUUID } from 'node:crypto';
import { ha1, SIP_REALM } from './sip-credentials';

/** An agent the fake uContact knows. `profile` overrides (or adds) reply fields, e.g. `{ md5secret: '' }`. */
export interface UContactAgent {
  agent: string;
  password: string;
  /** SIP extension, the reply's `name`. */
  name: string;
  sipPassword: string;
  fullname?: string;
  profile?: Record<string, unknown>;
}

/** The JSON object a real AgentLogin returns for a good login (field names and formats as uContact's). */
export function loginProfile(
  agent: UContactAgent,
  host: string,
  token = issueToken(agent.agent),
): Record<string, unknown> {
  const fullname = agent.fullname ?? agent.agent;
  return {
    name: agent.name,
    host,
    transport: 'wss',
    md5secret: ha1(agent.name, agent.sipPassword, SIP_REALM),
    secret: agent.sipPassword,
    callerid: `${fullname} <${agent.name}>`,
    fullname,
    token,
    allow: 'alaw;ulaw',
    dtmfmode: 'rfc2833',
    // The Asterisk dialplan context of the agent's calls (AgentCall's default `context`).
    context: 'from-agents',
    ...agent.profile,
  };
}

/** uContact's session token: base64 of `user:uuid`, sent back as `Authorization: Basic {token}`. */
export function issueToken(agent: string): string {
  return Buffer.from(`${agent}:${randomUUID()}`).toString('base64');
}
