import { AppError } from '../errors';
import { isRefusal, postWithToken, type RequestOptions } from './request';

export const AGENT_BREAK_PATH = '/Integra/resources/api/AgentBreak';
export const AGENT_UNBREAK_PATH = '/Integra/resources/api/AgentUnBreak';

/** Who goes on (or comes back from) a break, and why: `motive` is a break name set in uContact. */
export interface AgentBreakRequest {
  agent: string;
  extension: string;
  motive: string;
}

/** Starts the agent's break: uContact stops offering them calls. */
export async function agentBreak(
  origin: string,
  token: string,
  request: AgentBreakRequest,
  options: RequestOptions = {},
): Promise<void> {
  await postBreak(`${origin}${AGENT_BREAK_PATH}`, token, request, options, 'errorBreakRefused');
}

/** Ends the break started with the same `motive`: the agent is ready again. */
export async function agentUnbreak(
  origin: string,
  token: string,
  request: AgentBreakRequest,
  options: RequestOptions = {},
): Promise<void> {
  await postBreak(`${origin}${AGENT_UNBREAK_PATH}`, token, request, options, 'errorUnbreakRefused');
}

async function postBreak(
  url: string,
  token: string,
  { agent, extension, motive }: AgentBreakRequest,
  options: RequestOptions,
  refused: 'errorBreakRefused' | 'errorUnbreakRefused',
): Promise<void> {
  const body = await postWithToken(
    url,
    token,
    { agent, interface: `SIP/${extension}`, motive },
    options,
  );
  if (isRefusal(body)) throw new AppError(refused, [motive]);
}
