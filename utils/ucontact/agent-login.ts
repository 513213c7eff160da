import { parseAgentLogin, type AgentProfile } from './agent-profile';
import { postForm, type RequestOptions } from './request';

export const AGENT_LOGIN_PATH = '/Integra/resources/auth/AgentLogin';

/** uContact's AgentLogin: form POST, text reply holding JSON, failures as HTTP 200 `0`/`Error`. */
export async function agentLogin(
  origin: string,
  agent: string,
  password: string,
  options: RequestOptions = {},
): Promise<AgentProfile> {
  const body = await postForm(`${origin}${AGENT_LOGIN_PATH}`, { agent, password }, options);
  return parseAgentLogin(body);
}
