import { AppError } from '../errors';
import { isRefusal, postWithToken, type RequestOptions } from './request';

export const DISPOSITION_CALL_PATH = '/Integra/resources/api/DispositionCall';

/** A campaign call's result, as the agent chose it after the call. */
export interface DispositionCallRequest {
  campaign: string;
  agent: string;
  /** The customer's number, as dialled (partner docs: the contact's phone number). */
  callerId: string;
  /** AgentCall's reply: which call this result is for. */
  guid: string;
  /** The result's levels, as in the campaign's result tree; the lower ones may be empty. */
  l1: string;
  l2?: string;
  l3?: string;
  comment?: string;
  /** A callback time, `YYYY-MM-DD HH:MI:SS`; empty for none. */
  schedule?: string;
}

/**
 * Saves the call's result in uContact (`api/DispositionCall`). Every field the endpoint takes is
 * sent, the unused ones (`d1`, `d2`, `camptoreschedule`, `tag`) empty.
 */
export async function dispositionCall(
  origin: string,
  token: string,
  result: DispositionCallRequest,
  options: RequestOptions = {},
): Promise<void> {
  const body = await postWithToken(
    `${origin}${DISPOSITION_CALL_PATH}`,
    token,
    {
      campaign: result.campaign,
      agent: result.agent,
      callerid: result.callerId,
      guid: result.guid,
      l1: result.l1,
      l2: result.l2 ?? '',
      l3: result.l3 ?? '',
      d1: '',
      d2: '',
      comment: result.comment ?? '',
      schedule: result.schedule ?? '',
      camptoreschedule: '',
      tag: '',
    },
    options,
  );
  if (isRefusal(body)) throw new AppError('errorDispositionRefused');
}
