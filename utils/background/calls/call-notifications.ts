import { t } from '../../i18n';
import type { CallView } from '../../sip/phone-state';

const INCOMING = 'incoming:';
const MISSED = 'missed:';
const AUTO_ANSWERED = 'auto-answered:';

export interface CallNotificationOptions {
  answer(callId: string): void;
  decline(callId: string): void;
  /** Clicking the notification itself brings up the popup (or the extension's page). */
  show(): void;
  /** Firefox has no notification buttons: its notification opens the popup instead. */
  buttons: boolean;
}

/**
 * System notifications for calls: one per ringing incoming call, with Answer and Decline, gone as
 * soon as it stops ringing; a missed call leaves one behind; a call answered without a click says
 * so and names who is on the line, until it ends. They follow the system's do-not-disturb; the
 * ringtone is ours, so ringing ones are silent.
 */
export function createCallNotifications(options: CallNotificationOptions) {
  const ringing = new Set<string>();
  const autoAnswered = new Set<string>();

  browser.notifications.onButtonClicked.addListener((id, index) => {
    if (!id.startsWith(INCOMING)) return;
    const callId = id.slice(INCOMING.length);
    if (index === 0) options.answer(callId);
    else options.decline(callId);
    void browser.notifications.clear(id);
  });
  browser.notifications.onClicked.addListener((id) => {
    if ([INCOMING, MISSED, AUTO_ANSWERED].some((prefix) => id.startsWith(prefix))) options.show();
  });

  function caller(call: CallView): string {
    return call.name && call.name !== call.number ? `${call.name} (${call.number})` : call.number;
  }

  /** Shows the calls ringing in now, and clears those that stopped. */
  async function update(calls: CallView[]): Promise<void> {
    const now = new Set(
      calls
        .filter(
          (call) => call.direction === 'incoming' && call.state === 'ringing' && !call.autoAnswer,
        )
        .map((c) => c.id),
    );
    for (const id of ringing) {
      if (!now.has(id)) {
        ringing.delete(id);
        await browser.notifications.clear(INCOMING + id);
      }
    }
    for (const call of calls) {
      if (!now.has(call.id) || ringing.has(call.id)) continue;
      ringing.add(call.id);
      await browser.notifications.create(INCOMING + call.id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: t('incomingCallTitle'),
        message: caller(call),
        ...(options.buttons
          ? {
              buttons: [{ title: t('answerButton') }, { title: t('declineButton') }],
              requireInteraction: true,
              silent: true,
            }
          : {}),
      });
    }
  }

  /**
   * Calls answered without a click (the auto-answer setting, uContact's campaign first leg), once
   * connected: one notification each, naming the caller, or for a campaign call the destination
   * being connected, so no call reaches the agent's headset unannounced.
   */
  async function announce(calls: CallView[]): Promise<void> {
    for (const call of calls) {
      if (!call.autoAnswer || call.connectedAt === undefined || autoAnswered.has(call.id)) continue;
      if (call.state === 'ended' || call.state === 'failed') continue;
      autoAnswered.add(call.id);
      await browser.notifications.create(AUTO_ANSWERED + call.id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: t('autoAnsweredTitle'),
        message: call.campaign
          ? // The number as the agent saw it when clicking, and the campaign it goes through.
            t('autoAnsweredCampaignMessage', [call.name || call.number, call.campaign.campaign])
          : caller(call),
      });
    }
  }

  /** A call that rang and was neither answered nor declined stays visible as missed. */
  async function ended(call: CallView): Promise<void> {
    ringing.delete(call.id);
    await browser.notifications.clear(INCOMING + call.id);
    if (autoAnswered.delete(call.id)) await browser.notifications.clear(AUTO_ANSWERED + call.id);
    if (call.direction !== 'incoming' || call.connectedAt !== undefined || call.declined) return;
    await browser.notifications.create(MISSED + call.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('missedCallTitle'),
      message: caller(call),
    });
  }

  return { update, announce, ended };
}
