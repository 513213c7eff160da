import { AppError } from '../errors';
import { postForm, type RequestOptions } from './request';

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
  try {
    await postForm(
      `${origin}${AGENT_LOGOFF_PATH}`,
      { agent, interface: `SIP/${extension}` },
      { ...options, headers: { Authorization: `Basic ${token}` } },
    );
  } catch (error) {
    if (error instanceof AppError && error.key === 'errorUnauthorized') {
      throw new AppError('errorSessionExpired', [], { cause: error });
    }
    throw error;
  }
}
