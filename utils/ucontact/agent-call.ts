import { AppError } from '../errors';
import { postWithToken, replyText, type RequestOptions } from './request';

export const AGENT_CALL_PATH = '/Integra/resources/Agents/AgentCall';

/** What AgentCall needs: the campaign to call through, the agent's phone, the number. */
export interface AgentCallRequest {
  /** The campaign's DID, shown to the called party (`callerid`). */
  callerId: string;
  /** The agent name as typed at login. */
  agent: string;
  /** The agent's SIP extension, which uContact rings first (`phone`). */
  extension: string;
  context: string;
  /** The campaign's name (`outqueue`), e.g. `Ventas->`. */
  campaign: string;
  /** The dial string. */
  destination: string;
}

/**
 * The call GUID AgentCall answers with; anything else (`0`, empty, a sentence) is a refusal. Its
 * format is not documented: a UUID, or Asterisk's `1733412345.67` uniqueid, both pass.
 */
const CALL_GUID = /^[A-Za-z0-9.-]{8,64}$/;

/**
 * uContact's two-step click-to-call through a campaign: it rings the agent's phone first (an
 * INVITE with `P-Auto-Answer: normal`), then dials `destination` and bridges the two. Resolves
 * with the call's GUID, which the call result (DispositionCall) refers to.
 */
export async function agentCall(
  origin: string,
  token: string,
  call: AgentCallRequest,
  options: RequestOptions = {},
): Promise<string> {
  const body = await postWithToken(
    `${origin}${AGENT_CALL_PATH}`,
    token,
    {
      callerid: call.callerId,
      agent: call.agent,
      phone: call.extension,
      tech: 'SIP',
      context: call.context,
      outqueue: call.campaign,
      destination: call.destination,
    },
    options,
  );
  const guid = replyText(body);
  if (!CALL_GUID.test(guid)) throw new AppError('errorAgentCallRefused', [call.campaign]);
  return guid;
}
