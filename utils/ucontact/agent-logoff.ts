import { postWithToken, type RequestOptions } from './request';

export const AGENT_LOGOFF_PATH = '/Integra/resources/api/AgentLogoff';

/**
 * Tells uContact the agent left (`interface=SIP/{extension}`), authorized by the login token.
 * A 401 means the token expired: the caller asks the agent to log in again.
 */
export async function agentLogoff(
  origin: string,
  agent: string,
  extension: string,
  token: string,
  options: RequestOptions = {},
): Promise<void> {
  await postWithToken(
    `${origin}${AGENT_LOGOFF_PATH}`,
    token,
    { agent, interface: `SIP/${extension}` },
    options,
  );
}
