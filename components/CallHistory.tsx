import { For, Show } from 'solid-js';
import { t, type MessageKey } from '@/utils/i18n';
import type { CallRecord } from '@/utils/storage';

const OUTCOMES: Record<CallRecord['outcome'], MessageKey> = {
  answered: 'outcomeAnswered',
  missed: 'outcomeMissed',
  declined: 'outcomeDeclined',
  unanswered: 'outcomeUnanswered',
  failed: 'outcomeFailed',
  cancelled: 'outcomeCancelled',
  transferred: 'outcomeTransferred',
};
const SHOWN = 20;

/** The agent's recent calls, newest first, each one click from a redial. */
export function CallHistory(props: {
  history: CallRecord[];
  canCall: boolean;
  onRedial: (record: CallRecord) => void;
  onClear: () => void;
}) {
  const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });
  const duration = (seconds: number) =>
    seconds > 0 ? ` · ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}` : '';
  return (
    <details class="history">
      <summary>{t('historyTitle')}</summary>
      <Show when={props.history.length > 0} fallback={<p class="hint">{t('historyEmpty')}</p>}>
        <ul class="history-list" data-testid="call-history">
          <For each={props.history.slice(0, SHOWN)}>
            {(record) => (
              <li
                class="history-entry"
                data-direction={record.direction}
                data-outcome={record.outcome}
              >
                <span class="history-text">
                  <span class="history-party">{record.name || record.number}</span>
                  <span class="history-meta">
                    {t(record.direction === 'incoming' ? 'directionIncoming' : 'directionOutgoing')}
                    {' · '}
                    {t(OUTCOMES[record.outcome])}
                    {duration(record.durationSec)}
                    {' · '}
                    {time.format(record.startedAt)}
                  </span>
                  <Show when={record.campaign}>
                    {(campaign) => (
                      <span class="history-meta history-campaign">
                        {campaign().result
                          ? t('historyCampaignResult', [campaign().name, campaign().result!])
                          : t('historyCampaign', [campaign().name])}
                      </span>
                    )}
                  </Show>
                </span>
                <button
                  type="button"
                  class="secondary redial"
                  disabled={!props.canCall || !/^\+?[0-9*#]+$/.test(record.number)}
                  aria-label={t('redialButton', [record.number])}
                  title={t('redialButton', [record.number])}
                  onClick={() => props.onRedial(record)}
                >
                  ↻
                </button>
              </li>
            )}
          </For>
        </ul>
        <button type="button" class="secondary" onClick={() => props.onClear()}>
          {t('historyClear')}
        </button>
      </Show>
    </details>
  );
}
