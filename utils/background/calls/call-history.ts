import type { CallView } from '../../sip/phone-state';
import { HISTORY_LIMIT, historyItem, type CallRecord } from '../../storage';

/** How a finished call goes down in history. */
export function callRecord(call: CallView): CallRecord {
  const connected = call.connectedAt !== undefined;
  const durationSec = connected
    ? Math.max(0, Math.round(((call.endedAt ?? Date.now()) - call.connectedAt!) / 1000))
    : 0;
  let outcome: CallRecord['outcome'];
  if (call.transferredTo) outcome = 'transferred';
  else if (connected) outcome = 'answered';
  else if (call.direction === 'incoming') outcome = call.declined ? 'declined' : 'missed';
  else if (call.state === 'ended') outcome = 'cancelled';
  else if (call.error?.key === 'errorCallRejected' || call.error?.key === 'errorCallNotAnswered')
    outcome = 'unanswered';
  else outcome = 'failed';
  return {
    id: call.id,
    direction: call.direction,
    number: call.number,
    name: call.name,
    startedAt: call.startedAt,
    durationSec,
    outcome,
    ...(call.campaign
      ? { campaign: { name: call.campaign.campaign, legId: call.campaign.id } }
      : {}),
  };
}

/** History writes run one after another: two calls ending together must both be kept. */
let writes: Promise<unknown> = Promise.resolve();
function serialized<T>(write: () => Promise<T>): Promise<T> {
  const next = writes.then(write, write);
  writes = next.catch(() => undefined);
  return next;
}

/** Adds a finished call (once per call id), newest first, keeping the last `HISTORY_LIMIT`. */
export function recordCall(call: CallView): Promise<CallRecord | undefined> {
  return serialized(async () => {
    if (call.state !== 'ended' && call.state !== 'failed') return undefined;
    const history = await historyItem.getValue();
    if (history.some((entry) => entry.id === call.id)) return undefined;
    const record = callRecord(call);
    await historyItem.setValue([record, ...history].slice(0, HISTORY_LIMIT));
    return record;
  });
}

/** A campaign call's result was saved: its history entry shows it (`Sale > Card`). */
export function recordCallResult(legId: string, result: string): Promise<void> {
  return serialized(async () => {
    const history = await historyItem.getValue();
    await historyItem.setValue(
      history.map((entry) =>
        entry.campaign?.legId === legId
          ? { ...entry, campaign: { ...entry.campaign, result } }
          : entry,
      ),
    );
  });
}

export function clearHistory(): Promise<void> {
  return serialized(() => historyItem.setValue([]));
}
