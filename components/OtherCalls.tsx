import { For, Show } from 'solid-js';
import { t } from '@/utils/i18n';
import type { CallView } from '@/utils/sip/phone-state';

/** Calls besides the one in front: one waiting to be answered, or one on hold. */
export function OtherCalls(props: {
  calls: CallView[];
  onAnswer: (callId: string) => void;
  onDecline: (callId: string) => void;
  onResume: (callId: string) => void;
}) {
  return (
    <Show when={props.calls.length > 0}>
      <section class="other-calls" aria-label={t('otherCallsLabel')}>
        <For each={props.calls}>
          {(call) => (
            <div class="other-call" data-testid="other-call" data-state={call.state}>
              <span class="other-call-party">
                {call.name || call.number}
                <span class="other-call-state">
                  {' · '}
                  {call.state === 'ringing' ? t('incomingCallTitle') : t('callStateHeld')}
                </span>
              </span>
              <Show
                when={call.state === 'ringing' && call.direction === 'incoming'}
                fallback={
                  <button type="button" class="secondary" onClick={() => props.onResume(call.id)}>
                    {t('resumeButton')}
                  </button>
                }
              >
                <button type="button" class="primary" onClick={() => props.onAnswer(call.id)}>
                  {t('callWaitingAnswer')}
                </button>
                <button type="button" class="danger" onClick={() => props.onDecline(call.id)}>
                  {t('declineButton')}
                </button>
              </Show>
            </div>
          )}
        </For>
      </section>
    </Show>
  );
}
