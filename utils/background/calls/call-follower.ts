import type { CallView, PhoneSnapshot } from '../../sip/phone-state';
import type { Settings } from '../../settings/settings';
import { recordCall } from './call-history';
import { createCallNotifications } from './call-notifications';
import { screenPopUrl } from '../../settings/screen-pop';

export interface CallFollowerOptions {
  answer(callId: string): void;
  decline(callId: string): void;
  /** Brings the agent to the phone (the popup where the browser allows, else a tab). */
  show(): void;
  openTab(url: string): void;
  notificationButtons: boolean;
  log(...args: unknown[]): void;
}

/**
 * What the background does as calls come and go: notifications for incoming and missed calls,
 * the CRM screen-pop, and the call history.
 */
export function createCallFollower(options: CallFollowerOptions) {
  const notifications = createCallNotifications({
    answer: options.answer,
    decline: options.decline,
    show: options.show,
    buttons: options.notificationButtons,
  });
  const popped = new Set<string>();

  function screenPop(call: CallView, settings: Settings): void {
    const { when, template } = settings.screenPop;
    if (call.direction !== 'incoming' || popped.has(call.id) || when === 'never') return;
    const due = when === 'ring' ? call.state === 'ringing' : call.state === 'established';
    if (!due) return;
    popped.add(call.id);
    const url = screenPopUrl(template, call.number);
    if (url) options.openTab(url);
  }

  return {
    /** Every phone snapshot: notify what rings or was answered by itself, pop the CRM record when due. */
    async onSnapshot(snapshot: PhoneSnapshot, settings: Settings): Promise<void> {
      const calls = [snapshot.call, ...snapshot.otherCalls].filter(
        (call): call is CallView => !!call,
      );
      for (const call of calls) screenPop(call, settings);
      await notifications.update(calls.filter((call) => call.state === 'ringing'));
      await notifications.announce(calls);
    },
    /** Every finished call: history, and a missed-call notice when it was missed. */
    async onCallEnded(call: CallView): Promise<void> {
      popped.delete(call.id);
      await notifications.ended(call).catch((error: unknown) => options.log('notification', error));
      await recordCall(call);
    },
  };
}
export type CallFollower = ReturnType<typeof createCallFollower>;
